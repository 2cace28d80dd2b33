import type { Argv } from 'yargs';
// Not the engine's barrel: erlang loads the analytic engine and the formatters only (start-up).
import { agentsNeeded, queueMetrics, type QueueInput } from '../../engine/analytic/index.ts';
import { describeKpiTarget, formatValue, textTable, wrapText } from '../../engine/report/format.ts';
import { resultJson } from '../../engine/report/json.ts';
import { formatAmount, formatTrimmed } from '../../engine/text/numbers.ts';
import { UsageError } from '../errors.ts';
import { parseTarget } from '../targets.ts';

export function registerErlang(y: Argv) {
  return y.command(
    'erlang',
    'instant Erlang C / Erlang A answers: KPIs for a head count, or the head count for a target',
    (a) =>
      a
        .option('calls-per-hour', { type: 'number', demandOption: true, describe: 'offered calls per hour' })
        .option('talk', { type: 'number', demandOption: true, describe: 'mean talk time, seconds' })
        .option('wrap-up', { type: 'number', default: 0, describe: 'mean after-call work, seconds' })
        .option('patience', { type: 'number', describe: 'mean caller patience, seconds (Erlang A); omit for Erlang C' })
        .option('sl-seconds', { type: 'number', describe: 'service-level threshold T, seconds (default 15, GB/T 33358; a target sl=0.8@20 brings its own)' })
        .option('agents', { type: 'string', describe: 'agents on seat: 14, or a range 10..20' })
        .option('target', { type: 'string', array: true, describe: 'find the agents for: connection=0.95, sl=0.8@20, asa=30, abandon=0.05 (repeat: all must hold)' })
        .option('shrinkage', { type: 'number', describe: 'share of paid time off seat (leave, sickness, training), e.g. 0.3: prints the payroll head count' })
        .option('hours-open', { type: 'number', describe: 'with --shrinkage: hours of service a day (default 24)' })
        .option('days-open', { type: 'number', describe: 'with --shrinkage: days of service a week (default 7)' })
        .option('paid-hours', { type: 'number', describe: 'with --shrinkage: paid hours a week per person (default 40)' })
        .option('max-occupancy', { type: 'number', describe: 'with --target: cap occupancy, a fraction, e.g. 0.85' })
        .implies({ 'max-occupancy': 'target', 'hours-open': 'shrinkage', 'days-open': 'shrinkage', 'paid-hours': 'shrinkage' })
        .conflicts('agents', 'target')
        .option('json', { type: 'boolean', default: false, describe: 'print one JSON object instead of the table' }),
    (argv) => {
      const cph = argv['calls-per-hour'];
      const handle = argv.talk + argv['wrap-up'];
      const seconds = (name: string, v: number, min: 'positive' | 'nonNegative') => {
        if (Number.isNaN(v)) throw new UsageError(`${name} takes a number of seconds, e.g. ${name} 180`);
        if (!Number.isFinite(v) || v > 1e6) throw new UsageError(`${name} must be a number of seconds up to 1e6 (got ${v})`);
        if (min === 'positive' ? !(v > 0) : !(v >= 0)) throw new UsageError(`${name} must be ${min === 'positive' ? 'more than 0' : '0 or more'} seconds (got ${v})`);
      };
      if (Number.isNaN(cph)) throw new UsageError('--calls-per-hour takes a number, e.g. --calls-per-hour 200');
      if (!(cph >= 0 && cph <= 1e7)) throw new UsageError(`--calls-per-hour must be between 0 and 1e7 (got ${cph})`);
      seconds('--talk', argv.talk, 'positive');
      seconds('--wrap-up', argv['wrap-up'], 'nonNegative');
      if (argv.patience !== undefined) seconds('--patience', argv.patience, 'positive');
      const slGiven = argv['sl-seconds'];
      if (slGiven !== undefined) seconds('--sl-seconds', slGiven, 'positive');
      const occ = argv['max-occupancy'];
      if (occ !== undefined && !(occ > 0 && occ <= 1)) throw new UsageError(`--max-occupancy is a fraction between 0 and 1, e.g. 0.85 (got ${occ})`);
      const targets = (argv.target ?? []).map((t) => parseTarget(String(t)));
      if (argv.patience === undefined && targets.some((t) => t.kind === 'connectionRate' || t.kind === 'abandonment')) {
        throw new UsageError('connection and abandonment targets need --patience (Erlang A): without it nobody hangs up');
      }
      const slSeconds = [...new Set(targets.filter((t) => t.kind === 'serviceLevel' && t.seconds !== undefined).map((t) => (t as { seconds: number }).seconds))];
      if (slSeconds.length > 1) throw new UsageError('give the service-level targets one threshold T (e.g. sl=0.8@20 and sl=0.9@20), or run erlang once per T');
      if (slGiven !== undefined && slSeconds.some((t) => t !== slGiven)) {
        throw new UsageError(`--sl-seconds ${slGiven} conflicts with the target's threshold (@${slSeconds[0]}): give one of them`);
      }
      const shrink = argv.shrinkage;
      if (shrink !== undefined && !(shrink >= 0 && shrink < 1)) throw new UsageError(`--shrinkage is a fraction from 0 up to 1, e.g. 0.3 (got ${shrink})`);
      const hoursOpen = argv['hours-open'] ?? 24;
      const daysOpen = argv['days-open'] ?? 7;
      const paidHours = argv['paid-hours'] ?? 40;
      if (!(hoursOpen > 0 && hoursOpen <= 24)) throw new UsageError(`--hours-open must be more than 0 and at most 24 (got ${hoursOpen})`);
      if (!(daysOpen > 0 && daysOpen <= 7)) throw new UsageError(`--days-open must be more than 0 and at most 7 (got ${daysOpen})`);
      if (!(paidHours > 0)) throw new UsageError(`--paid-hours must be more than 0 (got ${paidHours})`);
      // Agents on seat → people: every seat is staffed for the hours of service, each person is paid
      // paidHours a week of which a share `shrinkage` is off seat.
      const peoplePerSeat = (hoursOpen * daysOpen) / (paidHours * (1 - (shrink ?? 0)));
      const payroll = (agents: number) => Math.ceil(agents * peoplePerSeat - 1e-9);
      const base: Omit<QueueInput, 'agents'> = {
        callsPerHour: cph,
        handleSeconds: handle,
        patienceSeconds: argv.patience ?? null,
        // A service-level target brings its own threshold; the table shows the same one.
        serviceLevelSeconds: slSeconds[0] ?? slGiven ?? 15,
      };
      let agentList: number[];
      let needed: number | undefined;
      if (targets.length) {
        // Every target must hold: the most demanding sets the agents.
        needed = Math.max(...targets.map((t) => agentsNeeded(base, t, { maxOccupancy: occ })));
        agentList = [needed];
        if (!argv.json) {
          const what = targets.map((t) => describeKpiTarget(t, base.serviceLevelSeconds)).join(' and ');
          process.stdout.write(wrapText(`Agents on seat needed for ${what}${occ !== undefined ? `, occupancy ≤ ${(occ * 100).toFixed(0)}%` : ''}: ${formatAmount(needed)}`).join('\n') + '\n');
        }
      } else if (argv.agents) {
        const m = /^(\d+)(?:\.\.(\d+))?$/.exec(argv.agents.trim());
        if (!m) throw new UsageError(`--agents "${argv.agents}": give a whole number (14) or a range (10..20)`);
        const lo = Number(m[1]);
        const hi = m[2] !== undefined ? Number(m[2]) : lo;
        if (hi < lo || hi - lo > 500) throw new UsageError('--agents range must go upwards and span at most 500');
        agentList = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
      } else {
        throw new UsageError('give --agents (14 or 10..20) or --target (e.g. connection=0.95)');
      }
      const payrollLine =
        shrink !== undefined
          ? `Payroll 人数: ${agentList.length === 1 ? formatAmount(payroll(agentList[0])) : `${formatAmount(payroll(agentList[0]))}–${formatAmount(payroll(agentList[agentList.length - 1]))}`} people = on seat × ` +
            `${hoursOpen * daysOpen} h open a week / ${paidHours} paid h / (1 − ${(shrink * 100).toFixed(0)}% shrinkage) (× ${peoplePerSeat.toFixed(2)})`
          : 'Agents on seat at one time; --shrinkage 0.3 (with --hours-open, --days-open) gives the payroll.';
      const rows = agentList.map((n) => queueMetrics({ ...base, agents: n }));
      if (argv.json) {
        process.stdout.write(
          resultJson({
            model: argv.patience ? 'Erlang A (M/M/n+M)' : 'Erlang C (M/M/n)',
            input: base,
            targets,
            agentsNeeded: needed,
            payroll: shrink !== undefined ? { shrinkage: shrink, hoursOpen, daysOpen, paidHours, peoplePerSeat, headcount: agentList.map(payroll) } : null,
            results: rows,
          }) + '\n',
        );
        return;
      }
      const T = base.serviceLevelSeconds;
      process.stdout.write(
        `${argv.patience ? 'Erlang A (M/M/n+M)' : 'Erlang C (M/M/n)'}: ${formatTrimmed(cph, 3)} calls/h, handle ${formatTrimmed(handle, 3)} s` +
          `${argv.patience ? `, mean patience ${argv.patience} s` : ''}; offered load ${formatAmount(rows[0].offeredLoad, 2)} Erlangs\n`,
      );
      process.stdout.write(
        textTable(
          ['Agents', 'Connect 接通率', 'Abandon 呼损率', `SL ${T}s/offered`, `SL ${T}s/answered`, 'P(wait)', 'ASA', 'Occ. 占用率'],
          rows.map((r) =>
            r.stable
              ? [
                  formatAmount(r.agents),
                  formatValue(r.connectionRate, 'ratio'),
                  formatValue(r.probAbandon, 'ratio'),
                  formatValue(r.serviceLevel.offered, 'ratio'),
                  formatValue(r.serviceLevel.answered, 'ratio'),
                  formatValue(r.probWait, 'ratio'),
                  formatValue(r.asa, 'seconds').replace(' s', ''),
                  formatValue(r.occupancy, 'ratio'),
                ]
              : [formatAmount(r.agents), 'overloaded: queue grows without bound', '', '', '', '', '', ''],
          ),
        ) + `\nASA in seconds; SL = service level 服务水平.\n${payrollLine}\n`,
      );
    },
  );
}
