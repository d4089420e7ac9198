import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Options, ValidateFunction } from 'ajv';
import { impactReportSchema } from '../schemas/impact-report.js';
import type { JsonSchema } from '../schemas/index.js';
import { closedForReadersMarker } from '../schemas/typed-object.js';

/** Keys that would reach an object's prototype if a reader ever copied the object with assignment. */
export const prototypeKeys = ['__proto__', 'constructor', 'prototype'] as const;

/**
 * The impact report schema as readers apply it. The published schema is closed everywhere:
 * it is exactly what this version writes, and tests hold every report to it. A reader keeps
 * closed only what gates a merge (objects marked closed for readers: `head`, each guardrail,
 * its approvers and threshold), where a key it does not know could change what the gate
 * means; elsewhere it ignores keys a newer version adds, so adding a figure does not break
 * older readers. A prototype-like key is refused everywhere.
 */
export function openForReaders(schema: JsonSchema): JsonSchema {
  const open = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(open);
    if (node === null || typeof node !== 'object') return node;
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node)) out[key] = key === 'enum' || key === 'const' ? value : open(value);
    if (out.additionalProperties === false && out.$comment !== closedForReadersMarker) {
      delete out.additionalProperties;
      out.propertyNames = { not: { enum: [...prototypeKeys] } };
    }
    return out;
  };
  return open(schema) as JsonSchema;
}

/** As for policies: strict schema, own properties only, every error at once (the patterns are linear and bounded). */
const ajvOptions: Options = {
  strict: true,
  allowUnionTypes: true,
  allErrors: true,
  ownProperties: true,
  verbose: true,
  $data: false,
};

/**
 * An ajv holding the readers' impact report schema under the key `impact-report`; with `code` it
 * can be written out; with `allErrors` false it stops at the first error.
 */
export function createImpactReportAjv(code?: Options['code'], allErrors = true): Ajv2020 {
  const ajv = new Ajv2020({ ...ajvOptions, allErrors, ...(code === undefined ? {} : { code }) });
  ajv.addSchema(openForReaders(impactReportSchema), 'impact-report');
  return ajv;
}

/** Written at build time next to this file (`src/dev/write-validators.ts`); compiled on first use otherwise. */
const written = (await import('./report-validator-standalone.js' as string).catch(() => undefined)) as
  { impactReport?: ValidateFunction } | undefined;

let compiled: ValidateFunction | undefined;

/** The validator of an impact report as readers apply it. */
export function impactReportValidator(): ValidateFunction {
  compiled ??= written?.impactReport ?? (createImpactReportAjv().getSchema('impact-report') as ValidateFunction);
  return compiled;
}

let firstError: ValidateFunction | undefined;

/**
 * The same validator stopping at the first error, for a large text: every error of a crafted
 * file costs memory (a 14 MB list of wrong values made millions), so only small ones list all.
 * Compiled on first use (rarely: an impact report is small).
 */
export function impactReportFirstErrorValidator(): ValidateFunction {
  firstError ??= createImpactReportAjv(undefined, false).getSchema('impact-report') as ValidateFunction;
  return firstError;
}
