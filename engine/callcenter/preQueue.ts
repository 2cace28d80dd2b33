// Time before the queue (`preQueueDelay`, D seconds): every offered call first hears a greeting or
// a recording notice and rings for D seconds, during which no agent is busy, and only then can be
// queued. The published average wait counts it, and so does the service-level clock: one clock from
// the caller's arrival, as the caller lives it (variant (ii) of the Jiangsu note in
// scenarios/jiangsu-2024.yaml; the 12328 hotline's published wait "含导航语音提示时间" counts it too).
// Patience runs from arrival, so a caller whose patience is shorter than D hangs up in the greeting.
//
// Built outside the simulator's loops, for exponential patience (memoryless) or none:
//  - callers who outlast the greeting reach the queue as a Poisson stream thinned by
//    q = P(patience > D) = e^{-D/θ}, with the same exponential patience left (memorylessness), and
//    are simulated as usual with the threshold T - D; their waits are then counted D longer;
//  - callers who hang up in the greeting (rate λ(1 - q)) are drawn here from a stream of their
//    own, each with its patience (an exponential cut at D), and added as offered and abandoned.
// A queue caller is counted in the interval it reaches the queue rather than the one it dialled
// in: D is at most 120 s against intervals of 15-60 minutes. Greeting hang-ups do not redial (a
// scenario with redials and D > 0 is refused when it is read). D = 0 never comes here.
import { aleaStream } from '../random/streams.ts';
import { meanOf } from '../random/distributions.ts';
import { dayFactors, intervalsPerDayOf } from './accounting.ts';
import type { CallCentreModel, ReplicationResult } from './model.ts';

/** Share of callers who outlast a pre-queue delay of `delay` seconds (exponential patience, or none). */
export function preQueueSurvival(m: Pick<CallCentreModel, 'patience'>, delay: number): number {
  if (!m.patience) return 1;
  if (m.patience.distribution !== 'exponential') throw new Error('preQueueDelay is modelled for exponential patience (or none) only');
  return Math.exp(-delay / meanOf(m.patience));
}

/** One replication of a model with a pre-queue delay, through `simulate` for the queue part. */
export function simulateWithPreQueueDelay(model: CallCentreModel, seed: number | string, replication: number, simulate: (m: CallCentreModel) => ReplicationResult): ReplicationResult {
  const D = model.preQueueDelay ?? 0;
  const T = model.serviceLevelSeconds;
  const q = preQueueSurvival(model, D);
  const queueModel: CallCentreModel = {
    ...model,
    preQueueDelay: 0,
    callsPerHour: Array.from(model.callsPerHour, (r) => r * q),
    // T - D < 0: nobody can be answered within T (fixed below); the simulator takes a number.
    serviceLevelSeconds: Math.max(T - D, 0),
  };
  const r = simulate(queueModel);
  const c = r.counters;
  const N = model.callsPerHour.length;
  for (let k = 0; k < N; k++) {
    c.waitAnswered[k] += D * c.answered[k];
    c.waitAbandoned[k] += D * c.abandoned[k];
    if (D > T) {
      c.answeredWithinT[k] = 0;
      c.abandonedWithinT[k] = 0;
    }
  }
  let greeting = 0;
  if (q < 1) {
    // Hang-ups in the greeting: a Poisson stream of rate λ_k(1 - q) in each interval (with the
    // run's day-to-day factors), each with an exponential patience cut at D (inverse CDF).
    const theta = meanOf(model.patience!);
    const u = aleaStream(`hotline-sim|${seed}|rep${replication}|preQueue`);
    const days = dayFactors(model, seed, replication);
    const ipd = intervalsPerDayOf(model);
    const dt = model.intervalSeconds;
    for (let k = 0; k < N; k++) {
      const rate = (model.callsPerHour[k] * (days ? days[Math.floor(k / ipd)] : 1) * (1 - q)) / 3600;
      if (!(rate > 0)) continue;
      for (let t = -Math.log(1 - u()) / rate; t < dt; t += -Math.log(1 - u()) / rate) {
        const patience = -theta * Math.log(1 - u() * (1 - q));
        c.offered[k]++;
        c.abandoned[k]++;
        c.waitAbandoned[k] += patience;
        if (patience <= T) c.abandonedWithinT[k]++;
        greeting++;
      }
    }
  }
  return { ...r, calls: r.calls + greeting, events: r.events + 2 * greeting };
}
