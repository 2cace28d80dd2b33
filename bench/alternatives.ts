// Alternatives and tornado at Liaocheng scale (issue #18 target: both under 2 minutes on 2 cores):
// `calibrate --alternatives` (each PLAUSIBLE unknown fitted to Jiangsu's 30-s rate, the file's
// calibration, with its head count for 95% and budget) and `budget --sensitivity` (each assumption
// at both ends of its range), on liaocheng-2024.yaml as shipped: two weeks, 10 replications.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = (args: string[]) => {
  const t0 = performance.now();
  const out = execFileSync(process.execPath, ['cli/hotline-sim.js', ...args, '--quiet'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 });
  return { seconds: (performance.now() - t0) / 1000, out };
};
const file = 'scenarios/liaocheng-2024.yaml';
const alt = cli(['calibrate', file, '--observed', 'sl=0.9525@30', '--alternatives']);
const sens = cli(['budget', file, '--sensitivity']);
process.stdout.write(
  JSON.stringify({ name: 'alternatives', alternativesSeconds: alt.seconds, sensitivitySeconds: sens.seconds, alternatives: alt.out.trim().split('\n'), sensitivity: sens.out.trim().split('\n') }) + '\n',
);
