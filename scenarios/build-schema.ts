// Regenerates scenarios/schema.json from the zod schema (npm run schema). A test checks it is current.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../engine/index.ts';

export function schemaText(): string {
  const schema = scenarioJsonSchema() as Record<string, unknown>;
  return JSON.stringify({ ...schema, $id: 'https://hotline-sim/scenario.schema.json', title: 'hotline-sim scenario' }, null, 2) + '\n';
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  writeFileSync(new URL('./schema.json', import.meta.url), schemaText());
  console.log('wrote scenarios/schema.json');
}
