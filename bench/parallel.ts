// Parallel benchmarks, one process per measurement (so peak RSS is its own); prints one JSON line.
//   year <workers> [piscina]   10 replications of the standard year (bench/cases.ts)
//   sweep <workers>            Liaocheng-scale sweep: 100 head counts × 10 replications of one week
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReplicationResult } from '../engine/callcenter/model.ts';
import { parseScenario, parseVary, planSweep, runReplications, setWorkerEntry, setWorkers, startRun, sweepChunks, workers } from '../engine/index.ts';
import { BENCH_CASES } from './cases.ts';

const [kind, n, via] = process.argv.slice(2);
// The workers run the bundled worker, as the installed command does (bench/run.ts builds it first);
// from source each worker would load tsx and transpile the engine, a start-up users never pay.
setWorkerEntry(new URL('../cli/dist/worker-entry.mjs', import.meta.url));
const clock = () => performance.now() / 1000;

/**
 * CPU seconds of this process's threads (Linux /proc): the main thread, and the others busiest
 * first (worker threads, plus V8's helpers). CPU time, unlike wall time, does not grow when other
 * programs share the cores, so it shows how evenly the work was split.
 */
function threadCpu(): { main: number; others: number[] } | null {
  try {
    const tick = 100; // USER_HZ
    const cpuOf = (tid: string) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(f[11]) + Number(f[12])) / tick;
    };
    const tids = readdirSync('/proc/self/task');
    return { main: cpuOf(String(process.pid)), others: tids.filter((t) => t !== String(process.pid)).map(cpuOf).sort((a, b) => b - a).slice(0, 4) };
  } catch {
    return null;
  }
}
const mainSince = (t: ReturnType<typeof threadCpu>, main0: number) => t && { ...t, main: t.main - main0 };
const cpuTotal = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const rss = () => process.resourceUsage().maxRSS / 1024;

async function year(): Promise<object> {
  const scenario = { ...parseScenario(BENCH_CASES.standard.yaml(), 'bench:standard'), replications: 10 };
  const [t0, cpu0, main0] = [clock(), cpuTotal(), threadCpu()?.main ?? 0];
  const run = startRun(scenario);
  let threads: ReturnType<typeof threadCpu> = null;
  let fold = 0;
  const add = (r: number, rep: ReplicationResult) => {
    const t = clock();
    run.add(r, rep);
    fold += clock() - t;
  };
  if (via === 'piscina') {
    const { Piscina } = await import('piscina');
    const pool = new Piscina({ filename: fileURLToPath(new URL('./piscinaWorker.ts', import.meta.url)), minThreads: Number(n), maxThreads: Number(n) });
    // Fold in replication order as results arrive (the same rule as the engine's pool).
    const done = new Map<number, ReplicationResult>();
    let next = 0;
    await Promise.all(
      run.tasks.map(async (task, i) => {
        done.set(i, (await pool.run(task)) as ReplicationResult);
        while (done.has(next)) {
          add(next, done.get(next)!);
          done.delete(next++);
        }
      }),
    );
    threads = threadCpu();
    await pool.destroy();
  } else {
    setWorkers(Number(n));
    runReplications(run.tasks, add);
    threads = threadCpu();
  }
  const t1 = clock();
  const result = run.finish();
  const t2 = clock();
  return { kind, workers: Number(n), via: via ?? 'engine', seconds: t2 - t0, foldSeconds: fold, finishSeconds: t2 - t1, calls: result.simulatedCalls, connectionRate: result.totals.connectionRate.mean, peakRssMB: rss(), cpuSeconds: cpuTotal() - cpu0, threads: threads && { ...threads, main: threads.main - main0 } };
}

function sweep(): object {
  setWorkers(Number(n));
  const scenario = fileURLToPath(new URL('../scenarios/liaocheng-2024.yaml', import.meta.url));
  const [t0, cpu0, main0] = [clock(), cpuTotal(), threadCpu()?.main ?? 0];
  const plan = planSweep(scenario, [parseVary('agents.headcount=150..348:2')], { horizonHours: 7 * 24, replications: 10 });
  const tPlan = clock() - t0;
  let rows = 0;
  let checksum = 0;
  for (const chunk of sweepChunks(plan, plan.points, Math.max(1, Math.ceil((32 * workers()) / plan.replications)))) {
    rows += chunk.length;
    for (const r of chunk) checksum += Number(r[plan.columns.indexOf('connectionRate')]);
  }
  return { kind, workers: Number(n), points: rows, replications: plan.replications, seconds: clock() - t0, planSeconds: tPlan, checksum, peakRssMB: rss(), cpuSeconds: cpuTotal() - cpu0, threads: mainSince(threadCpu(), main0) };
}

const out = kind === 'year' ? await year() : kind === 'sweep' ? sweep() : null;
if (!out) throw new Error(`unknown parallel bench ${kind}`);
process.stdout.write(JSON.stringify(out) + '\n');
process.exit(0);
