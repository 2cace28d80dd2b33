// `published:` and `preQueueDelay`: bounds checked when the file is read, one message naming the
// field; the figures carried in the resolved scenario; publishedFits turns them into calibrate's
// observed figures and fields.
import { describe, expect, it } from 'vitest';
import { ScenarioError } from './errors.ts';
import { parseScenario } from './parse.ts';
import { publishedFits } from '../experiment/calibrate/publishedFits.ts';

const BASE = `name: test
horizon: { days: 1 }
arrivals: { callsPerHour: 100 }
talkTime: { distribution: exponential, mean: 180 }
patience: { distribution: exponential, mean: 60 }
agents: 10
`;
const message = (text: string): string => {
  try {
    parseScenario(text, 'x.yaml');
  } catch (e) {
    if (e instanceof ScenarioError) return e.toString();
    throw e;
  }
  throw new Error('expected a ScenarioError');
};

describe('published figures and the time before the queue', () => {
  it('carries the figures and the delay into the resolved scenario; fit figures become observed figures', () => {
    const s = parseScenario(
      BASE +
        `preQueueDelay: 11
published:
  - { figure: serviceLevel, value: 0.9525, seconds: 30, period: "2024", use: fit, fits: talkTime.mean, source: Jiangsu 2024 }
  - { figure: asa, value: 13.4, period: "2024", use: fit, fits: preQueueDelay, source: Jiangsu 2024 }
  - { figure: connectionRate, value: 0.99, period: "2020", use: heldOut, source: Other }
`,
      'x.yaml',
    );
    expect(s.preQueueDelay).toBe(11);
    expect(s.published).toHaveLength(3);
    const f = publishedFits(s)!;
    expect(f.observed).toEqual([{ metric: 'serviceLevel', value: 0.9525, seconds: 30 }, { metric: 'asa', value: 13.4 }]);
    expect(f.fields).toEqual(['talkTime.mean', 'preQueueDelay']);
    expect(f.text).toBe('sl=0.9525@30, asa=13.4');
    expect(f.fittedIn).toBeNull();
    expect(publishedFits(parseScenario(BASE))).toBeNull();
    expect(parseScenario(BASE).preQueueDelay).toBe(0);
  });

  it('refuses out-of-bound or inconsistent entries, naming the field', () => {
    const one = (entry: string) => message(BASE + `published:\n  - ${entry}\n`);
    expect(one('{ figure: connectionRate, value: 95.25, period: "2024", use: heldOut, source: S }')).toMatch(/published\[0\]\.value.*a share: from 0 to 1 \(got 95\.25\)/);
    expect(one('{ figure: asa, value: 4000, period: "2024", use: heldOut, source: S }')).toMatch(/published\[0\]\.value.*seconds: from 0 to 3600/);
    expect(one('{ figure: serviceLevel, value: 0.9, period: "2024", use: heldOut, source: S }')).toMatch(/published\[0\]\.seconds.*threshold/);
    expect(one('{ figure: asa, value: 12, period: "2024", use: fit, source: S }')).toMatch(/published\[0\]\.fits/);
    expect(one('{ figure: asa, value: 12, period: "2024", use: heldOut, fits: patience.mean, source: S }')).toMatch(/never fitted/);
    expect(one('{ figure: waitingTime, value: 12, period: "2024", use: heldOut, source: S }')).toMatch(/published\[0\]\.figure/);
    expect(message(BASE + 'preQueueDelay: 121\n')).toMatch(/preQueueDelay.*at most 120 seconds/);
    expect(message(BASE + 'preQueueDelay: -1\n')).toMatch(/preQueueDelay.*0 or more/);
    expect(message(BASE.replace('distribution: exponential, mean: 60', 'distribution: lognormal, mean: 60, cv: 1') + 'preQueueDelay: 5\n')).toMatch(/preQueueDelay.*exponential patience/);
    expect(message(BASE + 'preQueueDelay: 5\nredial: { probability: 0.5, delay: { distribution: exponential, mean: 300 } }\n')).toMatch(/preQueueDelay.*redial/);
  });
});
