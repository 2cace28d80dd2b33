// The code-split bundle (cli/build.mjs → cli/dist) end to end, as an installed command runs it:
// only the command asked for is loaded, the others are known by the names and descriptions in
// cli/commandTable.ts (checked here against what each module registers), and the bundled yargs still
// finds its translations and the package's version. The other CLI tests run through the bundle too
// (cli/hotline-sim.js picks it when it is fresh); these check what only the bundle can get wrong.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from './commandTable.ts';

const ROOT = join(new URL('.', import.meta.url).pathname, '..');
const DIST = join(ROOT, 'cli', 'dist');
const MAIN = join(DIST, 'main.mjs');

/** As cli/hotline-sim.js decides: the bundle is at least as new as every source it was built from. */
function fresh(): boolean {
  try {
    const built = statSync(MAIN).mtimeMs;
    const sources: string[] = JSON.parse(readFileSync(join(DIST, 'sources.json'), 'utf8'));
    return sources.every((s) => statSync(join(ROOT, 'cli', s)).mtimeMs <= built);
  } catch {
    return false;
  }
}

function bundle(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', ...env } });
}

const ERLANG = ['erlang', '--calls-per-hour', '200', '--talk', '180', '--patience', '300', '--agents', '12..16'];

describe('the code-split bundle', () => {
  beforeAll(() => {
    // After an edit, build (as npm install does): this test is about the bundle, not the sources.
    if (!fresh()) execFileSync(process.execPath, [join(ROOT, 'cli', 'build.mjs')]);
  }, 120_000);

  it('lists each command as its module registers it (name and description)', async () => {
    for (const entry of COMMANDS) {
      const seen: [string, string][] = [];
      const recorder = { command: (cmd: string, describe: string) => (seen.push([cmd, describe]), recorder) } as unknown as Argv;
      (await entry.load())(recorder);
      expect(seen, entry.command).toEqual([[entry.command, entry.describe]]);
    }
  });

  it('erlang loads neither the simulator nor a scenario package, and prints what the sources print', { timeout: 60_000 }, () => {
    // erlang's static import closure (main.mjs, its chunk and the chunks they import) imports Node's own modules only.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(join(DIST, file), 'utf8');
      // esbuild heads each module with its path: none of the simulator, the schemas or the solver.
      for (const heavy of ['engine/callcenter/simulate.ts', 'engine/scenario/schema.ts', 'node_modules/zod/', 'node_modules/yaml/', 'highs']) {
        expect(text.includes(`// ${heavy}`), `${file} holds ${heavy}`).toBe(false);
      }
      for (const m of text.matchAll(/(?:^|\n)(?:import|export)\s[^;]*?from\s*"([^"]+)";/g)) {
        if (m[1].startsWith('./')) visit(m[1].slice(2));
        else expect(m[1].startsWith('node:') || builtinModules.includes(m[1]), `${file} imports ${m[1]}`).toBe(true);
      }
    };
    visit('main.mjs');
    const erlangChunk = /import\("\.\/(erlang-[A-Z0-9]+\.mjs)"\)/.exec(readFileSync(MAIN, 'utf8'))?.[1];
    expect(erlangChunk).toBeDefined();
    visit(erlangChunk!);

    const fromBundle = bundle(ERLANG);
    expect(fromBundle.status, fromBundle.stderr).toBe(0);
    const fromSources = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'cli', 'main.ts'), ...ERLANG], { cwd: ROOT, encoding: 'utf8' });
    expect(fromBundle.stdout).toBe(fromSources.stdout);
    expect(fromBundle.stdout).toContain('Erlang A (M/M/n+M): 200 calls/h');
  });

  it("keeps yargs' translations, the package's version and the one-line errors", () => {
    // hotline-sim's own version (yargs alone would read the package.json above its node_modules).
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(bundle(['--version']).stdout.trim()).toBe(version);
    // yargs' own messages follow the locale, from its locales/ folder beside the package.
    const zh = bundle(['erlang', '--talk', '3'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe('hotline-sim: 缺少必须的选项：calls-per-hour (see hotline-sim --help)\n');
    const help = bundle(['--help']);
    for (const c of COMMANDS) expect(help.stdout).toContain(`hotline-sim ${c.command}`);
    const unknown = bundle(['nosuch']);
    expect([unknown.status, unknown.stderr]).toEqual([2, 'hotline-sim: Unknown argument: nosuch (see hotline-sim --help)\n']);
  });

  it('runs replications in the bundled worker (run --workers 2) with the same answer as one thread', { timeout: 60_000 }, () => {
    const args = ['run', 'scenarios/haikou-2024.yaml', '--horizon', '6h', '--replications', '4', '--quiet', '--json'];
    // The pool keeps so small a run in one thread unless told that threads cost nothing to start:
    // the worker-stopping test hook does that (at a replication this run never reaches).
    const threaded = { HOTLINE_SIM_TEST_WORKER_STOPS_AT: '999' };
    const one = bundle([...args, '--workers', '1']);
    const two = bundle([...args, '--workers', '2'], threaded);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });
});
