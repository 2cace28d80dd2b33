// Input limits, stated once: every numeric field's bound, and what a run may cost. The scenario
// and workforce schemas check their fields against them, and the work estimate
// (scenario/workEstimate.ts) refuses a run that would take months of computing or more memory
// than a machine has, naming the field, the limit and the time it would take.
// scenarios/README.md lists every limit. A plain table: it imports nothing, so every layer may use it.

export const LIMITS = {
  /** Simulated calls in one run, over every replication (redials included, at worst). */
  callsPerRun: 1e10,
  /** Intervals of a horizon: a leap year at 1-minute intervals is 527,040. */
  intervals: 600_000,
  /** Horizon length: ten years and their leap days. */
  horizonDays: 3660,
  /** Agents on seat in any interval (and head counts and staffing floors). */
  agentsOnSeat: 100_000,
  /** Operators on the payroll. */
  headcount: 1_000_000,
  replications: 10_000,
  /** Every duration of a distribution (mean, value, empirical value): at most about 11.6 days. */
  durationSeconds: 1e6,
  /** The smallest mean duration: shorter ones are not telephone calls and make the event calendar useless. */
  minMeanSeconds: 0.001,
  /** Coefficient of variation of lognormal and gamma durations. */
  cv: { min: 0.001, max: 100 },
  /** Values in an empirical CSV. */
  empiricalValues: 1_000_000,
  /** Size of a scenario file or an empirical CSV. */
  fileBytes: 10 * 1024 * 1024,
  /** Lines plus commas of a scenario file, a cheap upper bound on its YAML values (parsing costs about 10 µs and 1 kB a value). */
  yamlValues: 700_000,
  /** YAML aliases (*name) in a scenario file; expansion beyond this is refused (alias bombs). */
  yamlAliases: 100,
  /** Entries of the sources list. */
  sources: 1000,
  /**
   * Measured simulation speed (calls a second, one core; `npm run bench`: 4.05M on the standard
   * year), used only to say how long a run would take. The event path (redials, call types,
   * outbound, online, lines) is slower; the estimate says so with the work it counts.
   */
  callsPerSecond: 4e6,
} as const;
