// CSV files of a run (fast-csv): totals and one row per interval.
import { writeToString } from 'fast-csv';
import type { RunResult } from '../experiment/run.ts';

/** Excel needs the UTF-8 byte-order mark to read the Chinese names; other readers ignore it. */
export const UTF8_BOM = '\ufeff';

export async function totalsCsv(r: RunResult): Promise<string> {
  const rows = r.metrics.map((m) => {
    const e = r.totals[m.id];
    return [m.id, m.name, m.zh, m.unit, e.mean, e.ciLow ?? '', e.ciHigh ?? ''];
  });
  return UTF8_BOM + (await writeToString([['metric', 'name', 'name_zh', 'unit', 'mean', 'ci95_low', 'ci95_high'], ...rows.map(cleanRow)]));
}

export async function intervalsCsv(r: RunResult): Promise<string> {
  const first = r.intervals[0];
  const ids = first ? Object.keys(first.metrics) : [];
  const header = ['interval', 'start', 'calls_per_hour', 'agents', ...ids.flatMap((id) => [id, `${id}_ci95_low`, `${id}_ci95_high`])];
  const rows = r.intervals.map((row) => [
    row.index,
    row.start,
    row.callsPerHour,
    row.agents,
    ...ids.flatMap((id) => {
      const e = row.metrics[id];
      return [e.mean, e.ciLow ?? '', e.ciHigh ?? ''];
    }),
  ]);
  return UTF8_BOM + (await writeToString([header, ...rows.map(cleanRow)]));
}

/** NaN (a ratio with nothing to divide) becomes an empty cell. */
function cleanRow(row: (string | number)[]): (string | number)[] {
  return row.map((v) => (typeof v === 'number' && Number.isNaN(v) ? '' : v));
}
