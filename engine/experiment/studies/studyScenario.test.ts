// A study reads its scenario file once: the variants it needs (without the what-ifs, over a
// contract year) are resolved from the parsed YAML and the Staffing value, not from the file again.
import { mkdtempSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const orig = await importOriginal<typeof import('node:fs')>();
  return { ...orig, readFileSync: vi.fn(orig.readFileSync) };
});

const { loadStudyScenario } = await import('./scenarioCosting.ts');

const dir = mkdtempSync(join(tmpdir(), 'hotline-study-read-'));
const BASE = `name: read once
horizon: { days: 2 }
arrivals: { dailyCalls: 2400 }
talkTime: { distribution: exponential, mean: 150 }
patience: { distribution: exponential, mean: 120 }
payroll: { phoneShare: 0.8 }
`;

function readsOf(file: string): number {
  return vi.mocked(fs.readFileSync).mock.calls.filter((c) => c[0] === file).length;
}

describe('loadStudyScenario', () => {
  it('reads the scenario file once, with or without what-ifs, and takes head count and people per seat from its Staffing', () => {
    const file = join(dir, 'headcount.yaml');
    writeFileSync(file, BASE + 'agents: { headcount: 60, peoplePerSeat: 4 }\n');
    vi.mocked(fs.readFileSync).mockClear();
    const st = loadStudyScenario(file, { headcount: 80, agents: undefined });
    expect(readsOf(file)).toBe(1);
    expect(st).toMatchObject({ headcount: 80, headcountSource: 'override', scenarioHeadcount: 60, peoplePerSeat: 4 });
    expect(st.scenario.staffing).toMatchObject({ form: 'headcount', headcount: 80, peoplePerSeat: 4 });
    expect(st.yearScenario.nIntervals).toBe(366 * 48); // a contract year from 2024-01-01 (the default start)

    vi.mocked(fs.readFileSync).mockClear();
    const given = join(dir, 'agents.yaml');
    writeFileSync(given, BASE + 'agents: 12\n');
    const implied = loadStudyScenario(given, { peoplePerSeat: 5, agents: 10 });
    expect(readsOf(given)).toBe(1);
    // the fewest people who put 10 on seat: round(60 × 0.8 / 5) = 10, round(59 × 0.8 / 5) = 9
    expect(implied).toMatchObject({ headcount: 60, headcountSource: 'implied', scenarioHeadcount: null, peoplePerSeat: 5 });
  });
});
