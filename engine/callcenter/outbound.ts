// Outbound work on the event path (回访, 回拨): return visits owed for a share of answered calls
// and daily task lists, dialled by idle agents within a time-of-day window, earliest deadline
// first, retried when nobody answers.
import { EventHeap } from '../kernel/eventHeap.ts';
import { makeSampler } from '../random/distributions.ts';
import type { Uniform } from '../random/streams.ts';
import { spread } from './accounting.ts';
import { TASK_READY } from './eventKinds.ts';
import type { IntervalCounters, Outbound } from './model.ts';
import { Slots } from './queues.ts';

export function outboundSetup(
  out: Outbound | null,
  c: IntervalCounters,
  stream: (purpose: string) => Uniform,
  events: EventHeap,
  dt: number,
  N: number,
  ipd: number,
  seize: (until: number) => void,
) {
  const taskU = out ? stream('outbound') : null;
  const outTalk = out ? makeSampler(out.talkTime, stream('outboundTalk')) : () => 0;
  const outWrap = out ? makeSampler(out.wrapUpTime, stream('outboundWrapUp')) : () => 0;
  const retryDelay = out ? makeSampler(out.retryDelay, stream('outboundRetry')) : () => 0;
  const tasks = new Slots(); // f: due; i: attempts
  const ready = new EventHeap(64); // ready tasks, earliest deadline first
  const inWindow = (t: number) => {
    if (!out) return false;
    const tod = t - Math.floor(t / 86400) * 86400;
    const [from, to] = out.windowSeconds;
    return from <= to ? tod >= from && tod < to : tod >= from || tod < to;
  };

  return {
    tasks,
    ready,
    /** An answered call of `handle` seconds from t may owe a return visit, due once its work order is written. */
    afterAnswered(t: number, handle: number): void {
      if (out?.fromAnswered && taskU!() < out.fromAnswered.share) {
        const at = t + handle;
        const id = tasks.take(at + out.fromAnswered.deadlineSeconds, 0);
        c.outboundCreated[Math.min(N - 1, Math.floor(at / dt))]++;
        events.push(at, (id << 3) | TASK_READY);
      }
    },
    /** A task becomes ready to dial (owed, or its retry delay is over). */
    taskReady(id: number): void {
      ready.push(tasks.f[id], id);
    },
    /** Interval kk starts at b: whether dialling is open in it; the day's task list at the window's start. */
    startInterval(kk: number, b: number): boolean {
      if (out?.daily && kk % ipd === Math.floor(out.windowSeconds[0] / dt) % ipd) {
        for (let n = 0; n < out.daily.tasks; n++) {
          const due = b + out.daily.deadlineSeconds;
          ready.push(due, tasks.take(due, 0));
        }
        c.outboundCreated[kk] += out.daily.tasks;
      }
      return out !== null && inWindow(b);
    },
    /** An agent dials the most urgent ready task at t. */
    start(t: number): void {
      const id = ready.peekData();
      ready.pop();
      const o = out!;
      const kt = Math.min(N - 1, Math.floor(t / dt));
      c.outboundAttempts[kt]++;
      const attempts = ++tasks.i[id];
      let seconds: number;
      if (taskU!() < o.answerProbability) {
        const talk = outTalk();
        seconds = talk + outWrap();
        c.outboundDone[kt]++;
        if (t + talk > tasks.f[id]) c.outboundLate[kt]++;
        tasks.give(id);
      } else {
        seconds = o.noAnswerSeconds;
        if (attempts < o.maxAttempts) events.push(t + seconds + retryDelay(), (id << 3) | TASK_READY);
        else {
          c.outboundFailed[kt]++;
          tasks.give(id);
        }
      }
      spread(c.busySeconds, t, seconds, dt, N);
      spread(c.outboundSeconds, t, seconds, dt, N);
      seize(t + seconds);
    },
  };
}
