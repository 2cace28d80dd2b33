import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { schemaText } from '../../scenarios/build-schema.ts';
import { ScenarioError } from './errors.ts';
import { parseScenario } from './parse.ts';
import { loadScenario } from './load.ts';
import { filesFromMap } from './files.ts';

const BASE = `name: test
horizon: { days: 1 }
arrivals: { callsPerHour: 100 }
talkTime: { distribution: exponential, mean: 180 }
patience: { distribution: exponential, mean: 60 }
agents: 10
`;

function errorOf(text: string, file = 'x.yaml'): ScenarioError {
  try {
    parseScenario(text, file);
  } catch (e) {
    if (e instanceof ScenarioError) return e;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

describe('scenario files', () => {
  it('resolves a minimal scenario with documented defaults', () => {
    const s = parseScenario(BASE);
    expect(s.nIntervals).toBe(48);
    expect(s.intervalSeconds).toBe(1800);
    expect(s.serviceLevelSeconds).toBe(15);
    expect(s.serviceLevelFormula).toBe('offered');
    expect(s.replications).toBe(10);
    expect(s.wrapUpTime).toEqual({ distribution: 'deterministic', value: 0 });
    expect(s.callsPerHour.every((r) => r === 100)).toBe(true);
  });

  it('accepts durations with units', () => {
    const s = parseScenario(BASE.replace('mean: 180', 'mean: "3 min"'));
    expect(s.talkTime).toEqual({ distribution: 'exponential', mean: 180 });
  });

  it('repeats a one-day rate array daily, and expands 24 hourly values', () => {
    const day = Array.from({ length: 48 }, (_, i) => i);
    const s = parseScenario(BASE.replace('horizon: { days: 1 }', 'horizon: { days: 2 }').replace('callsPerHour: 100', `callsPerHour: [${day.join(',')}]`));
    expect(s.callsPerHour.slice(48)).toEqual(day);
    const hourly = parseScenario(BASE.replace('agents: 10', `agents: [${Array.from({ length: 24 }, (_, h) => 10 + h).join(',')}]`));
    expect(hourly.agents.slice(0, 4)).toEqual([10, 10, 11, 11]);
  });

  it('spreads an annual volume by month, weekday and hour so that it sums back', () => {
    const s = parseScenario(
      BASE.replace('horizon: { days: 1 }', 'horizon: { days: 366 }').replace(
        'arrivals: { callsPerHour: 100 }',
        `arrivals:
  annualCalls: 1000000
  monthlyShape: [1,1,1,1,1,1,1,1,1,1,1,2]
  weekdayShape: [2,1,1,1,1,1,0.5]
  intradayShape: [${Array.from({ length: 24 }, (_, h) => (h >= 8 && h < 18 ? 3 : 1)).join(',')}]`,
      ),
    );
    const total = s.callsPerHour.reduce((a, r) => a + r * 0.5, 0);
    expect(total).toBeCloseTo(1_000_000, 3);
    const december = s.callsPerHour.slice(335 * 48).reduce((a, r) => a + r * 0.5, 0);
    expect(december).toBeCloseTo((1_000_000 * 2) / 13, 3);
    // 2024-01-01 is a Monday (weight 2), 2024-01-07 a Sunday (0.5).
    const dayTotal = (d: number) => s.callsPerHour.slice(d * 48, d * 48 + 48).reduce((a, r) => a + r * 0.5, 0);
    expect(dayTotal(0) / dayTotal(6)).toBeCloseTo(4, 6);
  });

  it('turns a payroll head count into on-seat agents', () => {
    const s = parseScenario(BASE.replace('agents: 10', 'agents: { headcount: 237, peoplePerSeat: 6 }'));
    expect(s.agents[0]).toBe(40);
    expect(s.headcount).toBe(237);
  });

  it('names the file, line and field of an unknown field', () => {
    const e = errorOf(BASE + 'agnets: 5\n');
    expect(e.toString()).toBe('x.yaml:7: agnets: unknown field "agnets"');
  });

  it.each([
    ['a negative rate', BASE.replace('callsPerHour: 100', 'callsPerHour: -5'), 'arrivals.callsPerHour', /negative/],
    ['a zero mean', BASE.replace('mean: 180', 'mean: 0'), 'talkTime.mean', /positive/],
    ['a negative mean', BASE.replace('mean: 180', 'mean: -3'), 'talkTime.mean', /positive/],
    ['a wrong unit', BASE.replace('mean: 180', 'mean: "3 parsecs"'), 'talkTime.mean', /unknown unit "parsecs"/],
    ['an unknown distribution', BASE.replace('distribution: exponential, mean: 180', 'distribution: weibull, mean: 180'), 'talkTime.distribution', /distribution must be one of/],
    ['a rate array of the wrong length', BASE.replace('callsPerHour: 100', 'callsPerHour: [1, 2, 3]'), 'arrivals.callsPerHour', /has 3 values; give 48/],
    ['a missing required field', BASE.replace('talkTime: { distribution: exponential, mean: 180 }\n', ''), 'talkTime', /give talkTime \(or callTypes\)/],
    ['neither agents nor a roster', BASE.replace('agents: 10\n', ''), 'agents', /give agents \(on seat\) or a roster/],
    ['fractional agents', BASE.replace('agents: 10', 'agents: 10.5'), 'agents', /whole/],
  ])('rejects %s with the field named', (_what, text, field, message) => {
    const e = errorOf(text);
    expect(e.toString()).toMatch(new RegExp(`^x\\.yaml:\\d+: ${field.replace('.', '\\.')}: `));
    expect(e.problem).toMatch(message);
  });

  it('rejects an overloaded queue with no abandonment instead of running forever', () => {
    const e = errorOf(BASE.replace('patience: { distribution: exponential, mean: 60 }\n', '').replace('callsPerHour: 100', 'callsPerHour: 250'));
    expect(e.path).toEqual(['patience']);
    expect(e.problem).toMatch(/grows without bound/);
  });

  it('reports bad YAML with its line', () => {
    const e = errorOf('name: x\nhorizon: { days: 1\n');
    expect(e.problem).toMatch(/not valid YAML/);
    expect(e.line).toBeGreaterThan(0);
  });

  it('reports a missing file', () => {
    expect(() => loadScenario('/nonexistent/dir/s.yaml')).toThrow(/file not found/);
  });

  it('reads empirical durations from a CSV beside the scenario', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hs-'));
    writeFileSync(join(dir, 'talk.csv'), 'seconds\n60\n120\n180\n');
    writeFileSync(join(dir, 's.yaml'), BASE.replace('{ distribution: exponential, mean: 180 }', '{ distribution: empirical, file: talk.csv }'));
    const s = loadScenario(join(dir, 's.yaml'));
    expect(s.talkTime).toMatchObject({ distribution: 'empirical', values: [60, 120, 180] });
    writeFileSync(join(dir, 'bad.yaml'), BASE.replace('{ distribution: exponential, mean: 180 }', '{ distribution: empirical, file: nope.csv }'));
    let message = '';
    try {
      loadScenario(join(dir, 'bad.yaml'));
    } catch (e) {
      message = String(e);
    }
    expect(message).toMatch(/bad\.yaml:\d+: talkTime\.file: cannot read nope\.csv/);
  });

  it('parses from a string with the referenced files given by name (no disk: what a browser does)', () => {
    const text = BASE.replace('{ distribution: exponential, mean: 180 }', '{ distribution: empirical, file: talk.csv }');
    const s = parseScenario(text, 'picked.yaml', {}, filesFromMap({ 'talk.csv': 'seconds\n60\n120\n180\n' }));
    expect(s.talkTime).toMatchObject({ distribution: 'empirical', values: [60, 120, 180] });
    const messageOf = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return String(e);
      }
      return '';
    };
    expect(messageOf(() => parseScenario(text, 'picked.yaml', {}, filesFromMap({})))).toMatch(/picked\.yaml:\d+: talkTime\.file: talk\.csv was not given with the scenario/);
    expect(messageOf(() => parseScenario(text, 'picked.yaml'))).toMatch(/talkTime\.file: talk\.csv: this scenario was given without its files/);
  });

  it('publishes the current JSON Schema in scenarios/schema.json', () => {
    const published = readFileSync(new URL('../../scenarios/schema.json', import.meta.url), 'utf8');
    expect(published, 'run `npm run schema` after changing the scenario schema').toBe(schemaText());
  });

  it('validates every shipped scenario', async () => {
    const { readdirSync } = await import('node:fs');
    const dir = new URL('../../scenarios/', import.meta.url).pathname;
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(() => loadScenario(join(dir, f)), f).not.toThrow();
  });
});

describe('roster scenarios', () => {
  it('turns a four-team, three-shift rotation into one agent on seat at every interval', () => {
    const s = parseScenario(
      BASE.replace('agents: 10\n', '') +
        `shifts:
  早: { start: "08:00", lengthHours: 8 }
  中: { start: "16:00", lengthHours: 8 }
  夜: { start: "00:00", lengthHours: 8 }
roster:
  rotations:
    四班三倒: { cycle: [早, 早, 中, 中, 夜, 夜, 休, 休], teams: 4, offsetDays: 2, anchorDate: "2024-01-01", peoplePerTeam: 3 }
`,
    );
    expect(s.agents).toHaveLength(48);
    expect(new Set(s.agents)).toEqual(new Set([3]));
    expect(s.workforce.rosterHeadcount?.people).toBe(12);
  });

  it('refuses a roster that names an unknown shift, and agents given together with a roster', () => {
    const withRoster = BASE.replace('agents: 10\n', '') + 'shifts:\n  早: { start: "08:00", lengthHours: 8 }\nroster:\n  patterns: { 晚: 3 }\n';
    expect(errorOf(withRoster).toString()).toMatch(/roster\.patterns.*晚/);
    expect(errorOf(BASE + 'shifts:\n  早: { start: "08:00", lengthHours: 8 }\nroster:\n  patterns: { 早: 3 }\n').problem).toMatch(/not both/);
  });
});

describe('interval labels', () => {
  it('match the one-at-a-time label across days, months and years', async () => {
    const { intervalLabel, intervalLabels } = await import('./calendar.ts');
    const labels = intervalLabels('2023-12-30', 1800, 48 * 5);
    for (let k = 0; k < labels.length; k++) expect(labels[k]).toBe(intervalLabel('2023-12-30', 1800, k));
    expect(intervalLabels('2024-02-28', 900, 96 * 2)[96]).toBe('2024-02-29 00:00');
  });
});

describe('a union-typed field given the wrong kind of value says what it takes', () => {
  it('patience: 90 → a distribution or none', () => {
    const e = errorOf(BASE.replace('patience: { distribution: exponential, mean: 60 }', 'patience: 90'));
    expect(e.toString()).toMatch(/x\.yaml:5: patience: give \{ distribution: exponential, mean: 90 \} \(seconds\) or none \(got 90\)/);
  });
  it('talkTime: 180 → a distribution; agents: "many" → the forms agents take', () => {
    expect(errorOf(BASE.replace('talkTime: { distribution: exponential, mean: 180 }', 'talkTime: 180')).toString()).toMatch(/talkTime: give a distribution in seconds, e\.g\. \{ distribution: exponential, mean: 180 \}.*\(got 180\)/);
    expect(errorOf(BASE.replace('agents: 10', 'agents: many')).toString()).toMatch(/agents: give agents on seat \(7\), one per interval .* \{ headcount: 150, peoplePerSeat: 6 \}.*\(got "many"\)/);
  });
  it('a right-kind value failing inside keeps the precise message', () => {
    expect(errorOf(BASE.replace('mean: 60', 'mean: -3')).toString()).toMatch(/patience\.mean: mean must be a positive number of seconds/);
  });
  it('agents: { headcount } without peoplePerSeat explains what peoplePerSeat is', () => {
    expect(errorOf(BASE.replace('agents: 10', 'agents: { headcount: 150 }')).toString()).toMatch(/agents\.peoplePerSeat: required with headcount: people on the payroll per agent on seat around the clock/);
  });
});
