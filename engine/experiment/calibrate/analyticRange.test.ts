// The range printed beside staff/budget --target's answer (analytic, scaled to the simulated head
// count) against the simulated sensitivity study (`--sensitivity`) on a small line: every end's head
// count within 12% (+2 people for rounding) of the simulated one, and the range's ends likewise;
// the time before the queue taken in by the analytic estimate too.
// Fixed seed (the scenario's), 2 days × 4 replications.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyticAnswerRange, analyticRangeLine } from './analyticRange.ts';
import { downstreamAnswer } from './answers.ts';
import { sensitivityStudy } from './sensitivity.ts';

const TEXT = `name: small line
startDate: 2024-03-04
horizon: { days: 2 }
arrivals: { callsPerHour: 120 }
talkTime: { distribution: lognormal, mean: 150, cv: 1 }
# PLAUSIBLE wrapUpTime.mean 30..240 s: a test range
wrapUpTime: { distribution: gamma, mean: 90, cv: 0.5 }
# PLAUSIBLE patience.mean 200..600 s: another
patience: { distribution: exponential, mean: 300 }
# PLAUSIBLE preQueueDelay 0..12 s: greeting and ringing
preQueueDelay: 8
# PLAUSIBLE agents.peoplePerSeat 4.5..7.5: people per seat
agents: { headcount: 60, peoplePerSeat: 6 }
seed: 11
replications: 4
`;
const dir = mkdtempSync(join(tmpdir(), 'hotline-analytic-range-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TOLERANCE = 0.12;
const close = (a: number, b: number) => Math.abs(a - b) <= TOLERANCE * b + 2;

describe('analytic range beside the answer', () => {
  it('agrees with the simulated sensitivity study end by end', () => {
    const file = join(dir, 'small.yaml');
    writeFileSync(file, TEXT);
    const target = { kind: 'connectionRate', value: 0.95 } as const;
    const base = downstreamAnswer(file, target, 'horizon');
    let n = 0;
    const sim = sensitivityStudy(TEXT, file, base, (variant) => {
      const f = join(dir, `v${++n}.yaml`);
      writeFileSync(f, variant);
      return downstreamAnswer(f, target, 'horizon');
    });
    const est = analyticAnswerRange(TEXT, file, base.headcount, target)!;
    expect(est.rows.length).toBe(4);
    for (const row of sim.rows) {
      const a = est.rows.find((r) => r.field === row.field)!;
      for (const end of ['atLow', 'atHigh'] as const) {
        const s = row[end]!.headcount;
        expect(close(a[end]!, s), `${row.field} ${end}: analytic ${a[end]} vs simulated ${s}`).toBe(true);
      }
    }
    const simulated = [base.headcount, ...sim.rows.flatMap((r) => [r.atLow!.headcount, r.atHigh!.headcount])];
    expect(close(est.people[0], Math.min(...simulated))).toBe(true);
    expect(close(est.people[1], Math.max(...simulated))).toBe(true);
    // The largest driver is the same, and named on the line.
    expect(est.rows[0].field).toBe(sim.rows[0].field);
    expect(analyticRangeLine(est)).toContain(est.rows[0].label);
  }, 120_000);
});
