import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { UsageError } from '../errors.js';
import { listSchemaErrors, maxAllErrorsBytes, parseJsonText, validateImpactReport } from '../impact/read-report.js';
import { openForReaders } from '../impact/report-validator.js';
import { reportSchema } from '../schemas/report.js';
import type { ImpactReport } from './impact.js';
import type { Report } from './index.js';

/** A report read back from its JSON: an evaluation (`evaluate --format json`) or an impact (`impact --format json`). */
export type ReadReport = { kind: 'evaluation'; report: Report } | { kind: 'impact'; report: ImpactReport };

/**
 * The most entries of any list in a report read back. Reports of revops stay far below it (data
 * issues are capped per file); a crafted one past it would cost the renderers' tables and lines
 * more than its size says.
 */
export const maxListEntries = 20_000;

const validators = new Map<boolean, ValidateFunction>();

/**
 * The evaluation report's schema as readers apply it (see `openForReaders`), compiled on first
 * use; with `allErrors` false it stops at the first error (for a large text: see `maxAllErrorsBytes`).
 */
function reportValidator(allErrors: boolean): ValidateFunction {
  let validate = validators.get(allErrors);
  if (validate === undefined) {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors, ownProperties: true, verbose: true });
    validate = ajv.compile(openForReaders(reportSchema));
    validators.set(allErrors, validate);
  }
  return validate;
}

/** The JSON path of the first list longer than `max`, breadth first; undefined when there is none. */
export function findLongList(value: unknown, max: number): string | undefined {
  const queue: { node: unknown; path: string }[] = [{ node: value, path: '' }];
  for (let i = 0; i < queue.length; i++) {
    const { node, path } = queue[i]!;
    if (Array.isArray(node)) {
      if (node.length > max) return path === '' ? 'the report' : path;
      node.forEach((item, index) => queue.push({ node: item, path: `${path}[${index}]` }));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node))
        queue.push({ node: item, path: path === '' ? key : `${path}.${key}` });
    }
  }
  return undefined;
}

/**
 * Parses a report's JSON and holds it to its schema (by its `kind`), so a renderer only ever
 * sees a report of the shape it was written for, with no list longer than `maxListEntries`.
 * The text may come from anywhere: anything else is a UsageError naming the JSON path that is wrong.
 */
export function parseReport(text: string, source: string): ReadReport {
  const value = parseJsonText(text, source);
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  const long = findLongList(value, maxListEntries);
  if (long !== undefined)
    throw new UsageError(
      `${source} is not a report of revops: ${long} holds more than ${maxListEntries.toLocaleString('en-US')} entries, more than any report has.`,
    );
  if (kind === 'impact') return { kind, report: validateImpactReport(value, source, text.length) };
  if (kind !== 'evaluation')
    throw new UsageError(
      `${source} is not a report of revops: its "kind" is not "evaluation" or "impact". Pass the JSON that \`revops evaluate --format json\` or \`revops impact --format json\` wrote.`,
    );
  const isComplete = text.length <= maxAllErrorsBytes;
  const validate = reportValidator(isComplete);
  if (validate(value)) return { kind, report: value as Report };
  throw new UsageError(
    `${source} is not a valid evaluation report:\n${listSchemaErrors(validate.errors, isComplete)}\nPass the JSON that \`revops evaluate --format json\` wrote, unchanged, from the same version (schemas/report.schema.json describes it).`,
  );
}
