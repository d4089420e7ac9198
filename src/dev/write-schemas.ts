/** Writes the published JSON Schemas into `schemas/` from their definitions in src/core/schemas. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publishedSchemas, schemaFileName } from '../core/schemas/index.js';

const outDir = fileURLToPath(new URL('../../schemas/', import.meta.url));
for (const schema of publishedSchemas) {
  const file = join(outDir, schemaFileName(schema));
  writeFileSync(file, JSON.stringify(schema, null, 2) + '\n');
  process.stdout.write(`wrote ${file}\n`);
}
