import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { UsageError } from '../errors.js';
import { listSchemaErrors, validateImpactReport } from '../impact/read-report.js';
import { openForReaders } from '../impact/report-validator.js';
import { reportSchema } from '../schemas/report.js';
import type { ImpactReport } from './impact.js';
import type { Report } from './index.js';

/** A report read back from its JSON: an evaluation (`evaluate --format json`) or an impact (`impact --format json`). */
export type ReadReport = { kind: 'evaluation'; report: Report } | { kind: 'impact'; report: ImpactReport };

let compiled: ValidateFunction | undefined;

/** The evaluation report's schema as readers apply it (see `openForReaders`), compiled on first use. */
function reportValidator(): ValidateFunction {
  compiled ??= new Ajv2020({
    strict: true,
    allowUnionTypes: true,
    allErrors: true,
    ownProperties: true,
    verbose: true,
  }).compile(openForReaders(reportSchema));
  return compiled;
}

/**
 * Parses a report's JSON and holds it to its schema (by its `kind`), so a renderer only ever
 * sees a report of the shape it was written for. The text may come from anywhere: anything
 * else is a UsageError naming each JSON path that is wrong.
 */
export function parseReport(text: string, source: string): ReadReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  const kind = typeof value === 'object' && value !== null ? (value as { kind?: unknown }).kind : undefined;
  if (kind === 'impact') return { kind, report: validateImpactReport(value, source) };
  if (kind !== 'evaluation')
    throw new UsageError(
      `${source} is not a report of revops: its "kind" is not "evaluation" or "impact". Pass the JSON that \`revops evaluate --format json\` or \`revops impact --format json\` wrote.`,
    );
  const validate = reportValidator();
  if (validate(value)) return { kind, report: value as Report };
  throw new UsageError(
    `${source} is not a valid evaluation report:\n${listSchemaErrors(validate.errors)}\nPass the JSON that \`revops evaluate --format json\` wrote, unchanged, from the same version (schemas/report.schema.json describes it).`,
  );
}
