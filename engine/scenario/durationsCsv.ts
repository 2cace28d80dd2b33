// Observed durations from a CSV file (an empirical distribution): read exactly, or refused with
// the line and column of the first problem. Nothing is skipped silently: an empty field, a
// thousands separator that splits a number into two fields, or text that is not UTF-8 (GBK
// exports from Chinese call-centre systems) would otherwise change the distribution unseen.
import { LIMITS } from '../limits.ts';

/** Durations in seconds, or a message naming the line and column of the problem. */
export function parseDurationColumn(input: string | Uint8Array, column?: string): number[] | string {
  const text = typeof input === 'string' ? input : decodeUtf8(input);
  if (typeof text !== 'string') return text.error;
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\n|\r/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) return 'the file is empty';
  const first = splitCsvLine(lines[0]);
  if (typeof first === 'string') return `line 1: ${first}`;
  const header = first.map((h) => h.trim());
  let col = 0;
  let start = 0;
  if (column !== undefined) {
    col = header.indexOf(column);
    if (col < 0) return `no column "${column}" (columns: ${header.join(', ')})`;
    start = 1;
  } else if (header[0] === '' || Number.isNaN(Number(header[0]))) {
    start = 1; // a header line
  }
  const width = header.length;
  const values: number[] = [];
  for (let i = start; i < lines.length; i++) {
    const where = `line ${i + 1}`;
    if (lines[i].trim() === '') return `${where} is empty (a missing value?): remove it or give the duration`;
    const fields = splitCsvLine(lines[i]);
    if (typeof fields === 'string') return `${where}: ${fields}`;
    if (fields.length !== width) {
      const hint = fields.length > width && /^\d{1,3}$/.test(fields[col + 1]?.trim() ?? '') ? ' (a thousands separator? write 1234, not 1,234)' : '';
      return `${where} has ${fields.length} fields, the first line ${width}${hint}`;
    }
    const raw = fields[col].trim();
    const at = `${where}, column ${col + 1}`;
    if (raw === '') return `${at}: the field is empty (a missing value?)`;
    // "1,234" in quotes is a number with a thousands separator; read it as 1234.
    const plain = /^\d{1,3}(,\d{3})+(\.\d+)?$/.test(raw) ? raw.replace(/,/g, '') : raw;
    const v = Number(plain);
    if (!Number.isFinite(v) || v < 0 || !/^[0-9.eE+-]+$/.test(plain)) return `${at}: "${raw}" is not a duration in seconds`;
    if (v > LIMITS.durationSeconds) return `${at}: ${raw} seconds is more than the limit of ${LIMITS.durationSeconds.toExponential(0).replace('e+', 'e')}`;
    values.push(v);
    if (values.length > LIMITS.empiricalValues) return `more than ${LIMITS.empiricalValues.toLocaleString('en-US')} values (the limit)`;
  }
  if (values.length === 0) return 'the file has no durations';
  return values;
}

/** UTF-8 text, or where the first byte that is not UTF-8 lies. */
function decodeUtf8(bytes: Uint8Array): string | { error: string } {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(lineStart, i));
        } catch {
          break;
        }
        line++;
        lineStart = i + 1;
      }
    }
    let column = 1;
    const rest = bytes.subarray(lineStart);
    for (let n = 1; n <= rest.length; n++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(rest.subarray(0, n), { stream: true });
      } catch {
        column = n;
        break;
      }
    }
    return { error: `line ${line}, column ${column}: not UTF-8 text (GBK or another legacy encoding?); save the file as UTF-8` };
  }
}

/** Fields of one CSV line (RFC 4180 quotes), or what is wrong with it. */
function splitCsvLine(line: string): string[] | string {
  const fields: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < line.length) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
    i++;
  }
  if (quoted) return `column ${fields.length + 1}: a quote is not closed`;
  fields.push(field);
  return fields;
}
