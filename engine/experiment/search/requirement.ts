// The minimum agents on seat per interval for a KPI target, corrected by simulation.
// Erlang A/C per interval is the starting point; it is wrong where calls carry over between
// intervals (ramps), where talk times are not exponential and where patience is not, so the
// requirement is simulated and each interval moved to the agents that meet the target.
//
// How it converges in a few rounds (a whole week of a big city is millions of calls a round):
// - Step sizes from the analytic curve: an interval's simulated KPI is read as the Erlang A/C KPI of
//   some "equivalent" agent count, and the interval moves by the agents the curve says close the
//   gap to the target (at least one), not one agent a round.
// - Each interval keeps a bracket: the most agents seen to miss and the fewest seen to meet; a step
//   never leaves it, so the search cannot oscillate and ends when the bracket closes.
// - Searching rounds use few replications (the margin for simulation noise is the one the full
//   replications will have); then the full replications confirm, and repair what they refute.
// - An interval confirmed at the full replications keeps its agents while it meets the target with
//   half its noise margin: later rounds move other intervals, and with them this one's estimate by a
//   fraction of its margin; re-raising it for that chased noise at the price of a whole round per
//   agent. With the lowering below and the bracket, Guangzhou's week took 31 rounds and 224M simulated
//   calls before, 11 rounds and 56M now.
// - Lowering cuts only where the analytic curve says the interval has an agent to spare, once per
//   interval, in the confirming rounds themselves: few cuts are refuted, and no round is spent on a
//   trial of cuts alone.
// - An interval whose KPI does not improve when agents are added (the target is out of its reach,
//   e.g. trunk lines or a queue carried from earlier) is reported as unreachable and left alone.
import { queueMetrics, type StaffingTarget } from '../../analytic/index.ts';
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
  /** Replications of the confirming rounds (default 20). */
  replications?: number;
  /** Replications of the searching rounds (default: 4, at most `replications`). */
  searchReplications?: number;
  /**
   * One-sided confidence that an interval's expected KPI meets the target (default 0.8):
   * 0.5 compares the simulated mean; higher values add a margin for simulation noise.
   */
  confidence?: number;
  /** Also keep occupancy (busy / logged-in time) at or below this. */
  maxOccupancy?: number;
  /** At least this many agents in every interval (a 7x24 line keeps someone on seat). Default 1. */
  minAgents?: number;
  /** Most simulation rounds, in full rounds: a searching round counts as its share of the replications (default 30). */
  maxRounds?: number;
  onRound?: (round: number, failing: number) => void;
}

export interface RequirementStudy {
  /** Minimum on-seat agents per interval found by simulation. */
  agents: number[];
  /** The Erlang A/C starting point per interval. */
  erlang: number[];
  /** The KPI simulated with `agents` at the full replications, per interval (mean and 95% CI). */
  kpi: Estimate[];
  /** Which KPI and its direction. */
  kpiId: string;
  /** Intervals that still miss the target at the full replications (the unreachable ones among them). */
  failing: number[];
  /** Intervals whose KPI did not improve with more agents: the target is out of their reach. */
  unreachable: number[];
  /** Simulation rounds: searching (few replications) and confirming (full). */
  rounds: number;
  searchRounds: number;
  simulatedCalls: number;
}

/** Raises that leave the KPI no better before an interval is called unreachable. */
const STALLS_BEFORE_UNREACHABLE = 3;
/** Confirming rounds that may lower intervals (see the confirming rounds). */
const LOWERING_ROUNDS = 2;
/** Searching rounds at most (each interval's bracket normally closes in 4–6). */
const MAX_SEARCH_ROUNDS = 8;
/**
 * A searching round whose largest move is this or less ends the search: moves of an agent or two
 * are within the few replications' noise, and the confirming rounds settle them.
 */
const SEARCH_DONE_STEP = 2;
/** Share of the noise margin an interval confirmed earlier must keep (see the header). */
const RETAINED_MARGIN = 0.5;
/** Extra margin of a searching round, in standard errors of its mean's distance from the full replications' mean. */
const SEARCH_EXTRA_Z = 0.5;

export function simulatedRequirement(given: Scenario, target: StaffingTarget, options: RequirementStudyOptions = {}): RequirementStudy {
  // A service-level target brings its own threshold and formula.
  const scenario = scenarioForTarget(given, target);
  const n = Math.min(scenario.nIntervals, options.intervals ?? 7 * scenario.intervalsPerDay);
  const R = options.replications ?? 20;
  const Rs = Math.max(2, Math.min(R, options.searchReplications ?? 4));
  const confidence = options.confidence ?? 0.8;
  const minAgents = options.minAgents ?? 1;
  const maxRounds = options.maxRounds ?? 30;
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
  const curve = analyticCurve(scenario, goal.id, handle, patienceMean);
  let simulatedCalls = 0;
  let rounds = 0;
  // maxRounds is a budget in full rounds: a searching round costs its share of the replications.
  let spent = 0;

  // Intervals that met the target, noise margin included, at the full replications with their
  // current agents: kept while their mean meets it (see the header).
  const confirmed = new Array<boolean>(n).fill(false);

  /** Simulates `agents`; `record`: a full-replication round whose verdicts confirm intervals. */
  const evaluate = (agents: number[], replications: number, record = replications >= R) => {
    rounds++;
    spent += replications / R;
    const model: CallCentreModel = callCentreModel(scenario, agents, n);
    const kpi = new RunningEstimates(n);
    const occ = new RunningEstimates(n);
    const one = { overtimeSeconds: 0, drainSeconds: 0 } as CounterTotals;
    // The same seeds every round (common random numbers): a change in staffing, not noise, moves the
    // KPI; a searching round's replications are the first ones of a confirming round.
    const tasks = Array.from({ length: replications }, (_, r) => ({ model, seed: `${scenario.seed}|requirement`, replication: r }));
    runReplications(tasks, (_, rep) => {
      simulatedCalls += rep.calls;
      for (let k = 0; k < n; k++) {
        for (const name of COUNTER_NAMES) one[name] = rep.counters[name][k];
        if (one.offered > 0) kpi.add(k, kpiDef.value(one));
        occ.add(k, occDef.value(one));
      }
    });
    // The margin for noise is the one `R` replications give: a searching round estimates the
    // spread from its few replications and asks for the margin the confirming round will ask for.
    // A searching round adds half a standard error of its own mean's distance from the full one,
    // so that fewer of its placements are refuted (each refutation costs a confirming round).
    const spread = (1 / Math.min(replications, R) - 1 / R) ** 0.5 * SEARCH_EXTRA_Z;
    const margin = (k: number): number => (kpi.n[k] > 1 ? (z / Math.sqrt((kpi.n[k] * R) / replications) + spread) * Math.sqrt(kpi.m2[k] / (kpi.n[k] - 1)) : 0);
    /** How far the KPI is on the good side of the target, margin included (≥ 0: meets it). */
    const slack = (k: number, share = 1): number => {
      if (kpi.n[k] === 0) return Infinity; // no calls in this interval in any replication
      const m = kpi.mean[k];
      return goal.higherIsBetter ? m - share * margin(k) - (goal.value - 1e-12) : goal.value + 1e-12 - (m + share * margin(k));
    };
    const occOk = (k: number) => options.maxOccupancy === undefined || occ.n[k] === 0 || occ.mean[k] <= options.maxOccupancy + 1e-12;
    const full = replications >= R;
    // The verdicts at the time of the round (`confirmed` changes after it).
    const ok = indices(n).map((k) => occOk(k) && (slack(k) >= 0 || (full && confirmed[k] && slack(k, RETAINED_MARGIN) >= 0)));
    if (record) for (let k = 0; k < n; k++) confirmed[k] = ok[k];
    const meets = (k: number): boolean => ok[k];
    /** The simulated KPI read on the analytic curve: the agents at which Erlang A/C gives it (and the target, margin included). */
    const equivalent = (k: number, agents: number): { now: number; need: number } | null => {
      if (kpi.n[k] === 0 || rates[k] === 0) return null;
      const sign = goal.higherIsBetter ? 1 : -1;
      return { now: curve.agentsFor(rates[k], kpi.mean[k], agents), need: curve.agentsFor(rates[k], goal.value + sign * margin(k), agents) };
    };
    const occupancyStep = (k: number, agents: number): number =>
      options.maxOccupancy !== undefined && occ.n[k] > 0 && occ.mean[k] > options.maxOccupancy ? Math.ceil((agents * occ.mean[k]) / options.maxOccupancy - agents - 1e-9) : 0;
    return { meets, kpi, equivalent, occupancyStep };
  };

  const agents = erlang.slice();
  // Per interval: the most agents seen to miss the target and the fewest seen to meet it.
  const missAt = new Array<number>(n).fill(minAgents - 1);
  const meetAt = new Array<number>(n).fill(Infinity);
  // The last staffing simulated and its KPI on the analytic scale, for the secant's slope.
  const prevAgents = new Array<number>(n).fill(NaN);
  const prevEquivalent = new Array<number>(n).fill(NaN);
  // What one agent bought last time, on the analytic scale (the secant, bounded).
  const slopes = new Array<number>(n).fill(1);
  const stalls = new Array<number>(n).fill(0);
  const unreachable = new Set<number>();

  /**
   * One round's moves. Searching (`confirming` false): every interval toward its target, up or down,
   * inside its bracket. Confirming: raise what misses, nothing else.
   * The step: the gap between the KPI and the target on the analytic curve, divided by what one
   * agent bought last time (a secant: outbound work and carried calls make an added agent worth
   * less than the formula says).
   */
  const move = (result: ReturnType<typeof evaluate>, confirming: boolean): number => {
    let largest = 0;
    for (let k = 0; k < n; k++) {
      if (unreachable.has(k)) continue;
      const a = agents[k];
      const ok = result.meets(k);
      const eq = result.equivalent(k, a);
      let slope = 1;
      if (eq && Number.isFinite(eq.now) && !Number.isNaN(prevAgents[k]) && prevAgents[k] !== a) {
        slope = (eq.now - prevEquivalent[k]) / (a - prevAgents[k]);
        if (!ok && a > prevAgents[k] && slope <= 0.05) stalls[k]++;
        else stalls[k] = 0;
        slope = Math.min(1.5, Math.max(0.5, slope));
        slopes[k] = slope;
      }
      if (eq && Number.isFinite(eq.now)) {
        prevAgents[k] = a;
        prevEquivalent[k] = eq.now;
      }
      // More agents bought nothing, several times over and far above the formula: out of reach.
      if (!ok && stalls[k] >= STALLS_BEFORE_UNREACHABLE && a >= 1.25 * erlang[k] + 2) {
        unreachable.add(k);
        continue;
      }
      if (!confirming && (ok ? missAt[k] >= a : meetAt[k] <= a)) continue; // contradicts the bracket: settled until confirmed
      if (ok) meetAt[k] = Math.min(meetAt[k], a);
      else {
        missAt[k] = Math.max(missAt[k], a);
        if (meetAt[k] <= a) meetAt[k] = Infinity;
      }
      const lo = missAt[k] + 1;
      const hi = meetAt[k];
      if (ok && (confirming || hi <= lo)) continue;
      // No reading on the curve (no calls, or a target beyond it): one agent at a time.
      const gap = eq && Number.isFinite(eq.need - eq.now) ? (eq.need - eq.now) / slope : 0;
      let next: number;
      if (!ok) {
        // At most doubling in a round: the curve is a guide, not the simulation.
        next = a + Math.min(Math.max(2, a), Math.max(1, Math.ceil(gap - 1e-9), result.occupancyStep(k, a)));
        if (hi !== Infinity && next >= hi) next = hi - lo > 1 ? Math.floor((lo + hi) / 2) : hi;
      } else {
        next = a + Math.min(-1, Math.floor(gap + 1e-9));
        if (next < lo) next = hi - lo > 1 ? Math.ceil((lo + hi) / 2) - (hi - lo === 2 ? 1 : 0) : lo;
      }
      next = Math.max(minAgents, next);
      if (next !== a) {
        largest = Math.max(largest, Math.abs(next - a));
        // Fewer agents than it was confirmed with: it must meet the target with its whole margin again.
        if (next < a) confirmed[k] = false;
        agents[k] = next;
      }
    }
    return largest;
  };

  // Searching rounds: few replications, analytic steps, until only moves of SEARCH_DONE_STEP agents
  // are left or every bracket is closed.
  let searchRounds = 0;
  const searching = Rs < R;
  while (searching && searchRounds < MAX_SEARCH_ROUNDS && spent + 1 < maxRounds) {
    const result = evaluate(agents, Rs);
    searchRounds++;
    const largest = move(result, false);
    options.onRound?.(rounds, indices(n).filter((k) => !result.meets(k)).length);
    if (largest <= SEARCH_DONE_STEP) break;
  }
  // Confirming rounds: every replication; raise what they refute (the brackets start again: the
  // full replications know better than the few), and lower what they show has agents to spare.
  missAt.fill(minAgents - 1);
  meetAt.fill(Infinity);
  let result = evaluate(agents, R);
  // Lowering (the searching rounds' extra margin and the raises' steps leave agents to spare): an
  // interval whose KPI is, on the analytic curve, at least one agent (at what an agent bought
  // there) beyond the target with its margin gives the spare agents up, once, in the same round as
  // the raises; a cut the next round refutes is repaired like any miss, inside its bracket (it met
  // the target with the agents it had). Cutting every interval by one in a trial round of its own,
  // then checking and repairing, cost Guangzhou's week about four rounds for half a percent of agents.
  // Only the first LOWERING_ROUNDS confirming rounds cut, and never a round for cuts alone: later
  // cuts were a few agents in a week of 134,000 agent-intervals (Guangzhou), each costing a round.
  const lowered = new Array<boolean>(n).fill(false);
  let confirming = 0;
  const spare = (k: number): number => {
    if (!searching || confirming > LOWERING_ROUNDS || lowered[k] || unreachable.has(k) || agents[k] <= minAgents || !result.meets(k)) return 0;
    const eq = result.equivalent(k, agents[k]);
    if (!eq || !Number.isFinite(eq.now) || !Number.isFinite(eq.need)) return 0;
    const cut = Math.floor((eq.now - eq.need) / Math.max(1, slopes[k]) + 1e-9);
    return Math.max(0, Math.min(agents[k] - minAgents, agents[k] - (missAt[k] + 1), cut));
  };
  for (;;) {
    confirming++;
    const failing = indices(n).filter((k) => !result.meets(k) && !unreachable.has(k));
    const cuts = indices(n).map(spare);
    options.onRound?.(rounds, failing.length);
    if ((failing.length === 0 && (confirming > 1 || cuts.every((c) => c === 0))) || spent + 1 > maxRounds) break;
    // Without a searching phase (replications ≤ the searching ones) the confirming rounds search.
    let changed = move(result, searching) > 0;
    for (let k = 0; k < n; k++) {
      if (cuts[k] === 0) continue;
      agents[k] -= cuts[k];
      lowered[k] = true;
      confirmed[k] = false; // it must meet the target with its whole margin again
      changed = true;
    }
    if (!changed) break;
    result = evaluate(agents, R);
  }
  const failing = indices(n).filter((k) => !result.meets(k));
  const kpi = indices(n).map((k) => result.kpi.get(k));
  return { agents, erlang, kpi, kpiId: goal.id, failing, unreachable: [...unreachable].sort((a, b) => a - b), rounds, searchRounds, simulatedCalls };
}

/**
 * The Erlang A (C) KPI as a function of agents at a given rate, and its inverse on the reals: the
 * (interpolated) agents at which the curve takes a value. Cached by (rate, agents).
 */
function analyticCurve(s: Scenario, id: string, handleSeconds: number, patienceSeconds: number | null) {
  const cache = new Map<string, number>();
  const formula = s.serviceLevelFormula as 'offered';
  const higher = id === 'connectionRate' || id === 'serviceLevel';
  // In "goodness" units: increasing in agents.
  const at = (rate: number, agents: number): number => {
    const key = `${rate}|${agents}`;
    let v = cache.get(key);
    if (v === undefined) {
      const q = queueMetrics({ callsPerHour: rate, handleSeconds, agents, patienceSeconds, serviceLevelSeconds: s.serviceLevelSeconds });
      const x = !q.stable ? NaN : id === 'connectionRate' ? q.connectionRate : id === 'serviceLevel' ? q.serviceLevel[formula] : id === 'asa' ? q.asa : q.probAbandon;
      v = Number.isNaN(x) ? -Infinity : higher ? x : -x;
      cache.set(key, v);
    }
    return v;
  };
  return {
    /** Real-valued agents at which the curve reaches `value`, searched near `from`. */
    agentsFor(rate: number, value: number, from: number): number {
      const g = higher ? value : -value;
      let a = Math.max(0, Math.round(from));
      const cap = Math.max(4 * from, from + 200);
      if (at(rate, a) < g) {
        while (a < cap && at(rate, a + 1) < g) a++;
        if (a >= cap) return NaN; // beyond the curve's reach (e.g. a noise margin above 100%)
        // between a and a + 1
      } else {
        while (a > 0 && at(rate, a - 1) >= g) a--;
        if (a === 0) return 0;
        a--; // between a and a + 1
      }
      const lo = at(rate, a);
      const hi = at(rate, a + 1);
      if (!Number.isFinite(lo) || hi <= lo) return a + 1;
      return a + Math.min(1, Math.max(0, (g - lo) / (hi - lo)));
    },
  };
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
