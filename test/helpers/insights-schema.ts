import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { repoRoot } from './paths.js';

let validate: ValidateFunction | undefined;

/** Asserts that an insights report meets schemas/insights-report.schema.json (closed everywhere). */
export function expectValidInsightsReport(report: unknown): void {
  if (validate === undefined) {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'insights-report.schema.json'), 'utf8')) as object;
    validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);
  }
  const errors = validate(report)
    ? []
    : (validate.errors ?? []).map(
        (e: ErrorObject) => `${e.instancePath || '/'} ${e.keyword}: ${e.message ?? ''} ${JSON.stringify(e.params)}`,
      );
  expect(errors).toEqual([]);
}
