// hotline-sim as another project uses it: `npm pack`, the tarball unpacked into a consumer's
// node_modules, imported by plain Node (no tsx: it is left out of the consumer's modules) and
// type-checked against the published .d.ts. Offline: the dependencies are this project's own
// installed modules, linked in (npm would need the registry to resolve them again).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('..', import.meta.url).pathname;
/** Tools of this project that a consumer of the library must not need at run time. */
const DEV_ONLY = new Set(['tsx', 'vitest', 'esbuild', 'fast-check', '.bin']);

describe('the package as a consumer imports it', () => {
  it('npm pack, unpack, import { simulate, erlangA, loadScenario, budget } on plain Node, and type-check', { timeout: 120_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotline-consumer-'));
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files.some((f) => f.endsWith('.test.ts'))).toBe(false);

    const app = join(dir, 'app');
    const modules = join(app, 'node_modules');
    mkdirSync(join(modules, 'hotline-sim'), { recursive: true });
    execFileSync('tar', ['-xzf', join(dir, packed[0].filename), '-C', join(modules, 'hotline-sim'), '--strip-components=1']);
    for (const name of readdirSync(join(ROOT, 'node_modules'))) {
      if (!DEV_ONLY.has(name)) symlinkSync(join(ROOT, 'node_modules', name), join(modules, name));
    }
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(
      join(app, 'scenario.yaml'),
      'name: Consumer\nhorizon: { hours: 4 }\narrivals: { callsPerHour: 100 }\ntalkTime: { distribution: exponential, mean: 180 }\n' +
        'patience: { distribution: exponential, mean: 120 }\nagents: 6\nreplications: 3\nseed: 5\n',
    );
    const program = (ts: boolean) => `import { simulate, erlangA, loadScenario, budget, LIMITS } from 'hotline-sim';
const scenario = loadScenario('scenario.yaml');
const run = simulate(scenario);
const exact = erlangA({ callsPerHour: 100, handleSeconds: 180, patienceSeconds: 120, agents: 6, serviceLevelSeconds: 15 });
const study = budget({ file: 'scenario.yaml', overrides: { peoplePerSeat: 5 }, simulate: false });
const conn${ts ? ': number' : ''} = run.totals.connectionRate.mean;
const total${ts ? ': number' : ''} = study.at.budgets.outsourced.budget.total;
console.log(JSON.stringify({ conn, exact: exact.connectionRate, total, calls: LIMITS.callsPerRun }));
`;
    writeFileSync(join(app, 'main.mjs'), program(false));
    const r = spawnSync(process.execPath, ['main.mjs'], { cwd: app, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    // The simulation's CI and the exact Erlang A value are both near 0.78; 3 replications of 4 hours: within 0.1.
    expect(Math.abs(out.conn - out.exact)).toBeLessThan(0.1);
    expect(out.total).toBeGreaterThan(0);
    expect(out.calls).toBe(1e10);

    // The installed command runs from its bundle, without tsx.
    const bin = spawnSync(process.execPath, [join(modules, 'hotline-sim', 'cli', 'hotline-sim.js'), 'run', 'scenario.yaml', '--json', '--quiet'], { cwd: app, encoding: 'utf8' });
    expect(bin.status, bin.stderr).toBe(0);
    expect(JSON.parse(bin.stdout).totals.connectionRate.mean).toBe(out.conn);

    // The same program in TypeScript, checked against the published declarations.
    writeFileSync(join(app, 'main.ts'), program(true));
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, types: ['node'] }, files: ['main.ts'] }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { encoding: 'utf8' });
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
  });
});
