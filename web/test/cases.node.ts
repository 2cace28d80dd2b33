// 'virtual:cases' outside the web build (vitest, the bench): the shipped scenarios read from disk.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

export interface ShippedCase {
  id: string;
  text: string;
}
export const CASES: ShippedCase[] = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((f) => ({ id: f.replace(/\.yaml$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
