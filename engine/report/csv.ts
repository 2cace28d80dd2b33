// CSV files of a run (fast-csv): totals and one row per interval.
import { writeToString } from 'fast-csv';
import type { RunResult } from '../experiment/studies/run.ts';

/** Excel needs the UTF-8 byte-order mark to read the Chinese names; other readers ignore it. */
export const UTF8_BOM = '\ufeff';

/** A CSV as text with the UTF-8 byte-order mark: every CSV hotline-sim writes goes through this. */
export async function csvWithBom(rows: (string | number | boolean | null | undefined)[][]): Promise<string> {
  return UTF8_BOM + (await writeToString(rows));
}

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

/** The breakdowns a scenario's workload brings: handling time by call type, people by attempt. */
export async function workloadCsvFiles(r: RunResult): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  if (r.callTypes) {
    const header = ['call_type', 'name_zh', 'share', 'answered', 'mean_talk_s', 'mean_wrap_up_s', 'mean_handle_s', 'mean_handle_ci95_low', 'mean_handle_ci95_high'];
    const rows = r.callTypes.map((t) => [t.name, t.zh ?? '', t.share, t.answered.mean, t.meanTalkSeconds.mean, t.meanWrapUpSeconds.mean, t.meanHandleSeconds.mean, t.meanHandleSeconds.ciLow ?? '', t.meanHandleSeconds.ciHigh ?? '']);
    files['call-types.csv'] = UTF8_BOM + (await writeToString([header, ...rows.map(cleanRow)]));
  }
  if (r.attempts) {
    const rows = r.attempts.map((a) => [a.attempt, a.peopleAnswered.mean, a.peopleAnswered.ciLow ?? '', a.peopleAnswered.ciHigh ?? '']);
    files['attempts.csv'] = UTF8_BOM + (await writeToString([['attempt', 'people_answered', 'ci95_low', 'ci95_high'], ...rows.map(cleanRow)]));
  }
  return files;
}

/** NaN (a ratio with nothing to divide) becomes an empty cell. */
function cleanRow(row: (string | number)[]): (string | number)[] {
  return row.map((v) => (typeof v === 'number' && Number.isNaN(v) ? '' : v));
}
