import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gridPoints, parseVary, planSweep, SweepError, sweepChunks } from './sweep.ts';

const dir = mkdtempSync(join(tmpdir(), 'hotline-sweep-unit-'));
const FILE = join(dir, 'line.yaml');
writeFileSync(
  FILE,
  `name: unit sweep
horizon: { hours: 2 }
arrivals: { callsPerHour: 300 }
talkTime: { distribution: exponential, mean: 180 }
patience: { distribution: exponential, mean: 120 }
agents: 16
replications: 3
seed: 3
`,
);

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(SweepError);
    return (e as Error).message;
  }
  throw new Error('not refused');
}

describe('--vary values', () => {
  it('reads ranges with both ends included, without floating-point dust, and lists of numbers or words', () => {
    expect(parseVary('agents=200..320:40').values).toEqual([200, 240, 280, 320]);
    expect(parseVary('arrivals.scale=0.8..1.2:0.1').values).toEqual([0.8, 0.9, 1, 1.1, 1.2]);
    expect(parseVary('agents=3..5').values).toEqual([3, 4, 5]);
    expect(parseVary('agents=10..15:10').values).toEqual([10]);
    expect(parseVary('cost.roles.operator.monthlyWage=4000,5000,6000')).toEqual({
      field: 'cost.roles.operator.monthlyWage',
      path: ['cost', 'roles', 'operator', 'monthlyWage'],
      values: [4000, 5000, 6000],
    });
    expect(parseVary('serviceLevelFormula=offered,answered').values).toEqual(['offered', 'answered']);
  });

  it('refuses empty ranges, zero steps, empty values, repeated values and malformed fields', () => {
    expect(refusal(() => parseVary('agents=5..1'))).toMatch(/^agents: empty range/);
    expect(refusal(() => parseVary('agents=1..5:0'))).toMatch(/^agents: the step must be more than 0/);
    expect(refusal(() => parseVary('agents=1,,2'))).toMatch(/^agents: an empty value/);
    expect(refusal(() => parseVary('agents=1,1'))).toMatch(/^agents: a value is listed twice/);
    expect(refusal(() => parseVary('agents'))).toMatch(/give field=values/);
    expect(refusal(() => parseVary('talk time=1'))).toMatch(/^talk time: not a field path/);
    expect(refusal(() => parseVary('agents=1..1000000:1'))).toMatch(/at most 100000/);
  });

  it('orders the grid with the first field varying slowest', () => {
    const points = gridPoints([parseVary('a=1,2'), parseVary('b=x,y,z')]);
    expect(points.map((p) => p.values.join(''))).toEqual(['1x', '1y', '1z', '2x', '2y', '2z']);
    expect(points.map((p) => p.index)).toEqual([0, 1, 2, 3, 4, 5]);
  });
});

describe('planning a sweep', () => {
  it('refuses unknown fields and values the schema refuses, naming the field and value, before any simulation', () => {
    expect(refusal(() => planSweep(FILE, [parseVary('agentz=1,2')]))).toMatch(/^agentz: value 1 refused: unknown field "agentz"/);
    expect(refusal(() => planSweep(FILE, [parseVary('agents=4,-1')]))).toMatch(/^agents: value -1 refused: agents cannot be negative/);
    expect(refusal(() => planSweep(FILE, [parseVary('talkTime.mean=60,0')]))).toMatch(/^talkTime.mean: value 0 refused/);
    expect(refusal(() => planSweep(FILE, [parseVary('talkTime.cv=1')]))).toMatch(/^talkTime.cv: value 1 refused.*unknown field "cv"/);
    expect(refusal(() => planSweep(FILE, [parseVary('agents=1,2'), parseVary('agents=3')]))).toMatch(/^agents: varied twice/);
  });

  it('simulates every point with the same random calls (common random numbers)', () => {
    const plan = planSweep(FILE, [parseVary('agents=12..20:4')]);
    const rows = [...sweepChunks(plan, plan.points, 2)].flat();
    const col = (name: string) => rows.map((r) => r[plan.columns.indexOf(name)]);
    expect(col('point')).toEqual([0, 1, 2]);
    expect(new Set(col('offered')).size).toBe(1);
    const conn = col('connectionRate') as number[];
    expect(conn[0]).toBeLessThan(conn[1]);
    expect(conn[1]).toBeLessThan(conn[2]);
    // No cost section: no budget columns, and no head count without people per seat.
    expect(plan.columns).not.toContain('outsourced_yuan_per_year');
    expect(col('headcount')).toEqual(['', '', '']);
  });

  it('prices a point as hotline-sim budget prices the same head count (one answer)', async () => {
    const { budgetStudy } = await import('./budgetStudy.ts');
    const liaocheng = new URL('../../../scenarios/liaocheng-2024.yaml', import.meta.url).pathname;
    const overrides = { horizonHours: 24, replications: 2 };
    const plan = planSweep(liaocheng, [parseVary('agents.headcount=237')], overrides);
    const [row] = [...sweepChunks(plan, plan.points, 1)].flat();
    const cell = (name: string) => row[plan.columns.indexOf(name)] as number;
    const b = budgetStudy({ file: liaocheng, overrides });
    expect(cell('outsourced_yuan_per_year')).toBeCloseTo(b.at.budgets.outsourced.budget.total, 3);
    expect(cell('inhouse_yuan_per_year')).toBeCloseTo(b.at.budgets.inhouse.budget.total, 3);
  });
});
