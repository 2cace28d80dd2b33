// Every CSV hotline-sim writes starts with the UTF-8 byte-order mark, so Excel (and WPS) on a
// Chinese Windows open the Chinese names correctly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('./hotline-sim.js', import.meta.url).pathname;
const SCENARIOS = new URL('../scenarios/', import.meta.url).pathname;
const HAIKOU = join(SCENARIOS, 'haikou-2024.yaml');
const CHANGZHOU = join(SCENARIOS, 'changzhou-2021.yaml');
const dir = mkdtempSync(join(tmpdir(), 'hotline-bom-'));
// Only the files' first bytes are checked: one day at a tenth of the calls.
const FAST = ['--horizon', '1d', '--replications', '2', '--scale', '0.1', '--quiet'];

// One worker thread for these small runs, as in cli/oneAnswer.test.ts (the output is the same for any number).
const ONE_WORKER = ['--workers', '1'];

function cli(...args: string[]) {
  const workers = args[0] === 'erlang' || args.includes('--workers') ? [] : ONE_WORKER;
  const r = spawnSync(process.execPath, [BIN, ...args, ...workers], { encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CSV files', () => {
  it('every CSV of run, staff, budget and compare starts with a BOM', () => {
    const runs: [string, string[]][] = [
      ['run', ['run', CHANGZHOU, ...FAST]],
      // Only the files' first bytes are checked: 4 requirement replications a round, not 20, at a tenth of the calls (12 → 1.5 s of CPU).
      ['staff', ['staff', HAIKOU, '--target', 'connection=0.95', '--mode', 'roster', '--horizon', '1d', '--replications', '2', '--requirement-replications', '4', '--scale', '0.1', '--quiet']],
      ['budget', ['budget', HAIKOU, '--target', 'connection=0.95', '--budget', '129e6', '--contract-kpi', 'connection=0.95', ...FAST]],
      ['compare', ['compare', HAIKOU, CHANGZHOU, '--people-per-seat', '5', ...FAST]],
      ['models', ['compare', HAIKOU, '--models', ...FAST]],
    ];
    let seen = 0;
    for (const [name, args] of runs) {
      const out = join(dir, name);
      const r = cli(...args, '--out', out);
      expect(r.code, `${name}: ${r.stderr}`).toBe(0);
      const csvs = readdirSync(out).filter((f) => f.endsWith('.csv'));
      expect(csvs.length, name).toBeGreaterThan(0);
      for (const f of csvs) {
        expect(readFileSync(join(out, f), 'utf8').charCodeAt(0), `${name}/${f}`).toBe(0xfeff);
        seen++;
      }
    }
    expect(seen).toBeGreaterThanOrEqual(15);
  });
});
