// The Node edge of the scenario layer: reading a scenario file and the CSVs it references from
// disk (sizes checked first, referenced files kept inside the scenario's folder tree). Parsing,
// validation and resolution are engine/scenario/parse.ts, which runs in a browser too.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve as resolvePath, sep } from 'node:path';
import { ScenarioError } from './errors.ts';
import { FileProblem, fileTooLarge, type ScenarioFileReader } from './files.ts';
import { LIMITS } from '../limits.ts';
import { parseScenario, type ScenarioOverrides } from './parse.ts';
import type { Scenario } from './resolve.ts';

export function loadScenario(file: string, overrides: ScenarioOverrides = {}): Scenario {
  return parseScenario(readScenarioFile(file), file, overrides, nodeFileReader(file, overrides.allowFilesOutside));
}

/** A scenario file's text, its size checked first (the one place a scenario file is read). */
export function readScenarioFile(file: string): string {
  if (file.trim() === '') throw new ScenarioError(undefined, ['scenario'], 'the scenario path is empty: give a scenario file (YAML)');
  try {
    const size = statSync(file).size;
    if (size > LIMITS.fileBytes) {
      throw new ScenarioError(file, [], `the file is ${(size / 1048576).toFixed(0)} MB; the limit for a scenario is ${LIMITS.fileBytes / 1048576} MB`);
    }
    return readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ScenarioError(file, [], code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? String(e)})`);
  }
}

/**
 * Reads the files a scenario references, relative to the scenario file's folder (the working
 * folder for a scenario without a file), refusing paths outside that folder tree unless allowed
 * (see SECURITY.md).
 */
export function nodeFileReader(scenarioFile: string | undefined, allowFilesOutside = false): ScenarioFileReader {
  const base = scenarioFile ? dirname(resolvePath(scenarioFile)) : process.cwd();
  return (name) => {
    const path = resolvePath(base, name);
    if (!allowFilesOutside && !inside(base, path)) {
      throw new FileProblem(`${name} is outside the scenario's folder; scenario files may read only files in their own folder tree (see SECURITY.md for the option that allows it)`);
    }
    try {
      const size = statSync(path).size;
      if (size > LIMITS.fileBytes) throw new FileProblem(fileTooLarge(name, size));
      return readFileSync(path);
    } catch (e) {
      if (e instanceof FileProblem) throw e;
      throw new FileProblem(`cannot read ${name} (looked for ${path})`);
    }
  };
}

/** Whether `target` lies in the folder tree of `base`, symbolic links followed. */
function inside(base: string, target: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return p;
    }
  };
  const rel = relative(real(base), real(target));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
