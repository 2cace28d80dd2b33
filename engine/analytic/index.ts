// Analytic queueing engine: Erlang B/C/A metrics and staffing. Pure functions, no I/O.
export type { ServiceLevelFormula, QueueInput, QueueMetrics } from './erlang.ts';
export { erlangB, erlangC, erlangCMetrics, logInverseErlangB, SERVICE_LEVEL_FORMULAS } from './erlang.ts';
export { erlangAMetrics, queueMetrics } from './erlangA.ts';
export type { StaffingTarget, StaffingOptions } from './staffing.ts';
export { agentsNeeded, meetsTarget } from './staffing.ts';
export type { WeightedInterval, CallWeightedSums } from './callWeighted.ts';
export { callWeightedSums } from './callWeighted.ts';
