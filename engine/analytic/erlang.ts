// Erlang B / Erlang C for the on-seat agent pool, plus the shared queue types.
// Everything here is a pure function of (agents, load); no factorials are ever formed,
// so 5,000 agents / 4,500 Erlangs are as safe as 10 agents / 5 Erlangs.

export const SERVICE_LEVEL_FORMULAS = ['offered', 'answered', 'excludeShortAbandons', 'countShortAbandons'] as const;
export type ServiceLevelFormula = (typeof SERVICE_LEVEL_FORMULAS)[number];
// offered:              answered within T / (answered + abandoned)          [headline; the "N-second manual connection rate"]
// answered:             answered within T / answered
// excludeShortAbandons: answered within T / (answered + abandoned after T)
// countShortAbandons:   (answered within T + abandoned within T) / (answered + abandoned)


export interface QueueInput {
  callsPerHour: number; // offered arrival rate
  handleSeconds: number; // mean handle time = talk + wrap-up (exponential)
  agents: number; // on-seat agents (integer >= 0)
  patienceSeconds?: number | null; // mean exponential patience; null/undefined/Infinity = callers wait forever (Erlang C)
  serviceLevelSeconds: number; // threshold T
}

export interface QueueMetrics {
  offeredLoad: number; // Erlangs = callsPerHour * handleSeconds / 3600
  agents: number;
  stable: boolean; // false only for Erlang C with load >= agents
  probWait: number; // P(an arriving caller must wait)
  probAbandon: number; // 呼损率 (0 for Erlang C)
  connectionRate: number; // 接通率 = 1 - probAbandon
  serviceLevel: Record<ServiceLevelFormula, number>;
  asa: number; // mean wait of answered callers, seconds
  meanWait: number; // mean wait of all callers, seconds
  meanWaitAbandoned: number; // mean wait of abandoned callers, seconds (NaN when none abandon)
  occupancy: number; // carried load / agents
  meanQueueLength: number; // time-average number waiting
}

/** Erlang B blocking probability B(agents, load). */
export function erlangB(agents: number, load: number): number {
  checkAgents(agents);
  checkLoad(load);
  // B(k) = a·B(k-1) / (k + a·B(k-1)): every term is positive, so the recursion is
  // forward-stable; B only ever underflows towards 0, which is the right limit.
  let b = 1;
  for (let k = 1; k <= agents; k++) {
    const ab = load * b;
    b = ab / (k + ab);
  }
  return b;
}

/**
 * log(1 / B(agents, load)). Needed by Erlang A, where 1/B multiplies numbers of order
 * e^{hundreds}: B itself would underflow for many agents and a light load.
 * Uses 1/B(k) = 1 + (k/a)·(1/B(k-1)) (all positive terms), rescaled instead of logged
 * at every step so that it stays a cheap multiply-add loop.
 */
export function logInverseErlangB(agents: number, load: number): number {
  checkAgents(agents);
  checkLoad(load);
  if (agents === 0) return 0;
  if (load === 0) return Infinity;
  const RESCALE = 1e280;
  const LOG_RESCALE = Math.log(RESCALE);
  let r = 1; // 1/B(k) = r · e^{logScale}
  let logScale = 0;
  let unit = 1; // e^{-logScale}: the "1 +" term in scaled units
  const invLoad = 1 / load;
  for (let k = 1; k <= agents; k++) {
    r = unit + k * invLoad * r;
    if (r > RESCALE) {
      r /= RESCALE;
      logScale += LOG_RESCALE;
      unit = Math.exp(-logScale);
    }
  }
  return Math.log(r) + logScale;
}

/** Erlang C: probability that an arriving caller waits; 1 when load >= agents. */
export function erlangC(agents: number, load: number): number {
  checkAgents(agents);
  checkLoad(load);
  if (load >= agents) return 1;
  if (load === 0) return 0;
  const b = erlangB(agents, load);
  const rho = load / agents;
  // Standard identity C = B / (1 - ρ(1 - B)); denominator >= 1 - ρ > 0.
  return b / (1 - rho * (1 - b));
}

/** M/M/n (callers never hang up). */
export function erlangCMetrics(input: QueueInput): QueueMetrics {
  checkQueueInput(input);
  const { callsPerHour, handleSeconds, agents: n, serviceLevelSeconds: T } = input;
  if (callsPerHour === 0) return idleMetrics(n);
  const lambda = callsPerHour / 3600;
  const load = offeredLoad(input);
  if (load >= n) {
    const nan = Number.NaN;
    return {
      offeredLoad: load,
      agents: n,
      stable: false,
      probWait: 1,
      probAbandon: nan,
      connectionRate: nan,
      serviceLevel: { offered: nan, answered: nan, excludeShortAbandons: nan, countShortAbandons: nan },
      asa: nan,
      meanWait: nan,
      meanWaitAbandoned: nan,
      occupancy: nan,
      meanQueueLength: nan,
    };
  }
  const c = erlangC(n, load);
  const drain = n / handleSeconds - lambda; // nμ − λ > 0: rate at which the queue empties
  const sl = 1 - c * Math.exp(-drain * T);
  const asa = c / drain;
  // Nobody abandons, so all four service-level formulas coincide.
  return {
    offeredLoad: load,
    agents: n,
    stable: true,
    probWait: c,
    probAbandon: 0,
    connectionRate: 1,
    serviceLevel: { offered: sl, answered: sl, excludeShortAbandons: sl, countShortAbandons: sl },
    asa,
    meanWait: asa,
    meanWaitAbandoned: Number.NaN,
    occupancy: load / n,
    meanQueueLength: lambda * asa,
  };
}

// ---- helpers shared with erlangA.ts / staffing.ts -------------------------------------

export function offeredLoad(input: Pick<QueueInput, 'callsPerHour' | 'handleSeconds'>): number {
  return input.callsPerHour === 0 ? 0 : (input.callsPerHour * input.handleSeconds) / 3600;
}

/** True when the patience field means "callers hang up" (finite mean patience). */
export function hasFinitePatience(patienceSeconds: number | null | undefined): patienceSeconds is number {
  return typeof patienceSeconds === 'number' && Number.isFinite(patienceSeconds);
}

/**
 * No calls at all: trivially stable, nobody waits. The service-level ratios are 0/0;
 * report 1 (nothing was served late) so an idle interval never looks like a failure.
 */
export function idleMetrics(agents: number): QueueMetrics {
  return {
    offeredLoad: 0,
    agents,
    stable: true,
    probWait: 0,
    probAbandon: 0,
    connectionRate: 1,
    serviceLevel: { offered: 1, answered: 1, excludeShortAbandons: 1, countShortAbandons: 1 },
    asa: 0,
    meanWait: 0,
    meanWaitAbandoned: Number.NaN,
    occupancy: 0,
    meanQueueLength: 0,
  };
}

export function checkQueueInput(input: QueueInput): void {
  const { callsPerHour, handleSeconds, serviceLevelSeconds, patienceSeconds } = input;
  checkAgents(input.agents);
  if (!(Number.isFinite(callsPerHour) && callsPerHour >= 0)) {
    throw new RangeError(`callsPerHour must be a finite number >= 0, got ${callsPerHour}`);
  }
  // An interval with no calls may carry no handle time; otherwise it must be positive.
  const handleOk = callsPerHour === 0 ? handleSeconds >= 0 : handleSeconds > 0;
  if (!(Number.isFinite(handleSeconds) && handleOk)) {
    throw new RangeError(`handleSeconds must be a finite number > 0, got ${handleSeconds}`);
  }
  if (!(Number.isFinite(serviceLevelSeconds) && serviceLevelSeconds >= 0)) {
    throw new RangeError(`serviceLevelSeconds must be a finite number >= 0, got ${serviceLevelSeconds}`);
  }
  if (patienceSeconds != null && !(patienceSeconds >= 0)) {
    throw new RangeError(`patienceSeconds must be >= 0, null or Infinity, got ${patienceSeconds}`);
  }
}

function checkAgents(agents: number): void {
  if (!(Number.isInteger(agents) && agents >= 0)) {
    throw new RangeError(`agents must be an integer >= 0, got ${agents}`);
  }
}

function checkLoad(load: number): void {
  if (!(Number.isFinite(load) && load >= 0)) {
    throw new RangeError(`load must be a finite number >= 0, got ${load}`);
  }
}
