// The files a scenario references (`file:` of an empirical distribution), as the core sees them:
// a reader from the name as written to its bytes. The Node layer reads them from disk beside the
// scenario file (engine/scenario/load.ts nodeFileReader); a browser passes the files it has.
import { LIMITS } from '../limits.ts';

/** A referenced file's bytes, by its name as written in the scenario; throws FileProblem when it cannot. */
export type ScenarioFileReader = (name: string) => Uint8Array;

/** Why a referenced file cannot be read, said for the user (the field is added by the caller). */
export class FileProblem extends Error {}

/** The problem of a referenced file past the size limit. */
export function fileTooLarge(name: string, bytes: number): string {
  return `${name} is ${(bytes / 1048576).toFixed(0)} MB; the limit is ${LIMITS.fileBytes / 1048576} MB`;
}

/** A reader over files given by name (text or bytes): what a browser has after the user picks them. */
export function filesFromMap(files: Readonly<Record<string, string | Uint8Array>>): ScenarioFileReader {
  return (name) => {
    const f = Object.prototype.hasOwnProperty.call(files, name) ? files[name] : undefined;
    if (f === undefined) throw new FileProblem(`${name} was not given with the scenario`);
    return typeof f === 'string' ? new TextEncoder().encode(f) : f;
  };
}
