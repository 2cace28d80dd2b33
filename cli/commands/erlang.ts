import type { Argv } from 'yargs';
import { agentsNeeded, describeKpiTarget, formatValue, queueMetrics, resultJson, textTable, type QueueInput } from '../../engine/index.ts';
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
        .option('sl-seconds', { type: 'number', default: 15, describe: 'service-level threshold T, seconds (GB/T 33358: 15)' })
        .option('agents', { type: 'string', describe: 'agents on seat: 14, or a range 10..20' })
        .option('target', { type: 'string', describe: 'find the agents for: connection=0.95, sl=0.8@20, asa=30, abandon=0.05' })
        .option('max-occupancy', { type: 'number', describe: 'with --target: cap occupancy, a fraction, e.g. 0.85' })
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
      seconds('--sl-seconds', argv['sl-seconds'], 'positive');
      const occ = argv['max-occupancy'];
      if (occ !== undefined && !(occ > 0 && occ <= 1)) throw new UsageError(`--max-occupancy is a fraction between 0 and 1, e.g. 0.85 (got ${occ})`);
      const target = argv.target ? parseTarget(argv.target) : undefined;
      if (target && argv.patience === undefined && (target.kind === 'connectionRate' || target.kind === 'abandonment')) {
        throw new UsageError('connection and abandonment targets need --patience (Erlang A): without it nobody hangs up');
      }
      const base: Omit<QueueInput, 'agents'> = {
        callsPerHour: cph,
        handleSeconds: handle,
        patienceSeconds: argv.patience ?? null,
        // A service-level target brings its own threshold; the table shows the same one.
        serviceLevelSeconds: target?.kind === 'serviceLevel' && target.seconds !== undefined ? target.seconds : argv['sl-seconds'],
      };
      let agentList: number[];
      let needed: number | undefined;
      if (target) {
        needed = agentsNeeded(base, target, { maxOccupancy: occ });
        agentList = [needed];
        if (!argv.json) process.stdout.write(`Agents on seat needed for ${describeKpiTarget(target, base.serviceLevelSeconds)}: ${needed}\n\n`);
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
      const rows = agentList.map((n) => queueMetrics({ ...base, agents: n }));
      if (argv.json) {
        process.stdout.write(resultJson({ model: argv.patience ? 'Erlang A (M/M/n+M)' : 'Erlang C (M/M/n)', input: base, agentsNeeded: needed, results: rows }) + '\n');
        return;
      }
      const T = base.serviceLevelSeconds;
      process.stdout.write(
        `${argv.patience ? 'Erlang A (M/M/n+M)' : 'Erlang C (M/M/n)'}: ${cph} calls/h, handle ${handle} s` +
          `${argv.patience ? `, mean patience ${argv.patience} s` : ''}; offered load ${rows[0].offeredLoad.toFixed(2)} Erlangs\n`,
      );
      process.stdout.write(
        textTable(
          ['Agents', 'Connection 接通率', 'Abandon 呼损率', `SL ${T}s /offered`, `SL ${T}s /answered`, 'P(wait)', 'ASA (s)', 'Occupancy 占用率'],
          rows.map((r) =>
            r.stable
              ? [
                  String(r.agents),
                  formatValue(r.connectionRate, 'ratio'),
                  formatValue(r.probAbandon, 'ratio'),
                  formatValue(r.serviceLevel.offered, 'ratio'),
                  formatValue(r.serviceLevel.answered, 'ratio'),
                  formatValue(r.probWait, 'ratio'),
                  formatValue(r.asa, 'seconds').replace(' s', ''),
                  formatValue(r.occupancy, 'ratio'),
                ]
              : [String(r.agents), 'overloaded: queue grows without bound', '', '', '', '', '', ''],
          ),
        ) + '\n',
      );
    },
  );
}
