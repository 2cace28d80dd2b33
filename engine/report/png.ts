// SVG → PNG with resvg (a Rust renderer shipped as an npm binary package: nothing is downloaded at
// install time). Chinese labels need a CJK font, found in this order:
//   1. the file named by HOTLINE_SIM_CJK_FONT (.ttf, .otf or .ttc);
//   2. a CJK font installed on the system (Noto Sans CJK, WenQuanYi, Droid Sans Fallback, PingFang,
//      Microsoft YaHei …, at their usual paths);
//   3. Noto Sans SC from the @fontsource/noto-sans-sc npm package (a dependency, OFL), whose
//      Simplified Chinese subset is unpacked once from WOFF2 to a TrueType file in the temp folder
//      (resvg reads TrueType/OpenType, not WOFF2).
// With none of them, Chinese characters come out as empty boxes and `cjkFont().source` is 'none'.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const SYSTEM_CJK_FONTS = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/System/Library/Fonts/PingFang.ttc',
  '/System/Library/Fonts/STHeiti Light.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
];

export interface CjkFont {
  /** Font file given to the renderer (null: none found). */
  file: string | null;
  source: 'environment' | 'system' | 'bundled' | 'none';
}

let found: Promise<CjkFont> | null = null;

/** The CJK font PNG charts use (looked up once per process). */
export function cjkFont(): Promise<CjkFont> {
  found ??= findCjkFont();
  return found;
}

async function findCjkFont(): Promise<CjkFont> {
  const fromEnv = process.env.HOTLINE_SIM_CJK_FONT;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new RangeError(`HOTLINE_SIM_CJK_FONT names ${fromEnv}, which does not exist`);
    return { file: fromEnv, source: 'environment' };
  }
  const system = SYSTEM_CJK_FONTS.find((f) => existsSync(f));
  if (system) return { file: system, source: 'system' };
  try {
    return { file: await bundledFont(), source: 'bundled' };
  } catch {
    return { file: null, source: 'none' };
  }
}

/** Noto Sans SC (Simplified Chinese subset, regular) from the npm package, as a cached TrueType file. */
async function bundledFont(): Promise<string> {
  const require = createRequire(import.meta.url);
  const pkgJson = require.resolve('@fontsource/noto-sans-sc/package.json');
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version: string }).version;
  const cached = join(tmpdir(), 'hotline-sim-fonts', `noto-sans-sc-${version}-chinese-simplified-400.ttf`);
  if (existsSync(cached)) return cached;
  const woff2 = readFileSync(join(dirname(pkgJson), 'files', 'noto-sans-sc-chinese-simplified-400-normal.woff2'));
  const { decompress } = require('wawoff2') as { decompress: (b: Uint8Array) => Promise<Uint8Array> };
  const ttf = await decompress(woff2);
  mkdirSync(dirname(cached), { recursive: true });
  // Another process may be unpacking it too: write aside, then rename.
  const temp = `${cached}.${process.pid}.tmp`;
  writeFileSync(temp, ttf);
  renameSync(temp, cached);
  return cached;
}

/** Renders an SVG to PNG at `scale` × its size (2: sharp when pasted into a report). */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const font = await cjkFont();
  const { Resvg } = await import('@resvg/resvg-js');
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, fontFiles: font.file ? [font.file] : [] },
  });
  return r.render().asPng();
}
