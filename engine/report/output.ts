// Writing result files: atomically (temp file + rename), never over existing results without force.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class OutputExistsError extends Error {}

/** Writes every file or none of them over existing ones: checks all names first, then writes each via a temp file. */
export function writeFilesAtomically(dir: string, files: Record<string, string | Uint8Array>, force: boolean): string[] {
  const paths = Object.keys(files).map((name) => join(dir, name));
  if (!force) {
    const existing = paths.filter((p) => existsSync(p));
    if (existing.length) {
      throw new OutputExistsError(`${existing[0]} already exists; use --force to overwrite (or another --out folder)`);
    }
  }
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const target = join(dir, name);
    const temp = `${target}.tmp-${process.pid}`;
    writeFileSync(temp, content);
    renameSync(temp, target);
  }
  return paths;
}
