// Every KPI defined once, with its Chinese name: the table, the CSV, the JSON and the
// charts all read these definitions.
import type { IntervalCounters } from './model.ts';
import { COUNTER_NAMES } from './model.ts';

import type { ServiceLevelFormula } from '../analytic/erlang.ts';
export type { ServiceLevelFormula };

/** Counter totals over some span of intervals (one interval, or the whole counted horizon). */
export type CounterTotals = Record<(typeof COUNTER_NAMES)[number], number> & {
  /** Agent-seconds after the horizon (drain and calls in progress); only in whole-horizon totals. */
  overtimeSeconds: number;
  drainSeconds: number;
  /** Work left at the end of the horizon; only in whole-horizon totals. */
  backlogOutbound?: number;
  backlogOnline?: number;
};

/** The optional parts of the workload a model uses: each brings its own metrics. */
export interface ModelFeatures {
  redial: boolean;
  lines: boolean;
  ivr: boolean;
  outbound: boolean;
  online: boolean;
}

export const NO_FEATURES: ModelFeatures = { redial: false, lines: false, ivr: false, outbound: false, online: false };

export type Unit = 'calls' | 'ratio' | 'seconds' | 'agents' | 'hours' | 'minutes';

export interface MetricDefinition {
  id: string;
  name: string;
  /** Chinese name, as used in 12345 hotline reports. */
  zh: string;
  unit: Unit;
  /** Shown on whole-horizon reports only. */
  totalsOnly?: boolean;
  value(c: CounterTotals): number;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

export const SERVICE_LEVEL_DEFINITIONS: Record<ServiceLevelFormula, { text: string; value: (c: CounterTotals) => number }> = {
  offered: {
    text: 'answered within T / offered (answered + abandoned + blocked)',
    value: (c) => ratio(c.answeredWithinT, c.offered),
  },
  answered: {
    text: 'answered within T / answered',
    value: (c) => ratio(c.answeredWithinT, c.answered),
  },
  excludeShortAbandons: {
    text: 'answered within T / (answered + abandoned after T)',
    value: (c) => ratio(c.answeredWithinT, c.answered + c.abandoned - c.abandonedWithinT),
  },
  countShortAbandons: {
    text: '(answered within T + abandoned within T) / offered',
    value: (c) => ratio(c.answeredWithinT + c.abandonedWithinT, c.offered),
  },
};

/** The metrics of a run, in report order. `serviceLevel` is the scenario's headline formula. */
export function metricDefinitions(headline: ServiceLevelFormula, T: number, features: ModelFeatures = NO_FEATURES): MetricDefinition[] {
  const ZH_FORMULA: Record<ServiceLevelFormula, string> = {
    offered: '接通/呼入',
    answered: '接通/接通量',
    excludeShortAbandons: '剔除短时放弃',
    countShortAbandons: '短时放弃计入达标',
  };
  const sl = (f: ServiceLevelFormula, id: string, name: string, headline = false): MetricDefinition => ({
    id,
    name: `${name} (${T} s)`,
    zh: headline ? `${T}秒服务水平` : `${T}秒服务水平(${ZH_FORMULA[f]})`,
    unit: 'ratio',
    value: SERVICE_LEVEL_DEFINITIONS[f].value,
  });
  const all: MetricDefinition[] = [
    { id: 'offered', name: 'Offered calls', zh: '呼入量', unit: 'calls', value: (c) => c.offered },
    { id: 'answered', name: 'Answered calls', zh: '接通量', unit: 'calls', value: (c) => c.answered },
    { id: 'abandoned', name: 'Abandoned calls', zh: '放弃量', unit: 'calls', value: (c) => c.abandoned },
    { id: 'redials', name: 'Redials (among offered)', zh: '重拨量', unit: 'calls', totalsOnly: true, value: (c) => c.redials },
    { id: 'connectionRate', name: 'Connection rate', zh: '接通率', unit: 'ratio', value: (c) => ratio(c.answered, c.offered) },
    { id: 'abandonmentRate', name: 'Abandonment rate', zh: '呼损率', unit: 'ratio', value: (c) => ratio(c.abandoned, c.offered) },
    sl(headline, 'serviceLevel', 'Service level, headline', true),
    { ...sl('offered', 'serviceLevelOffered', 'SL: answered in T / offered'), totalsOnly: true },
    { ...sl('answered', 'serviceLevelAnswered', 'SL: answered in T / answered'), totalsOnly: true },
    { ...sl('excludeShortAbandons', 'serviceLevelExcludeShortAbandons', 'SL: short abandons excluded'), totalsOnly: true },
    { ...sl('countShortAbandons', 'serviceLevelCountShortAbandons', 'SL: short abandons count as met'), totalsOnly: true },
    { id: 'probWait', name: 'Share of callers who wait', zh: '排队率', unit: 'ratio', value: (c) => ratio(c.waited, c.offered) },
    { id: 'asa', name: 'Average speed of answer', zh: '平均应答时长', unit: 'seconds', value: (c) => ratio(c.waitAnswered, c.answered) },
    {
      id: 'meanWait',
      name: 'Mean wait, all callers',
      zh: '平均等待时长',
      unit: 'seconds',
      value: (c) => ratio(c.waitAnswered + c.waitAbandoned, c.answered + c.abandoned),
    },
    { id: 'meanWaitAbandoned', name: 'Mean wait before abandoning', zh: '放弃前平均等待', unit: 'seconds', value: (c) => ratio(c.waitAbandoned, c.abandoned) },
    { id: 'occupancy', name: 'Agent occupancy', zh: '坐席占用率', unit: 'ratio', value: (c) => ratio(c.busySeconds, c.loggedSeconds) },
    { id: 'maxQueue', name: 'Longest queue', zh: '最大排队数', unit: 'calls', value: (c) => c.maxQueue },
    { id: 'agentHours', name: 'Agent hours on seat', zh: '在席工时', unit: 'hours', totalsOnly: true, value: (c) => c.loggedSeconds / 3600 },
    { id: 'overtimeHours', name: 'Overtime after the horizon', zh: '加班工时', unit: 'hours', totalsOnly: true, value: (c) => c.overtimeSeconds / 3600 },
    { id: 'drainMinutes', name: 'Drain after the horizon', zh: '收尾时长', unit: 'minutes', totalsOnly: true, value: (c) => c.drainSeconds / 60 },
  ];
  const extra: MetricDefinition[] = [];
  if (features.redial) {
    extra.push(
      { id: 'persons', name: 'People calling (first attempts)', zh: '来电人数', unit: 'calls', value: (c) => c.persons },
      { id: 'personConnectionRate', name: 'Connection rate per person', zh: '按人接通率', unit: 'ratio', value: (c) => ratio(c.personsAnswered, c.persons) },
    );
  }
  if (features.lines) {
    extra.push(
      { id: 'blocked', name: 'Blocked calls (busy signal)', zh: '占线量', unit: 'calls', value: (c) => c.blocked },
      { id: 'blockedRate', name: 'Blocked share of offered', zh: '占线率', unit: 'ratio', value: (c) => ratio(c.blocked, c.offered) },
    );
  }
  if (features.ivr) {
    extra.push({ id: 'ivrCompleted', name: 'Finished in self-service (IVR)', zh: '自助服务量', unit: 'calls', value: (c) => c.ivrCompleted });
  }
  if (features.outbound) {
    extra.push(
      { id: 'outboundCreated', name: 'Outbound tasks created', zh: '回访任务量', unit: 'calls', value: (c) => c.outboundCreated },
      { id: 'outboundDone', name: 'Outbound tasks done', zh: '回访完成量', unit: 'calls', value: (c) => c.outboundDone },
      { id: 'outboundLate', name: 'Outbound done after deadline', zh: '逾期回访量', unit: 'calls', value: (c) => c.outboundLate },
      { id: 'outboundFailed', name: 'Outbound given up (no answer)', zh: '回访失败量', unit: 'calls', value: (c) => c.outboundFailed },
      { id: 'outboundAttempts', name: 'Outbound dial attempts', zh: '外呼次数', unit: 'calls', value: (c) => c.outboundAttempts },
      { id: 'outboundShareOfWork', name: 'Agent work time on outbound', zh: '外呼工时占比', unit: 'ratio', value: (c) => ratio(c.outboundSeconds, c.busySeconds) },
      { id: 'outboundHours', name: 'Agent hours on outbound', zh: '外呼工时', unit: 'hours', totalsOnly: true, value: (c) => c.outboundSeconds / 3600 },
      { id: 'outboundBacklog', name: 'Outbound backlog at the end', zh: '回访积压', unit: 'calls', totalsOnly: true, value: (c) => c.backlogOutbound ?? 0 },
    );
  }
  if (features.online) {
    extra.push(
      { id: 'onlineOffered', name: 'Online requests', zh: '网络诉求量', unit: 'calls', value: (c) => c.onlineOffered },
      { id: 'onlineAnswered', name: 'Online requests taken up', zh: '网络诉求受理量', unit: 'calls', value: (c) => c.onlineAnswered },
      { id: 'onlineWithinTarget', name: 'Online taken up within target', zh: '网络诉求及时响应率', unit: 'ratio', value: (c) => ratio(c.onlineWithinTarget, c.onlineAnswered) },
      { id: 'onlineMeanResponse', name: 'Online mean response time', zh: '网络诉求平均响应时长', unit: 'seconds', value: (c) => ratio(c.onlineResponseSeconds, c.onlineAnswered) },
      { id: 'onlineHours', name: 'Agent hours on online work', zh: '网络渠道工时', unit: 'hours', totalsOnly: true, value: (c) => c.onlineSeconds / 3600 },
      { id: 'onlineBacklog', name: 'Online backlog at the end', zh: '网络诉求积压', unit: 'calls', totalsOnly: true, value: (c) => c.backlogOnline ?? 0 },
    );
  }
  const base = features.redial ? all : all.filter((m) => m.id !== 'redials');
  return [...base, ...extra];
}

/** Sums counters over intervals [from, to); maxQueue is a maximum, agents an average. */
export function sumCounters(c: IntervalCounters, from: number, to: number): CounterTotals {
  const out = { overtimeSeconds: 0, drainSeconds: 0 } as CounterTotals;
  for (const name of COUNTER_NAMES) {
    const a = c[name];
    let s = 0;
    if (name === 'maxQueue') {
      for (let k = from; k < to; k++) if (a[k] > s) s = a[k];
    } else {
      for (let k = from; k < to; k++) s += a[k];
    }
    out[name] = name === 'agents' ? s / Math.max(1, to - from) : s;
  }
  return out;
}
