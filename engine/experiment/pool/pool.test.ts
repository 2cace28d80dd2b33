// Replications on worker threads give the same bytes as in one thread.
import { afterEach, describe, expect, it } from 'vitest';
import { UnboundedQueueError } from '../../callcenter/errors.ts';
import { parseScenario } from '../../scenario/load.ts';
import { runReplications, setWorkers } from './pool.ts';
import { simulatedRequirement } from '../search/requirement.ts';
import { runScenario, startRun } from '../studies/run.ts';

const scenario = (patience = '{ distribution: exponential, mean: 90 }', agents = 12) =>
  parseScenario(`name: pool test
horizon: { hours: 2 }
arrivals: { callsPerHour: [120, 300, 500, 300] }
talkTime: { distribution: lognormal, mean: 180, cv: 1 }
wrapUpTime: { distribution: gamma, mean: 30, cv: 0.5 }
patience: ${patience}
agents: ${agents}
replications: 7
seed: 5
`);

afterEach(() => setWorkers(1));

describe('replications on a worker pool', () => {
  it('gives byte-identical run results with 1, 2 and 3 workers', () => {
    const s = scenario();
    setWorkers(1);
    const one = JSON.stringify(runScenario(s));
    for (const n of [2, 3]) {
      setWorkers(n);
      expect(JSON.stringify(runScenario(s)), `${n} workers`).toBe(one);
    }
  });

  it('hands results back in task order, whatever order the workers finish in', () => {
    setWorkers(2);
    const run = startRun(scenario());
    const seen: number[] = [];
    runReplications(run.tasks, (i) => seen.push(i));
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('gives the same staffing requirement on 2 workers as in one thread', () => {
    const s = scenario();
    const target = { kind: 'connectionRate', value: 0.9 } as const;
    setWorkers(1);
    const one = simulatedRequirement(s, target, { replications: 6 });
    setWorkers(2);
    expect(simulatedRequirement(s, target, { replications: 6 })).toEqual(one);
  });

  it('reports a worker\'s error as the same kind of error, and keeps working after it', () => {
    setWorkers(2);
    // Nobody on seat after the first interval and callers who never give up: the queue never empties.
    const bad = { ...scenario('none', 30), agents: [30, 0, 0, 0] };
    expect(() => runScenario(bad)).toThrow(UnboundedQueueError);
    expect(runScenario(scenario()).replications).toBe(7);
  });
});
