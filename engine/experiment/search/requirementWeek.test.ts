import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../scenario/load.ts';
import { busiestWindowStartDay, scenarioWindow } from './requirementWeek.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('the week a roster is set on', () => {
  // Yongchuan's year starts on 1 January: the New Year week is not its busiest.
  const s = loadScenario(join(root, 'scenarios/yongchuan-2011.yaml'));
  const perDay = s.intervalsPerDay;

  it('is the 7-day window with the most calls (checked by brute force), not the first', () => {
    const day = busiestWindowStartDay(s, 7);
    const total = (d: number) => s.callsPerHour.slice(d * perDay, (d + 7) * perDay).reduce((a, b) => a + b, 0);
    const days = Math.floor(s.nIntervals / perDay);
    const best = Math.max(...Array.from({ length: days - 6 }, (_, d) => total(d)));
    expect(total(day)).toBeCloseTo(best, 6);
    expect(total(day)).toBeGreaterThan(total(0));
    expect(day).toBeGreaterThan(0);
  });

  it('cuts every per-interval input to the window and moves the start date', () => {
    const day = busiestWindowStartDay(s, 7);
    const w = scenarioWindow(s, day, 7);
    expect(w.nIntervals).toBe(7 * perDay);
    expect(w.callsPerHour).toEqual(s.callsPerHour.slice(day * perDay, (day + 7) * perDay));
    expect(w.agents).toEqual(s.agents.slice(day * perDay, (day + 7) * perDay));
    const start = new Date(`${s.startDate}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() + day);
    expect(w.startDate).toBe(start.toISOString().slice(0, 10));
    // a horizon no longer than the window is its own window
    expect(busiestWindowStartDay(scenarioWindow(s, day, 7), 7)).toBe(0);
  });
});
