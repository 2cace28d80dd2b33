// A scenario's call-centre model: the plain data one replication needs. One builder, so that a
// run, a requirement search and a calibration simulate the same workload.
import type { CallCentreModel } from '../../callcenter/model.ts';
import type { ModelFeatures } from '../../callcenter/metrics.ts';
import type { Scenario } from '../../scenario/resolve.ts';

/**
 * The model of `s`, with `agents` on seat (default: the scenario's), over intervals [0, n)
 * (default: the whole horizon). n is whole days when it is shorter than the horizon.
 */
export function callCentreModel(s: Scenario, agents: ArrayLike<number> = s.agents, n: number = s.nIntervals): CallCentreModel {
  const cut = <T extends ArrayLike<number>>(a: T): ArrayLike<number> => (n === s.nIntervals ? a : Array.prototype.slice.call(a, 0, n));
  return {
    intervalSeconds: s.intervalSeconds,
    intervalsPerDay: s.intervalsPerDay,
    callsPerHour: cut(s.callsPerHour),
    agents: cut(agents),
    talkTime: s.talkTime,
    wrapUpTime: s.wrapUpTime,
    patience: s.patience,
    serviceLevelSeconds: s.serviceLevelSeconds,
    preQueueDelay: s.preQueueDelay,
    redial: s.redial,
    callTypes: s.callTypes,
    outbound: s.outbound,
    online: s.online
      ? { ...s.online, requestsPerHour: cut(s.online.requestsPerHour), agents: s.online.agents === 'shared' ? 'shared' : cut(s.online.agents) }
      : null,
    lines: s.lines,
    ivrSelfServiceShare: s.ivrSelfServiceShare,
    dayToDayCv: s.dayToDayCv,
  };
}

/** Which optional parts of the workload a scenario uses (they decide which metrics are reported). */
export function modelFeatures(s: Scenario): ModelFeatures {
  return {
    redial: s.redial !== null,
    lines: s.lines !== null,
    ivr: s.ivrSelfServiceShare > 0,
    outbound: s.outbound !== null,
    online: s.online !== null,
  };
}
