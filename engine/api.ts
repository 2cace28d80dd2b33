// The names a library user reaches for first (`import { simulate, erlangA, loadScenario, budget }
// from 'hotline-sim'`): thin, documented entry points over the engine's modules.
import { erlangAMetrics } from './analytic/erlangA.ts';
import type { QueueInput, QueueMetrics } from './analytic/erlang.ts';
import { budgetStudy, type BudgetStudy, type BudgetStudyInput } from './experiment/studies/budgetStudy.ts';
import { runScenario, type RunOptions, type RunResult } from './experiment/studies/run.ts';
import type { Scenario } from './scenario/resolve.ts';

/**
 * Simulates a scenario (from loadScenario or parseScenario): every replication, each KPI as a
 * mean with a 95% CI. Refuses (ScenarioError) a run beyond the limits in LIMITS.
 */
export function simulate(scenario: Scenario, options: RunOptions = {}): RunResult {
  return runScenario(scenario, options);
}

/**
 * Erlang A (M/M/n+M), exact: KPIs for `agents` on seat with exponential talk and patience.
 * Rates in calls per hour, times in seconds; throws RangeError for an input out of range.
 */
export function erlangA(input: QueueInput & { patienceSeconds: number }): QueueMetrics {
  return erlangAMetrics(input);
}

/**
 * The annual budget of a scenario file, in-house and outsourced, line by line (what
 * `hotline-sim budget` prints); with budgetYuan, target or contractKpi, the head count questions.
 */
export function budget(input: BudgetStudyInput): BudgetStudy {
  return budgetStudy(input);
}
