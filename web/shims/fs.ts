// The page's stand-in for node:fs (the web build aliases node:fs to this file). The engine's
// scenario loader and study functions still read scenario files by path (engine/scenario/load.ts,
// engine/experiment/scenarioCosting.ts); in the page those "files" are YAML texts the page holds
// in memory, so the same functions as the CLI compute the same figures. Goes when the loader
// takes text (issue #15).
const files = new Map<string, string>();

export function putVirtualFile(path: string, text: string): void {
  files.set(path, text);
}

function missing(path: string): Error {
  const e = new Error(`ENOENT: no such file in the page: ${path}`) as Error & { code: string };
  e.code = 'ENOENT';
  return e;
}

export function readFileSync(path: string): string {
  const t = files.get(String(path));
  if (t === undefined) throw missing(String(path));
  return t;
}

export function existsSync(path: string): boolean {
  return files.has(String(path));
}

export function statSync(path: string) {
  const t = files.get(String(path));
  if (t === undefined) throw missing(String(path));
  return { size: new TextEncoder().encode(t).length, isFile: () => true, isDirectory: () => false, mtimeMs: 0 };
}

export function realpathSync(path: string): string {
  return String(path);
}

function unavailable(name: string) {
  return () => {
    throw new Error(`${name} is not available in the browser`);
  };
}
export const writeFileSync = unavailable('writeFileSync');
export const mkdirSync = unavailable('mkdirSync');
export const readdirSync = unavailable('readdirSync');
export const renameSync = unavailable('renameSync');
export const rmSync = unavailable('rmSync');
export const unlinkSync = unavailable('unlinkSync');
export const accessSync = unavailable('accessSync');
export const openSync = unavailable('openSync');
export const closeSync = unavailable('closeSync');
export const writeSync = unavailable('writeSync');
export const fsyncSync = unavailable('fsyncSync');
export const truncateSync = unavailable('truncateSync');
export const constants = {};
export default { readFileSync, existsSync, statSync, realpathSync };
