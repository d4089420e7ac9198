import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { repoRoot } from './paths.js';

let validate: ValidateFunction | undefined;

/**
 * The published schema (schemas/impact-report.schema.json) as it is, closed everywhere: what
 * this version writes, nothing more. Readers apply it open outside the gate (see
 * `openForReaders`); a test holds a report to the whole contract.
 */
function impactReportValidator(): ValidateFunction {
  if (validate === undefined) {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'impact-report.schema.json'), 'utf8')) as object;
    validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);
  }
  return validate;
}

/** The schema errors of an impact report, one line each (`path keyword: message params`), so a failure shows them all. */
export function impactReportErrors(report: unknown): string[] {
  const check = impactReportValidator();
  if (check(report)) return [];
  return (check.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.keyword}: ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

/** Asserts that an impact report (an object, or the JSON text of one) meets schemas/impact-report.schema.json. */
export function expectValidImpactReport(report: unknown): void {
  expect(impactReportErrors(typeof report === 'string' ? JSON.parse(report) : report)).toEqual([]);
}

/** Like `expectValidImpactReport`, but throws a plain Error: for hooks that run inside the code under test. */
export function assertValidImpactReport(report: unknown, where: string): void {
  const errors = impactReportErrors(report);
  if (errors.length > 0)
    throw new Error(`${where} produced an impact report that does not meet its schema:\n${errors.join('\n')}`);
}
