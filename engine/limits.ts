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
  /** Time before the queue (`preQueueDelay`): a greeting, a recording notice and ringing, not a queue. */
  preQueueDelaySeconds: 120,
  /**
   * The roster solver's time limit (`scheduleOptimisation.timeLimitSeconds`): at least a second, so
   * HiGHS can build its model and look for a roster; a solve that finds none in time says so.
   */
  solverSeconds: { min: 1, max: 3600 },
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
  /**
   * The cost section's money (yuan) and multiplier fields, by what they measure: wide enough for
   * any real hotline, narrow enough that a slip (a wage of 4e8, a bonus of 1e308 months) is refused
   * at input, naming the field, and no budget line can overflow. Shares (rates that are fractions)
   * are 0 to 1; head counts in the cost section are at most `headcount`.
   */
  cost: {
    /** Wages, allowances, contribution bases, welfare, minimum wage: yuan per person per month. */
    yuanPerPersonMonth: 1_000_000,
    /** Average annual wage, liability insurance: yuan per person per year. */
    yuanPerPersonYear: 10_000_000,
    /** Night allowance: yuan per night shift. */
    yuanPerShift: 10_000,
    /** Recruitment and training: yuan per hire. */
    yuanPerHire: 1_000_000,
    /** Hardware (one-off), IT and telephony, software licences (a year): yuan per seat. */
    yuanPerSeat: 1_000_000,
    /** Rent (a month) and fit-out (one-off): yuan per square metre. */
    yuanPerSquareMetre: 100_000,
    /** Fixed overheads and contract management: yuan per year. */
    yuanPerYear: 10_000_000_000,
    /** A cited contract's value: yuan. */
    contractYuan: 1e12,
    /** Bonus: months of wage a year. */
    monthsOfWage: 24,
    /** Pay multipliers (rest day, holiday, overtime, in-house wage) and night pay as a share of the hourly wage. */
    payMultiplier: 10,
    /** Turnover a year (10 = 1,000 %). */
    annualTurnover: 10,
    /** Management fee and profit, as a share of cost (1 = 100 %). */
    feeRate: 1,
    /** Operators per team leader, quality inspector, trainer or manager. */
    operatorsPerRole: { min: 0.1, max: 1_000_000 },
    /** Operators per seat (the fallback seat ratio), as `agents.peoplePerSeat`. */
    operatorsPerSeat: { min: 0.1, max: 1000 },
    squareMetresPerSeat: { min: 0.1, max: 1000 },
    /** Monthly wage / hourly divisor = hourly wage: hours in a month at most. */
    hourlyDivisor: { min: 1, max: 744 },
    /** Hours of a night shift. */
    shiftHours: { min: 0.5, max: 24 },
    /** Worked hours per operator per year: at most the hours of a leap year. */
    hoursPerYear: 8784,
    /** Useful life of fit-out and hardware; years of a cited contract. */
    years: { min: 0.1, max: 100 },
  },
} as const;
