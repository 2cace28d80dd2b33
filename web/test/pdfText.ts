// The text of a PDF that Chromium printed, page by page, for the tests: enough of PDF to read
// Skia's output (Flate streams, fonts with ToUnicode maps, Tj/TJ text). Not a general PDF reader.
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function objects(pdf: Buffer): Map<number, PdfObject> {
  const s = pdf.toString('latin1');
  const out = new Map<number, PdfObject>();
  const re = /(?:^|[\r\n])(\d+) 0 obj\b/g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const start = m.index + m[0].length;
    const end = s.indexOf('endobj', start);
    const body = s.slice(start, end);
    const si = body.search(/>>\s*stream\r?\n/);
    if (si < 0) {
      out.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, si + 2);
    const from = start + body.indexOf('stream', si) + 'stream'.length + (s[start + body.indexOf('stream', si) + 6] === '\r' ? 2 : 1);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const raw = pdf.subarray(from, from + length);
    out.set(Number(m[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    re.lastIndex = end;
  }
  return out;
}

const refs = (text: string) => [...text.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));

interface CMap {
  bytes: number;
  map: Map<number, string>;
}

function utf16(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

function parseCMap(text: string): CMap {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9a-fA-F]+)>/.exec(text);
  const bytes = space ? space[1].length / 2 : 2;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1], 16), utf16(m[2]));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[3].startsWith('[')) {
        [...m[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, i) => map.set(lo + i, utf16(d[1])));
      } else {
        const base = m[3].slice(1, -1);
        const first = parseInt(base.slice(-4), 16);
        for (let c = lo; c <= hi; c++) map.set(c, utf16(base.slice(0, -4)) + String.fromCharCode(first + c - lo));
      }
    }
  }
  return { bytes, map };
}

function decode(hex: string, cmap: CMap | undefined): string {
  if (!cmap) return '';
  let out = '';
  const w = cmap.bytes * 2;
  for (let i = 0; i + w <= hex.length; i += w) out += cmap.map.get(parseInt(hex.slice(i, i + w), 16)) ?? '';
  return out;
}

/** The text of each page, one line per text object. */
export function pdfPages(pdf: Buffer): string[] {
  const objs = objects(pdf);
  const cmaps = new Map<number, CMap>();
  const cmapOf = (fontObj: number): CMap | undefined => {
    if (!cmaps.has(fontObj)) {
      const ref = /\/ToUnicode (\d+) 0 R/.exec(objs.get(fontObj)?.dict ?? '');
      const stream = ref ? objs.get(Number(ref[1]))?.stream : null;
      if (stream) cmaps.set(fontObj, parseCMap(stream.toString('latin1')));
    }
    return cmaps.get(fontObj);
  };
  const pagesRoot = [...objs.values()].find((o) => /\/Type \/Pages\b/.test(o.dict) && !/\/Parent/.test(o.dict));
  const kids = pagesRoot ? refs(/\/Kids \[([^\]]*)\]/.exec(pagesRoot.dict)?.[1] ?? '') : [];
  return kids.map((n) => {
    const page = objs.get(n)!.dict;
    const fonts = new Map<string, number>();
    const fontDict = /\/Font <<([^>]*)>>/.exec(page)?.[1] ?? '';
    for (const m of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(m[1], Number(m[2]));
    const contents = /\/Contents (\[[^\]]*\]|\d+ 0 R)/.exec(page)?.[1] ?? '';
    const lines: string[] = [];
    for (const c of refs(contents)) {
      const ops = objs.get(c)?.stream?.toString('latin1') ?? '';
      let font: CMap | undefined;
      let line = '';
      for (const m of ops.matchAll(/\/(\w+) [\d.]+ Tf|<([0-9a-fA-F]*)> ?Tj|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\] ?TJ|\bET\b/g)) {
        if (m[1] !== undefined) font = fonts.has(m[1]) ? cmapOf(fonts.get(m[1])!) : undefined;
        else if (m[2] !== undefined) line += decode(m[2], font);
        else if (m[3] !== undefined) for (const part of m[3].matchAll(/<([0-9a-fA-F]*)>|(-?\d+(?:\.\d+)?)/g)) line += part[1] !== undefined ? decode(part[1], font) : Number(part[2]) < -200 ? ' ' : '';
        else {
          if (line) lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
    }
    // NFKC: Skia maps CJK glyphs to Kangxi radicals (⼀ for 一) and fi to a ligature; a reader sees the letters
    return lines.join('\n').normalize('NFKC');
  });
}

/** The page size in points (A4 is 595.3 × 841.9) of each page. */
export function pdfPageSizes(pdf: Buffer): { width: number; height: number }[] {
  const objs = objects(pdf);
  const out: { width: number; height: number }[] = [];
  for (const o of objs.values()) {
    if (!/\/Type \/Page\b/.test(o.dict)) continue;
    const box = /\/MediaBox \[([-\d.\s]+)\]/.exec(o.dict)?.[1].trim().split(/\s+/).map(Number);
    if (box) out.push({ width: box[2] - box[0], height: box[3] - box[1] });
  }
  return out;
}
