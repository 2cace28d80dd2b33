// The sweep's CSV (fast-csv, UTF-8 with BOM): streamed one chunk of points at a time, in grid
// order, so a killed sweep leaves a file whose complete rows are a prefix of the finished one.
// A resume keeps those rows, cuts a half-written last line and carries on; shards write their own
// files, and merging them gives the bytes of the whole sweep. A manifest (JSON) beside each CSV
// names the sweep, so a resume or a merge never mixes two different sweeps.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { parseString, writeToString } from 'fast-csv';
import type { SweepPlan, SweepPoint } from '../experiment/studies/sweep.ts';
import { UTF8_BOM } from './csv.ts';
import { OutputExistsError, prepareOutputFolder, writeFilesAtomically } from './output.ts';

/** "k/n": the k-th of n shards (1-based); points i with i mod n = k - 1. */
export interface Shard {
  k: number;
  n: number;
}

export function parseShard(text: string): Shard | { error: string } {
  const m = text.match(/^(\d+)\/(\d+)$/);
  if (!m) return { error: `give the shard as k/n, e.g. 2/8 (got ${text})` };
  const [k, n] = [Number(m[1]), Number(m[2])];
  if (!(n >= 1 && k >= 1 && k <= n)) return { error: `the shard k/n needs 1 <= k <= n (got ${text})` };
  return { k, n };
}

export function shardPoints(points: SweepPoint[], shard: Shard | null): SweepPoint[] {
  return shard ? points.filter((p) => p.index % shard.n === shard.k - 1) : points;
}

export interface SweepManifest {
  hotlineSimSweep: 1;
  sweep: string;
  scenario: string;
  fields: string[];
  points: number;
  replications: number;
  seed: number | string;
  columns: string[];
  shard: Shard | null;
}

export function sweepManifest(plan: SweepPlan, shard: Shard | null): SweepManifest {
  return {
    hotlineSimSweep: 1,
    sweep: plan.id,
    scenario: plan.scenarioName,
    fields: plan.axes.map((a) => a.field),
    points: plan.points.length,
    replications: plan.replications,
    seed: plan.seed,
    columns: plan.columns,
    shard,
  };
}

/** File stem: "sweep", or "sweep.shard-2-of-8" for one shard. */
export function sweepStem(shard: Shard | null): string {
  return shard ? `sweep.shard-${shard.k}-of-${shard.n}` : 'sweep';
}

export async function csvLines(rows: (string | number)[][]): Promise<string> {
  return rows.length ? (await writeToString(rows)) + '\n' : '';
}

export interface SweepOutput {
  csvPath: string;
  /** Points already in the file (a resume), in order. */
  done: number;
  append(text: string): void;
  close(): void;
}

/**
 * Opens the CSV for a sweep (or one shard): new, or — with resume — the rows of an interrupted run
 * of the same sweep kept and a half-written line cut. Refuses to touch another sweep's file, and
 * any existing file without resume or force.
 */
export async function openSweepOutput(dir: string, plan: SweepPlan, shard: Shard | null, mode: { resume: boolean; force: boolean }): Promise<SweepOutput> {
  const stem = sweepStem(shard);
  const csvPath = join(dir, `${stem}.csv`);
  const manifestName = `${stem}.json`;
  const manifest = sweepManifest(plan, shard);
  const header = UTF8_BOM + (await csvLines([plan.columns]));
  const mine = shardPoints(plan.points, shard);
  let done = 0;
  if (mode.resume && existsSync(csvPath)) {
    const old = existsSync(join(dir, manifestName)) ? (JSON.parse(readFileSync(join(dir, manifestName), 'utf8')) as SweepManifest) : null;
    if (!old || old.sweep !== manifest.sweep || JSON.stringify(old.shard) !== JSON.stringify(shard)) {
      throw new OutputExistsError(`${csvPath} belongs to another sweep (other scenario, fields, values or settings); use --force to start over`);
    }
    const text = readFileSync(csvPath, 'utf8');
    if (!text.startsWith(header)) throw new OutputExistsError(`${csvPath} does not start with this sweep's header; use --force to start over`);
    // Keep complete rows that are the expected points in order; cut from the first that is not.
    let end = header.length;
    while (done < mine.length) {
      const nl = text.indexOf('\n', end);
      if (nl < 0) break;
      const first = text.slice(end, nl).split(',')[0];
      if (first !== String(mine[done].index)) break;
      end = nl + 1;
      done++;
    }
    truncateSync(csvPath, Buffer.byteLength(text.slice(0, end), 'utf8'));
  } else {
    // A resume with no CSV yet (killed before the first row) starts afresh, like --force.
    prepareOutputFolder(dir, mode.force || mode.resume ? [] : [`${stem}.csv`, manifestName], mode.force || mode.resume);
    if (existsSync(csvPath)) unlinkSync(csvPath);
    writeFilesAtomically(dir, { [manifestName]: JSON.stringify(manifest, null, 2) + '\n' }, true);
    writeFilesAtomically(dir, { [`${stem}.csv`]: header }, true);
  }
  const fd = openSync(csvPath, 'a');
  return {
    csvPath,
    done,
    append(text: string) {
      writeSync(fd, text);
      // On disk before the next chunk starts: a kill loses at most the chunk being simulated.
      fsyncSync(fd);
    },
    close() {
      closeSync(fd);
    },
  };
}

/** A sweep CSV read back: columns, rows (numbers where the cell is a number), and the varied fields. */
export interface SweepTable {
  columns: string[];
  rows: Record<string, string | number | null>[];
  /** Columns between "point" and "agents_on_seat_mean": the varied fields. */
  fields: string[];
}

export async function readSweepCsv(file: string): Promise<SweepTable> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new OutputExistsError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  if (text.startsWith(UTF8_BOM)) text = text.slice(1);
  const records = await new Promise<string[][]>((ok, fail) => {
    const out: string[][] = [];
    parseString(text, { headers: false })
      .on('data', (r: string[]) => out.push(r))
      .on('error', fail)
      .on('end', () => ok(out));
  });
  const columns = records[0] ?? [];
  const a = columns.indexOf('point');
  const b = columns.indexOf('agents_on_seat_mean');
  if (a !== 0 || b < 2) throw new OutputExistsError(`${file} is not a hotline-sim sweep CSV (no point, field and agents_on_seat_mean columns)`);
  const rows = records.slice(1).map((r) =>
    Object.fromEntries(columns.map((c, i) => [c, r[i] === undefined || r[i] === '' ? null : Number.isFinite(Number(r[i])) ? Number(r[i]) : r[i]])),
  );
  return { columns, rows, fields: columns.slice(1, b) };
}

/**
 * Combines shard CSVs into the CSV the whole sweep gives: the same header, every point once, in
 * order. Checks that the shards come from one sweep and that none is missing or incomplete.
 */
export function mergeShards(files: string[]): { csv: string; manifest: SweepManifest } {
  if (files.length === 0) throw new OutputExistsError('give the shard CSV files to merge');
  const parts = files.map((f) => {
    const mf = f.replace(/\.csv$/, '.json');
    if (!existsSync(mf)) throw new OutputExistsError(`${f}: no manifest ${mf} beside it (written by hotline-sim sweep)`);
    const manifest = JSON.parse(readFileSync(mf, 'utf8')) as SweepManifest;
    return { file: f, manifest, text: readFileSync(f, 'utf8') };
  });
  const first = parts[0].manifest;
  const rows = new Map<number, string>();
  let header: string | null = null;
  for (const p of parts) {
    if (p.manifest.sweep !== first.sweep) throw new OutputExistsError(`${p.file} is from another sweep than ${parts[0].file}`);
    const nl = p.text.indexOf('\n');
    const h = p.text.slice(0, nl + 1);
    if (header !== null && h !== header) throw new OutputExistsError(`${p.file}: its header differs from ${parts[0].file}`);
    header = h;
    const lines = p.text.slice(nl + 1).split('\n');
    if (lines.pop() !== '') throw new OutputExistsError(`${p.file} ends in a half-written row: finish it with --resume`);
    for (const line of lines) {
      const i = Number(line.split(',')[0]);
      if (rows.has(i)) throw new OutputExistsError(`point ${i} is in more than one file (${p.file})`);
      rows.set(i, line);
    }
  }
  const missing: number[] = [];
  for (let i = 0; i < first.points; i++) if (!rows.has(i)) missing.push(i);
  if (missing.length) {
    throw new OutputExistsError(`${missing.length} of ${first.points} points are missing (first: point ${missing[0]}); run or resume the shard that has them`);
  }
  const body = Array.from({ length: first.points }, (_, i) => rows.get(i)! + '\n').join('');
  return { csv: header! + body, manifest: { ...first, shard: null } };
}
