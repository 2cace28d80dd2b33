// Replications on worker threads give the same bytes as in one thread.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnboundedQueueError } from '../../callcenter/errors.ts';
import { parseScenario } from '../../scenario/parse.ts';
import { runReplications, setThreadStartSeconds, WorkerStoppedError } from './pool.ts';
import { closeWorkers, setWorkers } from './nodeThreads.ts';
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

// Tiny runs would stay in one thread (their work does not repay a thread's start): force threads.
beforeEach(() => setThreadStartSeconds(0));
afterEach(() => {
  setWorkers(1);
  setThreadStartSeconds(0.5); // the default (pool.ts)
});

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

  it('fails in one line naming the replication when a worker thread dies, and starts afresh after it', () => {
    setWorkers(2);
    closeWorkers(); // the hook is read when a worker starts
    process.env.HOTLINE_SIM_TEST_WORKER_STOPS_AT = '4';
    try {
      // Thread 1 of 2 holds replications 2, 4 and 6: it posts 2, then dies at 4.
      expect(() => runScenario(scenario())).toThrow(WorkerStoppedError);
      closeWorkers();
      expect(() => runScenario(scenario())).toThrow(/^replication 4 failed: its worker thread stopped \(it exited with code 70\); nothing was written$/);
    } finally {
      delete process.env.HOTLINE_SIM_TEST_WORKER_STOPS_AT;
    }
    closeWorkers();
    expect(runScenario(scenario()).replications).toBe(7);
  });
});
