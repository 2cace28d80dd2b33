// Writing results. A command's --out folder is written whole: every file into a temporary folder
// beside the target, renamed into place at the end, so a run that is killed (even by kill -9),
// a full disk or a refused permission never leaves part of a result; a temporary folder left
// by a killed run is removed by the next run to the same target. Results are never replaced
// without force, and force replaces only a folder that hotline-sim wrote.
import { accessSync, constants, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/** A problem with an output folder (exists as a file, cannot be created, would overwrite results). */
export class OutputExistsError extends Error {}

/** The file that marks a folder as a hotline-sim result (and lists its files). */
export const RESULT_MARKER = '.hotline-sim-result.json';

const ERRNO_WORDS: Record<string, string> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is a file, not a folder',
  ENOENT: 'a part of the path does not exist',
  EIO: 'input/output error',
  EFBIG: 'a file is larger than allowed',
  ENAMETOOLONG: 'the name is too long',
};

/** "permission denied (EACCES)" */
export function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code) return String((e as Error)?.message ?? e);
  return ERRNO_WORDS[code] ? `${ERRNO_WORDS[code]} (${code})` : code;
}

/**
 * Checks, before any work, that a result folder can be written at `dir`: it does not exist (its
 * parent is created if need be and must be writable), or it is empty, or (with force) it holds an
 * earlier hotline-sim result. Also removes temporary folders left there by killed runs.
 */
export function prepareResultFolder(dir: string, force: boolean): void {
  const full = resolve(dir);
  const parent = dirname(full);
  checkNameLength(dir, basename(full), TEMP_NAME_EXTRA_BYTES);
  ensureFolder(parent, dir);
  try {
    accessSync(parent, constants.W_OK);
  } catch (e) {
    throw new OutputExistsError(`--out ${dir}: cannot write in ${parent}: ${errnoText(e)}`);
  }
  removeStaleTemps(full);
  if (!existsSync(full)) return;
  if (!statSync(full).isDirectory()) throw new OutputExistsError(`--out ${dir} is a file, not a folder: give a folder to --out`);
  const entries = readdirSync(full);
  if (entries.length === 0) return;
  if (!force) {
    const shown = entries.filter((n) => n !== RESULT_MARKER).sort()[0] ?? entries[0];
    throw new OutputExistsError(`--out ${dir} already holds ${join(dir, shown)}${entries.length > 1 ? ' and more' : ''}; use --force to replace that result, or another --out folder`);
  }
  if (!entries.includes(RESULT_MARKER)) {
    throw new OutputExistsError(`--out ${dir} holds files hotline-sim did not write (no ${RESULT_MARKER}); --force replaces only hotline-sim results: give a new or empty folder`);
  }
}

/**
 * The longest name of one file or folder: 255 bytes on the file systems of Linux, macOS and
 * Windows (NAME_MAX). A longer --out name is refused before any work, not at the first write.
 */
export const NAME_MAX_BYTES = 255;
/** What the temporary and old folders beside a result add to its name: `.` + `.tmp-PID-MILLISECONDS`. */
const TEMP_NAME_EXTRA_BYTES = '.'.length + '.tmp-'.length + 7 + '-'.length + 13; // a pid up to 4194304, Date.now() in 13 digits

function checkNameLength(dir: string, name: string, extra: number): void {
  const bytes = Buffer.byteLength(name, 'utf8');
  if (bytes + extra <= NAME_MAX_BYTES) return;
  const shown = dir.length > 60 ? `${dir.slice(0, 40)}…${dir.slice(-12)}` : dir;
  throw new OutputExistsError(
    `--out ${shown}: the folder name ${name.length > 24 ? `${name.slice(0, 12)}…` : name} is ${bytes} bytes long; give one of at most ${NAME_MAX_BYTES - extra} bytes` +
      (extra ? ` (file systems allow ${NAME_MAX_BYTES}, and the result is first written beside it under a longer temporary name)` : ` (file systems allow no more)`),
  );
}

/** rmSync that never throws: used while cleaning up after an error, which is the error to report. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { recursive: true, force: true });
  } catch {
    // the error being reported says what went wrong; a leftover temporary folder is removed by the next run
  }
}

/**
 * Writes `files` as the whole content of the folder `dir` (see the top of this file): all or
 * nothing. Returns the paths written.
 */
export function writeResultFolder(dir: string, files: Record<string, string | Uint8Array>, force: boolean): string[] {
  prepareResultFolder(dir, force);
  const full = resolve(dir);
  const temp = join(dirname(full), `.${basename(full)}.tmp-${process.pid}-${Date.now()}`);
  const old = join(dirname(full), `.${basename(full)}.old-${process.pid}-${Date.now()}`);
  // Interrupted between the files and the rename (the writes are synchronous, so the handler
  // runs after them): finish nothing half-way, remove the temporary folder, stop.
  const onSignal = (signal: NodeJS.Signals) => {
    removeQuietly(temp);
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, onSignal);
  try {
    mkdirSync(temp);
    const names = Object.keys(files).sort();
    for (const name of names) {
      const path = join(temp, name);
      if (dirname(path) !== temp) mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, files[name]);
    }
    writeFileSync(join(temp, RESULT_MARKER), JSON.stringify({ writtenBy: 'hotline-sim', files: names }, null, 2) + '\n');
    if (existsSync(full)) {
      renameSync(full, old);
      try {
        renameSync(temp, full);
      } catch (e) {
        renameSync(old, full); // put the earlier result back
        throw e;
      }
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(temp, full);
    }
    return names.map((n) => join(dir, n));
  } catch (e) {
    removeQuietly(temp);
    if (e instanceof OutputExistsError) throw e;
    throw new OutputExistsError(`--out ${dir}: cannot write the result: ${errnoText(e)}; nothing was written`);
  } finally {
    for (const s of signals) process.off(s, onSignal);
  }
}

/** Removes `.name.tmp-PID-*` and `.name.old-PID-*` beside `full` whose process is gone. */
function removeStaleTemps(full: string): void {
  const prefix = `.${basename(full)}.`;
  let siblings: string[];
  try {
    siblings = readdirSync(dirname(full));
  } catch {
    return;
  }
  for (const name of siblings) {
    const m = name.startsWith(prefix) ? /^(?:tmp|old)-(\d+)-\d+$/.exec(name.slice(prefix.length)) : null;
    if (!m || alive(Number(m[1]))) continue;
    rmSync(join(dirname(full), name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

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
function ensureFolder(dir: string, asGiven = dir): void {
  const full = resolve(dir);
  if (existsSync(full)) {
    if (!statSync(full).isDirectory()) throw new OutputExistsError(`--out ${asGiven}: ${dir} is a file, not a folder`);
    return;
  }
  ensureFolder(dirname(full), asGiven);
  checkNameLength(asGiven, basename(full), 0);
  makeFolder(full, asGiven);
}

/**
 * Creates one folder. Another process may have made it since we looked (shards of one sweep
 * started at the same moment): a folder there is what was wanted, so that is no error.
 */
export function makeFolder(full: string, asGiven = full): void {
  try {
    mkdirSync(full);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST' && isFolder(full)) return;
    throw new OutputExistsError(`--out ${asGiven}: cannot create the folder ${full}: ${errnoText(e)}`);
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
