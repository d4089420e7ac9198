import type { ErrorObject } from 'ajv';
import { UsageError } from '../errors.js';
import type { ImpactReport } from '../report/impact.js';
import { impactReportFirstErrorValidator, impactReportValidator } from './report-validator.js';

/** Errors listed before "and N more": enough to fix a file, few enough to read. */
const maxListed = 10;

/** A report text past this size is checked up to its first error only (see `impactReportFirstErrorValidator`). */
export const maxAllErrorsBytes = 1024 * 1024;

const fix =
  'Pass the JSON that `revops impact --format json` wrote, unchanged, from the same version (schemas/impact-report.schema.json describes it).';

/**
 * Parses an impact report (`revops impact --format json`) and validates it against its
 * schema as readers apply it (see `openForReaders`). The text may come from an untrusted
 * run: anything else is a UsageError naming each JSON path, what it holds and what is expected.
 */
export function parseImpactReport(text: string, source: string): ImpactReport {
  return validateImpactReport(parseJsonText(text, source), source, text.length);
}

/** JSON text read as a report; text that is not JSON is a UsageError naming `source`. */
export function parseJsonText(text: string, source: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/** Validates a value read as an impact report; see `parseImpactReport`. */
export function validateImpactReport(value: unknown, source: string, textLength = 0): ImpactReport {
  const isComplete = textLength <= maxAllErrorsBytes;
  const validate = isComplete ? impactReportValidator() : impactReportFirstErrorValidator();
  if (validate(value)) return value as ImpactReport;
  const what = isImpactShaped(value) ? 'is not a valid impact report' : 'is not an impact report';
  throw new UsageError(`${source} ${what}:\n${listSchemaErrors(validate.errors, isComplete)}\n${fix}`);
}

/**
 * The errors of a report that failed its schema, one line each (JSON path, what it holds, what
 * is expected), the first few and "and N more", indented for a usage error.
 */
export function listSchemaErrors(errors: readonly ErrorObject[] | null | undefined, isComplete = true): string {
  const lines = [...new Set((errors ?? []).map(describeError).filter((l): l is string => l !== undefined))];
  const listed = lines.slice(0, maxListed).map((l) => `  ${l}`);
  if (lines.length > maxListed) listed.push(`  and ${lines.length - maxListed} more`);
  if (!isComplete)
    listed.push(
      `  (a report over ${maxAllErrorsBytes / 1024 / 1024} MiB is checked up to its first problem: there may be more)`,
    );
  return listed.join('\n');
}

function isImpactShaped(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'impact';
}

/** One line per error: the JSON path, what it holds, what is expected (the schema's description). */
function describeError(error: ErrorObject): string | undefined {
  const schema = (error.parentSchema ?? {}) as { description?: unknown; properties?: Record<string, unknown> };
  const path = error.instancePath;
  // The root's description is the whole schema's: too long to repeat.
  const expected = typeof schema.description === 'string' && path !== '' ? ` Expected: ${schema.description}` : '';
  switch (error.keyword) {
    case 'if':
    case 'not':
      // `not` only guards property names here; the propertyNames error says which.
      return undefined;
    case 'required': {
      const name = (error.params as { missingProperty: string }).missingProperty;
      const child = (schema.properties?.[name] ?? {}) as { description?: unknown };
      const about = typeof child.description === 'string' ? ` Expected: ${child.description}` : '';
      return `${showPath(`${path}/${name}`)} is missing.${about}`;
    }
    case 'additionalProperties': {
      const name = (error.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(schema.properties ?? {}).join(', ');
      return `${showPath(path)} has an unknown key ${quote(name)}: ${showPath(path)} decides a merge, so nothing unknown is read there. Known keys: ${known}.`;
    }
    case 'propertyNames': {
      const name = (error.params as { propertyName: string }).propertyName;
      return `${showPath(path)} has the key ${quote(name)}, which could reach an object prototype; no report has it.`;
    }
    case 'type':
      return `${showPath(path)} must be ${typeWords((error.params as { type: string | string[] }).type)}, not ${describeValue(error.data)}.${expected}`;
    case 'const':
      return `${showPath(path)} must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}, not ${describeValue(error.data)}.${expected}`;
    case 'enum':
      return `${showPath(path)} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}, not ${describeValue(error.data)}.${expected}`;
    case 'pattern':
      return `${showPath(path)} is ${describeValue(error.data)}, which is not of the expected form.${expected}`;
    default:
      return `${showPath(path)} is ${describeValue(error.data)}, which ${error.message ?? 'is not valid'}.${expected}`;
  }
}

/** A JSON pointer as a reader writes it: `guardrails[0].approvers.users[1]`; the root is `the report`. */
function showPath(pointer: string): string {
  if (pointer === '') return 'the report';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^(0|[1-9][0-9]*)$/.test(key)) out += `[${key}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${quote(key)}]`;
  }
  return out;
}

function typeWords(type: string | string[]): string {
  const words: Record<string, string> = {
    object: 'an object',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'true or false',
    null: 'null',
  };
  return (Array.isArray(type) ? type : [type]).map((t) => words[t] ?? t).join(' or ');
}

/**
 * Untrusted text in quotes, with every control, bidi and invisible character escaped (JSON
 * escapes only some), so a message can go to a terminal, a CI log or a status as it is.
 */
function quote(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g, (c) => {
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${quote(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  return `the ${typeof value} ${String(value)}`;
}
