// Property tests over generated scenarios (fast-check, fixed seed). CI runs 1,240 cases;
// `npm run properties` runs 10,000 cases of the first property (FC_RUNS sets the number).
//
// 1. Any generated scenario (valid or not) runs to completion or is refused with one line: never
//    another error, a non-finite figure, a null in the JSON, a conservation break, or a long run.
// 2. More agents never lower the connection rate with the same seed (common random numbers).
// 3. Where Erlang A applies (exponential talk and patience, constant rate and agents), the
//    simulation agrees with it.
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { erlangAMetrics } from '../../analytic/erlangA.ts';
import { UnboundedQueueError } from '../../callcenter/errors.ts';
import { infiniteNumbers, jsonNulls, NonFiniteResultError, resultJson } from '../../report/json.ts';
import { ScenarioError } from '../../scenario/errors.ts';
import { parseScenario } from '../../scenario/parse.ts';
import { runScenario, type RunResult } from './run.ts';

const SEED = 20261130;
const RUNS = Number(process.env.FC_RUNS ?? 1000);
/** Each case must finish within this; the generated volumes stay far below it. */
const CASE_MS = 5_000;

/** Mostly `good`, sometimes `bad` (values the schema or the limits must refuse). */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ weight: 12, arbitrary: good }, { weight: 1, arbitrary: bad });

const positive = fc.oneof(
  { weight: 20, arbitrary: fc.double({ min: 1, max: 900, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1e-300, 0.0005, 0.001, 1e6, 2e6, 1e308) },
);
const cv = fc.oneof({ weight: 20, arbitrary: fc.double({ min: 0.05, max: 4, noNaN: true }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1e-300, 0.001, 100, 1e308) });
const distribution = fc.oneof(
  fc.record({ distribution: fc.constant('exponential'), mean: positive }),
  fc.record({ distribution: fc.constant('lognormal'), mean: positive, cv }),
  fc.record({ distribution: fc.constant('gamma'), mean: positive, cv }),
  fc.record({ distribution: fc.constant('deterministic'), value: fc.oneof(fc.constant(0), positive) }),
);
const rate = fc.oneof(
  { weight: 20, arbitrary: fc.double({ min: 0, max: 400, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -5, 1e12, 1e308) },
);

const scenarioArb = fc.record(
  {
    name: fc.constant('generated'),
    horizon: mostly(fc.oneof(fc.record({ hours: fc.integer({ min: 1, max: 48 }) }), fc.record({ days: fc.constantFrom(1, 2) })), fc.record({ days: fc.constantFrom(4000, 1e308, -1) })),
    intervalMinutes: mostly(fc.constantFrom(15, 30, 60), fc.constantFrom(7, 0)),
    startDate: mostly(fc.constantFrom('2024-01-01', '2024-02-29', '2025-12-31'), fc.constantFrom('2023-02-29', '2024-13-01', '1800-01-01')),
    arrivals: fc.oneof(fc.record({ callsPerHour: rate }), fc.record({ callsPerHour: fc.array(rate, { minLength: 24, maxLength: 24 }) }), fc.record({ dailyCalls: fc.double({ min: 0, max: 5000, noNaN: true }) })),
    talkTime: distribution,
    wrapUpTime: distribution,
    patience: fc.oneof(fc.constant('none'), distribution),
    redial: fc.option(
      fc.record(
        { probability: fc.oneof(fc.constantFrom(0, 0.3, 0.99, 1), fc.array(fc.constantFrom(0, 0.5, 1), { minLength: 1, maxLength: 3 })), delay: distribution, maxAttempts: mostly(fc.integer({ min: 1, max: 10 }), fc.constantFrom(0, 51)) },
        { requiredKeys: ['probability', 'delay'] },
      ),
      { nil: undefined },
    ),
    // The rest of the 12345 workload (the event-driven path).
    callTypes: fc.option(
      fc.array(fc.record({ name: fc.constantFrom('consultation', 'complaint', 'help'), share: fc.double({ min: 0.1, max: 5, noNaN: true }), talkTime: distribution }), { minLength: 1, maxLength: 3 }).map((types) =>
        types.map((t, i) => ({ ...t, name: `${t.name}${i}` })),
      ),
      { nil: undefined, freq: 6 },
    ),
    outbound: fc.option(
      fc.record(
        {
          fromAnswered: fc.record({ share: fc.double({ min: 0, max: 1, noNaN: true }), deadline: fc.constantFrom(3600, '24 h') }),
          daily: fc.record({ tasks: mostly(fc.integer({ min: 0, max: 200 }), fc.constantFrom(1e15, -1)), deadline: fc.constantFrom(3600, '2 h') }),
          talkTime: distribution,
          maxAttempts: fc.integer({ min: 1, max: 5 }),
        },
        { requiredKeys: ['talkTime'] },
      ),
      { nil: undefined, freq: 6 },
    ),
    online: fc.option(fc.record({ arrivals: fc.record({ callsPerHour: rate }), handleTime: distribution, agents: fc.oneof(fc.constant('shared'), fc.integer({ min: 0, max: 20 })) }), { nil: undefined, freq: 6 }),
    lines: fc.option(mostly(fc.integer({ min: 1, max: 80 }), fc.constantFrom(0, 1e12)), { nil: undefined, freq: 6 }),
    ivr: fc.option(fc.record({ selfServiceShare: mostly(fc.double({ min: 0, max: 0.9, noNaN: true }), fc.constant(1.5)) }), { nil: undefined, freq: 6 }),
    agents: fc.oneof(
      { weight: 18, arbitrary: fc.integer({ min: 0, max: 60 }) },
      { weight: 6, arbitrary: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 24, maxLength: 24 }) },
      { weight: 1, arbitrary: fc.constantFrom(-1, 1.5, 1e9) },
    ),
    serviceLevelSeconds: fc.integer({ min: 1, max: 60 }),
    seed: fc.integer({ min: 0, max: 1e6 }),
    replications: fc.integer({ min: 1, max: 3 }),
  },
  { requiredKeys: ['name', 'horizon', 'arrivals', 'talkTime', 'agents', 'seed', 'replications'] },
).map(({ talkTime, wrapUpTime, ...rest }) => (rest.callTypes ? rest : { ...rest, talkTime, wrapUpTime })); // call types bring their own talk times

function isOneLineRefusal(e: unknown): boolean {
  const known = e instanceof ScenarioError || e instanceof UnboundedQueueError || e instanceof NonFiniteResultError;
  return known && !String(e instanceof ScenarioError ? e.toString() : (e as Error).message).includes('\n');
}

function conserved(r: RunResult): boolean {
  const t = r.totals;
  // offered = answered + abandoned + blocked (busy signal, with trunk lines)
  const ok = (m: Record<string, { mean: number } | undefined>) => {
    const o = m.offered?.mean ?? 0;
    return Math.abs(o - (m.answered?.mean ?? 0) - (m.abandoned?.mean ?? 0) - (m.blocked?.mean ?? 0)) <= 1e-6 * Math.max(1, o);
  };
  return ok(t) && r.intervals.every((i) => ok(i.metrics));
}

describe('property: every generated scenario runs or is refused in one line', () => {
  it(`${RUNS} cases`, { timeout: Math.max(120_000, RUNS * 200) }, () => {
    let ran = 0;
    let refused = 0;
    const reasons = new Map<string, number>();
    fc.assert(
      fc.property(scenarioArb, (spec) => {
        const started = Date.now();
        // FC_LOG=file keeps the case being run there: after a hang, the file holds it.
        if (process.env.FC_LOG) writeFileSync(process.env.FC_LOG, stringify(spec));
        let result: RunResult;
        try {
          result = runScenario(parseScenario(stringify(spec), 'generated.yaml'));
        } catch (e) {
          if (!isOneLineRefusal(e)) throw e;
          refused++;
          const field = e instanceof ScenarioError ? e.path.filter((p) => typeof p === 'string').join('.') || e.problem.slice(0, 30) : (e as Error).constructor.name;
          reasons.set(field, (reasons.get(field) ?? 0) + 1);
          return;
        }
        ran++;
        expect(infiniteNumbers(result)).toEqual([]);
        expect(jsonNulls(resultJson(result))).toEqual([]);
        expect(conserved(result)).toBe(true);
        expect(Date.now() - started).toBeLessThan(CASE_MS);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    const top = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([f, n]) => `${f} ${n}`);
    console.log(`${RUNS} generated scenarios: ${ran} ran, ${refused} refused with one line (most often: ${top.join(', ')})`);
    expect(ran).toBeGreaterThan(RUNS / 10);
  });
});

const validArb = fc.record({
  rate: fc.double({ min: 20, max: 300, noNaN: true }),
  talk: fc.double({ min: 60, max: 400, noNaN: true }),
  talkCv: fc.double({ min: 0.3, max: 2, noNaN: true }),
  patience: fc.double({ min: 20, max: 600, noNaN: true }),
  agents: fc.integer({ min: 1, max: 30 }),
  extra: fc.integer({ min: 1, max: 5 }),
  seed: fc.integer({ min: 0, max: 1e6 }),
});

const yamlOf = (v: { rate: number; talk: number; talkCv: number; patience: number; seed: number }, agents: number, talk = `{ distribution: lognormal, mean: ${v.talk}, cv: ${v.talkCv} }`, hours = 12, replications = 2) =>
  `name: p\nhorizon: { hours: ${hours} }\narrivals: { callsPerHour: ${v.rate} }\ntalkTime: ${talk}\n` +
  `patience: { distribution: exponential, mean: ${v.patience} }\nagents: ${agents}\nseed: ${v.seed}\nreplications: ${replications}\n`;

describe('property: more agents never lower the connection rate (same seed)', () => {
  it('200 cases', () => {
    fc.assert(
      fc.property(validArb, (v) => {
        const fewer = runScenario(parseScenario(yamlOf(v, v.agents)), { totalsOnly: true });
        const more = runScenario(parseScenario(yamlOf(v, v.agents + v.extra)), { totalsOnly: true });
        expect(more.totals.offered.mean).toBe(fewer.totals.offered.mean); // the same callers (common random numbers)
        expect(more.totals.connectionRate.mean).toBeGreaterThanOrEqual(fewer.totals.connectionRate.mean - 1e-12);
      }),
      { seed: SEED, numRuns: 200 },
    );
  });
});

describe('property: the simulation agrees with Erlang A where it applies', () => {
  it('40 cases, within 4 standard errors (and at least 0.01)', () => {
    fc.assert(
      fc.property(validArb, (v) => {
        const exact = erlangAMetrics({ callsPerHour: v.rate, handleSeconds: v.talk, patienceSeconds: v.patience, agents: v.agents, serviceLevelSeconds: 15 });
        const r = runScenario(parseScenario(yamlOf(v, v.agents, `{ distribution: exponential, mean: ${v.talk} }`, 48, 6) + 'warmup: { hours: 2 }\n'), { totalsOnly: true });
        const c = r.totals.connectionRate;
        const halfWidth = c.ciHigh !== null && c.ciLow !== null ? (c.ciHigh - c.ciLow) / 2 : 0;
        // 6 replications: the t quantile is 2.57, so 4 standard errors are about 1.6 half-widths.
        expect(Math.abs(c.mean - exact.connectionRate)).toBeLessThanOrEqual(Math.max(0.01, 1.6 * halfWidth));
      }),
      { seed: SEED, numRuns: 40 },
    );
  });
});
