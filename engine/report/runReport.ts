// The run report as text: totals with CIs, then the average day, hour by hour.
import type { Unit } from '../callcenter/metrics.ts';
import { SERVICE_LEVEL_DEFINITIONS, type ServiceLevelFormula } from '../callcenter/metrics.ts';
import type { RunResult } from '../experiment/studies/run.ts';
import { formatAmount, formatCi, formatValue, textTable, wrapText } from './format.ts';

/** The KPIs a planner asks about first: the summary table of every report. */
export const HEADLINE_METRICS = ['offered', 'answered', 'connectionRate', 'abandonmentRate', 'serviceLevel', 'asa', 'occupancy'];

export interface ReportOptions {
  /** Every metric, the breakdowns and the average day after the summary. */
  detail?: boolean;
  /** Reading notes to print under the summary (engine/experiment/studies/readingNotes.ts). */
  notes?: string[];
}

/** Notes as lines, each starting "Note:". */
export function noteLines(notes: string[] | undefined): string[] {
  return (notes ?? []).flatMap((n) => wrapText(`Note: ${n}`));
}

/** A run's result without its per-interval rows (what --json and result.json carry unless --intervals). */
export function withoutIntervals<T extends { intervals?: unknown }>(r: T): Omit<T, 'intervals'> {
  const { intervals: _intervals, ...rest } = r;
  return rest;
}

export function formatRunReport(r: RunResult, options: ReportOptions = {}): string {
  const out: string[] = [];
  const days = r.horizon.days;
  out.push(...wrapText(r.scenario));
  out.push(
    `${formatDays(days)} from ${r.horizon.start}, ${r.horizon.intervalMinutes}-min intervals` +
      `${r.horizon.warmupIntervals ? `, first ${r.horizon.warmupIntervals} intervals as warm-up` : ''}; ` +
      `${r.replications} replication${r.replications > 1 ? 's' : ''}, seed ${r.seed}`,
  );
  const st = r.staffing;
  const onSeat =
    st.minOnSeat === st.maxOnSeat
      ? `${formatAmount(st.minOnSeat)} agents on seat around the clock`
      : `${formatValue(st.meanOnSeat, 'agents')} agents on seat on average (${formatAmount(st.minOnSeat)}–${formatAmount(st.maxOnSeat)})`;
  const how = { flat: '', demand: ' (following demand)', roster: ' (from the roster)', given: '' }[st.profile];
  // A head count below the demand profile's floor: the floor is on seat anyway, and the people it needs are named.
  const floor = st.floorAdded && st.headcount !== null ? ` (+ ${formatAmount(st.floorAdded)} the floor needs: ${formatAmount(st.headcount + st.floorAdded)} priced)` : '';
  out.push(...wrapText(`Staffing: ${st.headcount !== null ? `${formatAmount(st.headcount)} people on the payroll${floor} → ` : ''}${onSeat}${how}`));
  if (st.payroll) out.push(...wrapText(`Payroll: ${st.payroll}`));
  if (r.workload.length) out.push(...wrapText(`Workload besides inbound talk: ${r.workload.join('; ')}`));
  out.push(
    `Headline service level: ${SERVICE_LEVEL_DEFINITIONS[r.serviceLevelFormula as ServiceLevelFormula].text}, T = ${r.serviceLevelSeconds} s`,
  );
  out.push('');
  const row = (m: RunResult['metrics'][number]) => {
    const e = r.totals[m.id];
    return [m.name, m.zh, formatValue(e.mean, m.unit), formatCi(e, m.unit)];
  };
  const headline = r.metrics.filter((m) => HEADLINE_METRICS.includes(m.id));
  out.push(textTable(['Metric', '指标', 'Mean', '95% CI'], headline.map(row), ['left', 'left', 'right', 'right']));
  if (r.replications < 2) out.push('(one replication: no confidence interval; use --replications 10 or more)');
  out.push(...noteLines(options.notes));
  if (!options.detail) {
    out.push('(--detail: every metric, the breakdowns and the average day; --out DIR: CSV, JSON and HTML)');
    return out.join('\n');
  }
  out.push('');
  out.push('All metrics');
  out.push(textTable(['Metric', '指标', 'Mean', '95% CI'], r.metrics.map(row), ['left', 'left', 'right', 'right']));
  if (r.callTypes) {
    out.push('');
    out.push('Handling time by call type 按类型处理时长 (mean over replications; seconds)');
    out.push(
      textTable(
        ['Call type', 'Share', 'Answered', 'Talk', 'Wrap-up 话后处理', 'Handle', '95% CI'],
        r.callTypes.map((t) => [
          t.zh ? `${t.name} ${t.zh}` : t.name,
          formatValue(t.share, 'ratio'),
          formatValue(t.answered.mean, 'calls'),
          formatValue(t.meanTalkSeconds.mean, 'seconds').replace(' s', ''),
          formatValue(t.meanWrapUpSeconds.mean, 'seconds').replace(' s', ''),
          formatValue(t.meanHandleSeconds.mean, 'seconds').replace(' s', ''),
          formatCi(t.meanHandleSeconds, 'seconds'),
        ]),
        ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
      ),
    );
  }
  if (r.attempts) {
    const people = r.attempts.reduce((a, b) => a + b.peopleAnswered.mean, 0);
    out.push('');
    out.push('People who got through, by attempt 按拨打次数接通人数 (mean over replications)');
    out.push(
      textTable(
        ['Attempt', 'People', 'Share of those who got through'],
        r.attempts.filter((a) => a.peopleAnswered.mean > 0).map((a) => [String(a.attempt), formatValue(a.peopleAnswered.mean, 'calls'), formatValue(people > 0 ? a.peopleAnswered.mean / people : NaN, 'ratio')]),
        ['right', 'right', 'right'],
      ),
    );
  }
  const profile = averageDay(r);
  if (profile.length > 1) {
    out.push('');
    out.push('Average day, by hour of day (mean over days and replications)');
    out.push(
      textTable(
        ['Hour', 'Calls/h', 'Agents on seat', 'Connection 接通率', 'Service level 服务水平', 'ASA (s)', 'Occupancy 占用率'],
        profile.map((p) => [
          p.hour,
          formatValue(p.callsPerHour, 'calls'),
          formatValue(p.agents, 'agents'),
          formatValue(p.connectionRate, 'ratio'),
          formatValue(p.serviceLevel, 'ratio'),
          formatValue(p.asa, 'seconds').replace(' s', ''),
          formatValue(p.occupancy, 'ratio'),
        ]),
      ),
    );
  }
  return out.join('\n');
}

interface HourProfile {
  hour: string;
  callsPerHour: number;
  agents: number;
  connectionRate: number;
  serviceLevel: number;
  asa: number;
  occupancy: number;
}

/**
 * The intervals folded onto one day by hour: call-weighted means of the interval means
 * (an approximation to pooling, good enough for a profile; the totals are exact).
 */
export function averageDay(r: RunResult): HourProfile[] {
  const acc = new Map<number, { n: number; calls: number; agents: number; answered: number; offered: number; sl: number; slW: number; asaW: number; asa: number; occ: number; occW: number }>();
  for (const row of r.intervals) {
    const hour = Number(row.start.slice(11, 13));
    const a = acc.get(hour) ?? { n: 0, calls: 0, agents: 0, answered: 0, offered: 0, sl: 0, slW: 0, asa: 0, asaW: 0, occ: 0, occW: 0 };
    const m = row.metrics;
    const offered = m.offered.mean;
    a.n++;
    a.calls += row.callsPerHour;
    a.agents += row.agents;
    a.offered += offered;
    a.answered += m.answered.mean;
    if (!Number.isNaN(m.serviceLevel.mean)) {
      a.sl += m.serviceLevel.mean * offered;
      a.slW += offered;
    }
    if (!Number.isNaN(m.asa.mean)) {
      a.asa += m.asa.mean * m.answered.mean;
      a.asaW += m.answered.mean;
    }
    if (!Number.isNaN(m.occupancy.mean)) {
      a.occ += m.occupancy.mean * row.agents;
      a.occW += row.agents;
    }
    acc.set(hour, a);
  }
  return [...acc.entries()]
    .sort((x, y) => x[0] - y[0])
    .map(([hour, a]) => ({
      hour: `${String(hour).padStart(2, '0')}:00`,
      callsPerHour: a.calls / a.n,
      agents: a.agents / a.n,
      connectionRate: a.offered > 0 ? a.answered / a.offered : NaN,
      serviceLevel: a.slW > 0 ? a.sl / a.slW : NaN,
      asa: a.asaW > 0 ? a.asa / a.asaW : NaN,
      occupancy: a.occW > 0 ? a.occ / a.occW : NaN,
    }));
}

export type { Unit };

function formatDays(days: number): string {
  if (days < 1) return `${Math.round(days * 24 * 10) / 10} hours`;
  const d = days % 1 === 0 ? String(days) : days.toFixed(2);
  return `${d} ${days === 1 ? 'day' : 'days'}`;
}
