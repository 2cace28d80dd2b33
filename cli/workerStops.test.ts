// A worker thread that dies (out of memory, a crash in native code) fails the command in one line
// naming the replication it lost, and nothing is written. The test-only hook
// HOTLINE_SIM_TEST_WORKER_STOPS_AT makes the worker that holds that replication exit on reaching it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = new URL('./hotline-sim.js', import.meta.url).pathname;
const CHANGZHOU = new URL('../scenarios/changzhou-2021.yaml', import.meta.url).pathname;

describe('a worker thread that dies', () => {
  it('fails the command in one line naming the replication, with nothing written', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hotline-worker-')), 'result');
    const r = spawnSync(process.execPath, [BIN, 'run', CHANGZHOU, '--horizon', '1d', '--replications', '4', '--workers', '2', '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', HOTLINE_SIM_TEST_WORKER_STOPS_AT: '2' },
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('hotline-sim: replication 2 failed: its worker thread stopped (it exited with code 70); nothing was written\n');
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});
