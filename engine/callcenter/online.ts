// The online channel on the event path (网络渠道: WeChat, app, web, SMS): requests arrive as a
// Poisson stream, wait in a FIFO ring and are answered either by the voice agents when no caller
// waits (shared) or by a group of their own with its own on-seat schedule.
import type { EventHeap } from '../kernel/eventHeap.ts';
import { makeSampler } from '../random/distributions.ts';
import type { Uniform } from '../random/streams.ts';
import { spread } from './accounting.ts';
import { GROUP_FREE } from './eventKinds.ts';
import type { IntervalCounters, OnlineChannel } from './model.ts';
import { TimeRing } from './queues.ts';

export function onlineSetup(
  online: OnlineChannel | null,
  c: IntervalCounters,
  stream: (purpose: string) => Uniform,
  events: EventHeap,
  dt: number,
  N: number,
  seize: (until: number) => void,
) {
  const groupSchedule = online && online.agents !== 'shared' ? online.agents : null;
  const onlineHandle = online ? makeSampler(online.handleTime, stream('onlineHandle')) : () => 0;
  const arrivals = online ? stream('onlineArrivals') : null;
  const queue = new TimeRing();
  let groupOnSeat = groupSchedule ? groupSchedule[0] : 0;
  let groupIdle = groupOnSeat;
  let groupLeaving = 0;

  /** The oldest waiting request is answered at t, by a voice agent (shared) or one of the group. */
  const start = (t: number, shared: boolean) => {
    const arrival = queue.shift();
    const ka = Math.min(N - 1, Math.floor(arrival / dt));
    const response = t - arrival;
    c.onlineAnswered[ka]++;
    c.onlineResponseSeconds[ka] += response;
    if (response <= online!.targetSeconds) c.onlineWithinTarget[ka]++;
    const h = onlineHandle();
    spread(c.onlineSeconds, t, h, dt, N);
    if (shared) {
      spread(c.busySeconds, t, h, dt, N);
      seize(t + h);
    } else {
      events.push(t + h, GROUP_FREE);
    }
  };

  return {
    queue,
    shared: online !== null && online.agents === 'shared',
    groupSchedule,
    start,
    /** Time to the next request, for a mean gap of `meanSeconds` (exponential). */
    gap: (meanSeconds: number) => -Math.log(1 - arrivals!()) * meanSeconds,
    /** Idle agents of the group take waiting requests. */
    offerToGroup(t: number): void {
      while (groupSchedule && queue.size > 0 && groupIdle > 0) {
        groupIdle--;
        start(t, false);
      }
    },
    /** A group agent finishes: one leaving the shift goes; else it takes the next request or waits. */
    groupFree(t: number, draining: boolean): void {
      if (groupLeaving > 0) groupLeaving--;
      else if (!draining && queue.size > 0) start(t, false);
      else groupIdle++;
    },
    /** The group's count changes: rises take waiting requests; drops send idle agents first, then the next to finish. */
    applyGroupStaffing(g: number): void {
      if (g > groupOnSeat) groupIdle += g - groupOnSeat;
      else if (g < groupOnSeat) {
        const fromIdle = Math.min(groupOnSeat - g, groupIdle);
        groupIdle -= fromIdle;
        groupLeaving += groupOnSeat - g - fromIdle;
      }
      groupOnSeat = g;
    },
  };
}
