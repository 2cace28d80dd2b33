// Writing result files: atomically (temp file + rename), never over existing results without force.
import { existsSync, mkdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** A problem with an output folder (exists as a file, cannot be created, would overwrite results). */
export class OutputExistsError extends Error {}

/**
 * Makes sure results can be written to `dir` before any work is done: the folder exists or can be
 * created, it is a folder, and (without force) none of `names` is there already.
 */
export function prepareOutputFolder(dir: string, names: string[], force: boolean): void {
  ensureFolder(dir);
  if (!force) {
    const existing = names.map((n) => join(dir, n)).filter((p) => existsSync(p));
    if (existing.length) {
      throw new OutputExistsError(`${existing[0]} already exists; use --force to overwrite (or another --out folder)`);
    }
  }
}

/** Writes every file or none of them over existing ones: checks all names first, then writes each via a temp file. */
export function writeFilesAtomically(dir: string, files: Record<string, string | Uint8Array>, force: boolean): string[] {
  prepareOutputFolder(dir, Object.keys(files), force);
  const paths: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const target = join(dir, name);
    const temp = `${target}.tmp-${process.pid}`;
    try {
      writeFileSync(temp, content);
      renameSync(temp, target);
    } catch (e) {
      try {
        unlinkSync(temp);
      } catch {
        // nothing was written
      }
      throw new OutputExistsError(`cannot write ${target}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    paths.push(target);
  }
  return paths;
}

/**
 * Creates the folder one level at a time. (Node's recursive mkdir never returns on some
 * paths, e.g. under /proc, so it is not used.)
 */
function ensureFolder(dir: string): void {
  const full = resolve(dir);
  if (existsSync(full)) {
    if (!statSync(full).isDirectory()) throw new OutputExistsError(`${dir} is a file, not a folder: give a folder to --out`);
    return;
  }
  ensureFolder(dirname(full));
  try {
    mkdirSync(full);
  } catch (e) {
    throw new OutputExistsError(`cannot create the folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
