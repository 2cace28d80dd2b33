// Redials on the event path: a caller who abandons or finds every line busy may call again after
// a delay, as a new offered call (per person: the attempt number and the interval of the first).
import type { EventHeap } from '../kernel/eventHeap.ts';
import { makeSampler } from '../random/distributions.ts';
import type { Streams, Uniform } from '../random/streams.ts';
import { REDIAL } from './eventKinds.ts';
import type { CallCentreModel } from './model.ts';
import { Slots } from './queues.ts';

export function redialSetup(model: CallCentreModel, streams: Streams, stream: (purpose: string) => Uniform, events: EventHeap, horizon: number) {
  const redial = model.redial ?? null;
  const redialU = streams.redial;
  const redialDelay = redial ? makeSampler(redial.delay, streams.redial) : () => 0;
  const maxAttempts = redial ? (redial.maxAttempts ?? 10) : 1;
  const redialProbability = (attempt: number) => {
    if (!redial) return 0;
    const p = redial.probability;
    return typeof p === 'number' ? p : p[Math.min(attempt, p.length) - 1];
  };
  /** Pending redials: f the attempt number, i the person (the interval of the first attempt). */
  const slots = new Slots();
  return {
    slots,
    /** Answered calls by attempt number. */
    answeredOnAttempt: new Array<number>(maxAttempts).fill(0),
    /** Patience of attempts after the first, when it differs from a first caller's. */
    laterPatience: redial?.laterPatience ? makeSampler(redial.laterPatience, stream('laterPatience')) : null,
    /** A failed attempt at t (abandoned or blocked): perhaps a redial, due before the horizon. */
    failedAttempt(t: number, attempt: number, person: number): void {
      if (!redial || attempt >= maxAttempts) return;
      const p = redialProbability(attempt);
      if (p > 0 && redialU() < p) {
        const at = t + redialDelay();
        if (at < horizon) events.push(at, (slots.take(attempt + 1, person) << 3) | REDIAL);
      }
    },
  };
}
