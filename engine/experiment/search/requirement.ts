// The minimum agents on seat per interval for a KPI target, corrected by simulation.
// Erlang A/C per interval is the starting point; it is wrong where calls carry over between
// intervals (ramps), where talk times are not exponential and where patience is not, so the
// requirement is simulated, raised where an interval misses the target and lowered where it
// meets it with an agent to spare, until every interval meets it at the chosen confidence.
import type { StaffingTarget } from '../../analytic/index.ts';
import { erlangRequirement } from '../../workforce/requirement.ts';
import { metricDefinitions } from '../../callcenter/metrics.ts';
import { COUNTER_NAMES, type CallCentreModel } from '../../callcenter/model.ts';
import { callCentreModel } from '../studies/model.ts';
import { runReplications } from '../pool/pool.ts';
import { meanOf } from '../../random/distributions.ts';
import type { Scenario } from '../../scenario/resolve.ts';
import { halfWidth, RunningEstimates, type Estimate } from '../../stats/estimate.ts';
import type { CounterTotals } from '../../callcenter/metrics.ts';
import { scenarioForTarget, targetMetric } from './target.ts';

export interface RequirementStudyOptions {
  /** Intervals to staff, from the start of the scenario (default: one week, or the whole horizon if shorter). */
  intervals?: number;
  /** Replications per simulation round (default 20). */
  replications?: number;
  /**
   * One-sided confidence that an interval's expected KPI meets the target (default 0.8):
   * 0.5 compares the simulated mean; higher values add a margin for simulation noise.
   */
  confidence?: number;
  /** Also keep occupancy (busy / logged-in time) at or below this. */
  maxOccupancy?: number;
  /** At least this many agents in every interval (a 7x24 line keeps someone on seat). Default 1. */
  minAgents?: number;
  /** Maximum simulation rounds (default 30). */
  maxRounds?: number;
  onRound?: (round: number, failing: number) => void;
}

export interface RequirementStudy {
  /** Minimum on-seat agents per interval found by simulation. */
  agents: number[];
  /** The Erlang A/C starting point per interval. */
  erlang: number[];
  /** The KPI simulated with `agents`, per interval (mean and 95% CI). */
  kpi: Estimate[];
  /** Which KPI and its direction. */
  kpiId: string;
  /** Intervals that still miss the target (e.g. capped at maxAgents); normally empty. */
  failing: number[];
  rounds: number;
  simulatedCalls: number;
}

export function simulatedRequirement(given: Scenario, target: StaffingTarget, options: RequirementStudyOptions = {}): RequirementStudy {
  // A service-level target brings its own threshold and formula.
  const scenario = scenarioForTarget(given, target);
  const n = Math.min(scenario.nIntervals, options.intervals ?? 7 * scenario.intervalsPerDay);
  const R = options.replications ?? 20;
  const confidence = options.confidence ?? 0.8;
  const minAgents = options.minAgents ?? 1;
  const T = scenario.serviceLevelSeconds;
  const rates = scenario.callsPerHour.slice(0, n);
  const handle = meanOf(scenario.talkTime) + meanOf(scenario.wrapUpTime);
  // Erlang A takes exponential patience; other patience distributions enter through their mean.
  const patienceMean = scenario.patience ? meanOf(scenario.patience) : null;

  const erlang = Array.from(erlangRequirement(rates, handle, patienceMean, T, target, { maxOccupancy: options.maxOccupancy, minAgents }));

  const tm = targetMetric(target);
  const goal = { id: tm.metricId, higherIsBetter: tm.direction === 'atLeast', value: tm.threshold };
  const defs = metricDefinitions(scenario.serviceLevelFormula, T);
  const kpiDef = defs.find((d) => d.id === goal.id)!;
  const occDef = defs.find((d) => d.id === 'occupancy')!;
  const z = zOneSided(confidence);
  let simulatedCalls = 0;

  const evaluate = (agents: number[]) => {
    const model: CallCentreModel = callCentreModel(scenario, agents, n);
    const kpi = new RunningEstimates(n);
    const occ = new RunningEstimates(n);
    const one = { overtimeSeconds: 0, drainSeconds: 0 } as CounterTotals;
    // The same seeds every round (common random numbers): a change in staffing, not noise, moves the KPI.
    // A round's replications run on the worker pool and are folded in order.
    const tasks = Array.from({ length: R }, (_, r) => ({ model, seed: `${scenario.seed}|requirement`, replication: r }));
    runReplications(tasks, (_, rep) => {
      simulatedCalls += rep.calls;
      for (let k = 0; k < n; k++) {
        for (const name of COUNTER_NAMES) one[name] = rep.counters[name][k];
        if (one.offered > 0) kpi.add(k, kpiDef.value(one));
        occ.add(k, occDef.value(one));
      }
    });
    const meets = (k: number): boolean => {
      if (kpi.n[k] === 0) return true; // no calls in this interval in any replication
      const m = kpi.mean[k];
      const se = kpi.n[k] > 1 ? Math.sqrt(kpi.m2[k] / (kpi.n[k] - 1) / kpi.n[k]) : 0;
      const ok = goal.higherIsBetter ? m - z * se >= goal.value - 1e-12 : m + z * se <= goal.value + 1e-12;
      const occOk = options.maxOccupancy === undefined || occ.n[k] === 0 || occ.mean[k] <= options.maxOccupancy + 1e-12;
      return ok && occOk;
    };
    return { meets, kpi };
  };

  const agents = erlang.slice();
  const maxRounds = options.maxRounds ?? 30;
  let rounds = 0;
  let result = evaluate(agents);
  // Raise until every interval meets the target.
  for (; rounds < maxRounds; rounds++) {
    const failing = indices(n).filter((k) => !result.meets(k));
    options.onRound?.(rounds + 1, failing.length);
    if (failing.length === 0) break;
    for (const k of failing) agents[k]++;
    result = evaluate(agents);
  }
  // Lower, one agent at a time where an interval meets the target, keeping only cuts that still meet it.
  for (let pass = 0; pass < 2 && rounds < maxRounds; pass++) {
    const trial = agents.slice();
    const cut = indices(n).filter((k) => trial[k] > minAgents);
    for (const k of cut) trial[k]--;
    const tried = evaluate(trial);
    rounds++;
    let kept = 0;
    for (const k of cut) {
      if (tried.meets(k)) {
        agents[k] = trial[k];
        kept++;
      }
    }
    if (kept === 0) break;
    // Cuts interact through calls carried into the next interval: re-check and repair.
    result = evaluate(agents);
    for (; rounds < maxRounds; rounds++) {
      const failing = indices(n).filter((k) => !result.meets(k));
      if (failing.length === 0) break;
      for (const k of failing) agents[k]++;
      result = evaluate(agents);
    }
  }
  const failing = indices(n).filter((k) => !result.meets(k));
  const kpi = indices(n).map((k) => result.kpi.get(k));
  return { agents, erlang, kpi, kpiId: goal.id, failing, rounds, simulatedCalls };
}

function indices(n: number): number[] {
  return Array.from({ length: n }, (_, k) => k);
}

/** z such that P(Z <= z) = p, via the Student t quantile with many degrees of freedom. */
function zOneSided(p: number): number {
  if (p <= 0.5) return 0;
  // halfWidth(sd=1, n, conf) = t_{(1+conf)/2, n-1} / sqrt(n); a two-sided conf of 2p-1 has the one-sided p quantile.
  return halfWidth(1, 1e6, 2 * p - 1) * Math.sqrt(1e6);
}
