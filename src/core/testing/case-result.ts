import { DateTime } from 'luxon';
import { Decimal } from 'decimal.js';
import type { Row } from '../data/types.js';
import { canonicalModel } from '../model/canonical.js';
import type { EntityName, FieldType } from '../model/canonical.js';

type Path = (string | number)[];

/** One expectation that did not hold. */
export interface TestDiff {
  field: string;
  expected: unknown;
  actual: unknown;
}

/** The outcome of one test case; `actual` is what the policy under test made of it. */
export interface TestCaseResult<A = unknown> {
  file: string;
  suite: string;
  name: string;
  /** Data path of the case in its test file, to locate it. */
  path: Path;
  status: 'passed' | 'failed' | 'error';
  diffs: TestDiff[];
  error?: string;
  actual?: A;
}

/** A fresh result for case `index` of a test file, passed until an expectation fails. */
export function startCase<A>(
  test: { file: string; metadata: { name: string } },
  name: string,
  index: number,
): TestCaseResult<A> {
  return {
    file: test.file,
    suite: test.metadata.name,
    name,
    path: ['spec', 'cases', index],
    status: 'passed',
    diffs: [],
  };
}

/** Marks a case as errored with the message of what was thrown. */
export function failWithError(result: TestCaseResult, error: unknown): void {
  result.status = 'error';
  result.error = error instanceof Error ? error.message : String(error);
}

/** Compares an expected value (exact, or `{min, max}` for numbers) with the actual one; a miss becomes a diff. */
export function compareExpected(
  field: string,
  expected: unknown,
  actual: number | string | null | undefined,
  diffs: TestDiff[],
): void {
  if (expected === undefined) return;
  if (typeof expected === 'object' && expected !== null) {
    const { min, max } = expected as { min?: number; max?: number };
    const value = Number(actual);
    if (
      actual === null ||
      actual === undefined ||
      (min !== undefined && value < min - 1e-9) ||
      (max !== undefined && value > max + 1e-9)
    )
      diffs.push({ field, expected, actual });
    return;
  }
  const isEqual =
    typeof expected === 'number' ? actual !== null && Math.abs(Number(actual) - expected) <= 1e-6 : expected === actual;
  if (!isEqual) diffs.push({ field, expected, actual });
}

/** Compares money exactly as decimals (`"1500"` equals `"1500.00"`); a miss becomes a diff. */
export function compareMoney(
  field: string,
  expected: string | number | undefined,
  actual: string,
  diffs: TestDiff[],
): void {
  if (expected === undefined) return;
  if (!new Decimal(expected).equals(new Decimal(actual))) diffs.push({ field, expected: String(expected), actual });
}

/**
 * Builds a row from the fields a test case writes, the way the data readers would:
 * datetimes become epoch ms, canonical decimals normalised decimal strings, custom decimals
 * numbers (as a FieldMapping holds them), and the row has no prototype. A name neither
 * canonical nor in `custom` (the fields the FieldMappings declare for the entity) is left
 * out: `validate` refuses it before tests run.
 */
export function toRow(
  entity: EntityName,
  values: Readonly<Record<string, unknown>>,
  custom?: ReadonlyMap<string, { type: FieldType }>,
): Row {
  const row: Record<string, string | number | boolean | null> = Object.create(null) as Record<
    string,
    string | number | boolean | null
  >;
  for (const [field, value] of Object.entries(values)) {
    const canonicalType = canonicalModel[entity][field]?.type;
    const type = canonicalType ?? custom?.get(field)?.type;
    if (type === undefined) continue;
    if (type === 'datetime' && typeof value === 'string')
      row[field] = DateTime.fromISO(value, { setZone: true }).toMillis();
    else if (type === 'decimal' && (typeof value === 'string' || typeof value === 'number'))
      row[field] = canonicalType === undefined ? Number(value) : new Decimal(value).toFixed();
    else row[field] = value as string | number | boolean | null;
  }
  return row;
}

/** Epoch ms of an ISO datetime with its offset. */
export function toInstant(text: string): number {
  return DateTime.fromISO(text, { setZone: true }).toMillis();
}
