// npm run golden -- record DIR | check DIR: the --json output of run, staff, budget, compare and
// calibrate on every shipped scenario, at short horizons and few replications, recorded once and
// compared byte for byte after a change that must not alter behaviour (a refactoring).
// Each case runs the CLI from source (tsx), so a stale bundle cannot hide a change.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scenarios = readdirSync(join(root, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => `scenarios/${f}`);
const hasCost = (file: string) => /^cost:/m.test(readFileSync(join(root, file), 'utf8'));
const short = ['--horizon', '2d', '--replications', '2', '--workers', '1', '--quiet', '--json'];

interface Case { name: string; args: string[] }
const cases: Case[] = [];
for (const s of scenarios) {
  const id = s.replace(/^scenarios\//, '').replace(/\.yaml$/, '');
  cases.push({ name: `run-${id}`, args: ['run', s, ...short] });
  cases.push({ name: `staff-${id}`, args: ['staff', s, '--target', 'connection=0.9', '--requirement-replications', '2', ...short.map((a) => (a === '2d' ? '1d' : a))] });
  if (hasCost(s)) {
    cases.push({ name: `budget-${id}`, args: ['budget', s, ...short] });
    cases.push({ name: `compare-models-${id}`, args: ['compare', s, '--models', ...short] });
  }
  // arrivals.scale reaches connection 0.9 on every scenario (patience alone often cannot).
  cases.push({ name: `calibrate-${id}`, args: ['calibrate', s, '--observed', 'connection=0.9', '--fit', 'arrivals.scale', '--no-sensitivity', ...short.map((a) => (a === '2d' ? '1d' : a))] });
}
cases.push({ name: 'calibrate-patience-liaocheng-2024', args: ['calibrate', 'scenarios/liaocheng-2024.yaml', '--observed', 'connection=0.9', '--fit', 'patience.mean', ...short.map((a) => (a === '2d' ? '1d' : a))] });
const costed = scenarios.filter(hasCost);
cases.push({ name: 'compare-pair', args: ['compare', costed[0], costed[costed.length - 1], ...short] });

function runCase(c: Case): Promise<string> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...c.args], { cwd: root, maxBuffer: 256 << 20, env: { ...process.env, FORCE_COLOR: '0' } }, (err, stdout, stderr) => {
      const code = err ? ((err as { code?: number }).code ?? 1) : 0;
      done(`$ hotline-sim ${c.args.join(' ')}\nexit ${code}\n--- stdout\n${stdout}--- stderr\n${code === 0 ? '' : stderr}`);
    });
  });
}

async function main() {
  const [mode, dirArg] = process.argv.slice(2);
  if ((mode !== 'record' && mode !== 'check') || !dirArg) {
    console.error('usage: npm run golden -- record DIR | check DIR');
    process.exit(2);
  }
  const dir = resolve(dirArg);
  if (mode === 'record') {
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      console.error(`golden: ${dir} is not empty; record into a new folder`);
      process.exit(2);
    }
    mkdirSync(dir, { recursive: true });
  }
  const started = Date.now();
  const failed: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < cases.length) {
      const c = cases[next++];
      const out = await runCase(c);
      const file = join(dir, `${c.name}.txt`);
      if (mode === 'record') writeFileSync(file, out);
      else if (!existsSync(file)) failed.push(`${c.name}: not recorded`);
      else if (readFileSync(file, 'utf8') !== out) {
        failed.push(c.name);
        writeFileSync(`${file}.new`, out);
      }
      process.stderr.write(`${mode} ${c.name}\n`);
    }
  };
  await Promise.all([worker(), worker()]);
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  if (mode === 'record') console.log(`golden: recorded ${cases.length} cases into ${relative(process.cwd(), dir) || '.'} in ${secs} s`);
  else if (failed.length === 0) console.log(`golden: all ${cases.length} cases byte-identical (${secs} s)`);
  else {
    console.log(`golden: ${failed.length} of ${cases.length} cases differ (new output beside each as .txt.new):\n  ${failed.join('\n  ')}`);
    process.exit(1);
  }
}
main();
