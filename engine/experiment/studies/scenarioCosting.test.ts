// The cost follows the staffing that was simulated: a scenario's roster sets the night hours
// (and so the night allowance) and the peak seats; the fallback is stated when used.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { budgetStudy } from './budgetStudy.ts';

const LIAOCHENG = new URL('../../../scenarios/liaocheng-2024.yaml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'hotline-costing-'));

/** Liaocheng with a roster instead of its flat head count: 148 people on day and night shifts. */
function withRoster(name: string, day: number, night: number): string {
  const roster = `shifts:\n  白: { start: "08:00", lengthHours: 8 }\n  夜: { start: "22:00", lengthHours: 8 }\nroster:\n  patterns: { 白: ${day}, 夜: ${night} }`;
  const file = join(dir, name);
  writeFileSync(file, readFileSync(LIAOCHENG, 'utf8').replace(/^agents: .*$/m, roster));
  return file;
}

const night = (s: ReturnType<typeof budgetStudy>) => s.at.budgets.outsourced.budget.lines.find((l) => l.item === 'Night-shift allowance')!.yuan;

describe('the cost follows the roster', () => {
  it('two rosters of the same people with different night hours get different night allowances', () => {
    const a = budgetStudy({ file: withRoster('more-night.yaml', 100, 48), simulate: false });
    const b = budgetStudy({ file: withRoster('less-night.yaml', 128, 20), simulate: false });
    expect(a.at.headcount).toBe(b.at.headcount);
    expect(a.at.pricing.staffing!.source).toMatch(/roster/);
    const ha = a.at.pricing.staffing!.onSeatHours;
    const hb = b.at.pricing.staffing!.onSeatHours;
    // The same on-seat hours in all, more of them at night in a.
    expect(ha.normal + ha.restDay + ha.statutoryHoliday).toBeCloseTo(hb.normal + hb.restDay + hb.statutoryHoliday, 6);
    // (on seat: 48 and 20 people less 30% shrinkage, each interval rounded: 34 and 14)
    expect(ha.night / hb.night).toBeCloseTo(34 / 14, 6);
    // The allowance follows: night pay ∝ night hours (same people, same rate).
    expect(night(b)).toBeGreaterThan(0);
    expect(night(a) / night(b)).toBeCloseTo(ha.night / hb.night, 6);
    // and the seats follow the roster's peak, not a fixed ratio
    expect(a.at.pricing.staffing!.peakOnSeat).not.toBe(b.at.pricing.staffing!.peakOnSeat);
  });

  it('a scenario without a roster states where its hours and seats came from', () => {
    const s = budgetStudy({ file: LIAOCHENG, simulate: false });
    expect(s.at.pricing.staffing!.source).toMatch(/^no roster: the scenario's (flat \d+ on seat around the clock|agents on seat following demand|per-interval agents on seat), over (a year from \d{4}-\d{2}-\d{2}|the simulated [\d.]+ days)$/);
    expect(s.at.term).toEqual({ years: 1, source: 'citedContract' });
  });
});
