// Runs cached by staffing, so a study never simulates the same staffing twice.
import type { Scenario } from '../../scenario/resolve.ts';
import { runScenario, type RunResult } from '../studies/run.ts';
import type { StudyProgress } from '../studies/studyKpis.ts';
import { isFlat, scenarioAtHeadcount } from './headcountAgents.ts';

/** Runs keyed by (service-level threshold, formula, flat agents): a study never simulates a staffing twice. */
export class RunCache {
  private readonly runs = new Map<string, RunResult>();
  constructor(private readonly onProgress?: StudyProgress) {}

  private key(s: Scenario, agents: number | 'scenario'): string {
    return `${s.serviceLevelSeconds}|${s.serviceLevelFormula}|${agents}`;
  }

  /** The scenario as it is (its own agents); `withIntervals` keeps the per-interval rows. */
  scenario(s: Scenario, label: string, withIntervals = false): RunResult {
    const flat = isFlat(s) ? s.agents[0] : 'scenario';
    return this.get(this.key(s, flat), () => s, label, withIntervals);
  }

  /** The scenario with `agents` on seat in its own profile (head count `headcount`); a demand profile follows the head count itself. */
  flat(s: Scenario, agents: number, headcount: number, peoplePerSeat: number, label: string, withIntervals = false): RunResult {
    const key = s.staffing.profile === 'demand' ? `${this.key(s, agents)}|demand|${headcount}|${peoplePerSeat}` : this.key(s, agents);
    return this.get(key, () => scenarioAtHeadcount(s, headcount, peoplePerSeat), label, withIntervals);
  }

  private get(key: string, make: () => Scenario, label: string, withIntervals: boolean): RunResult {
    let r = this.runs.get(key);
    // A run with its intervals also answers for totals; one without is redone when rows are needed.
    if (!r || (withIntervals && r.intervals.length === 0)) {
      r = runScenario(make(), { totalsOnly: !withIntervals, onReplication: (d, t) => this.onProgress?.(label, d, t) });
      this.runs.set(key, r);
    }
    return r;
  }

  get size(): number {
    return this.runs.size;
  }
}
