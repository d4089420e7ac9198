import type { ErrorObject, ValidateFunction } from 'ajv';
import { isScalar } from 'yaml';
import { schemaIssueCode } from '../issue-codes.js';
import type { Issue, PolicyIssueCode } from '../issue.js';
import { formatPath } from '../issue.js';
import { logicObjectMarker } from '../schemas/shared.js';
import type { PolicyKind } from '../schemas/index.js';
import { suggestUnitFix } from './checks/unit-hint.js';
import { didYouMean } from './did-you-mean.js';
import { findNode, locatePath, splitPointer } from './locate.js';
import type { ParsedFile } from './parse.js';
import { validatorFor } from './validators.js';

const operatorHints: Record<string, string> = {
  log: '`log` is not allowed: it would print evaluated lead data into CI logs.',
  method: '`method` is not allowed: it calls arbitrary methods on values.',
};

/** Validates a parsed file against its kind's schema; ajv errors become located, readable issues. */
export function checkSchema(parsed: ParsedFile, kind: PolicyKind, issues: Issue[]): boolean {
  return checkSchemaWith(parsed, validatorFor(kind), issues, kind);
}

/** As `checkSchema`, with any validator (e.g. the project config's). */
export function checkSchemaWith(
  parsed: ParsedFile,
  validate: ValidateFunction,
  issues: Issue[],
  kind?: PolicyKind,
): boolean {
  if (validate(parsed.data)) return true;
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const issue = translate(parsed, error, kind);
    if (issue === undefined) continue;
    const key = `${issue.path}|${issue.code}|${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return false;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `the string ${JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value)}`;
  return `the ${typeof value} ${String(value)}`;
}

function translate(parsed: ParsedFile, error: ErrorObject, kind?: PolicyKind): Issue | undefined {
  const segments = splitPointer(error.instancePath);
  const schema = (error.parentSchema ?? {}) as Record<string, unknown>;
  const schemaPath = error.schemaPath;
  const field = fieldName(segments);
  let path = segments;
  let at: 'value' | 'key' = 'value';
  let code: PolicyIssueCode = schemaIssueCode(error.keyword);
  let message: string;
  let hint: string | undefined;

  switch (error.keyword) {
    case 'if':
      return undefined;
    case 'additionalProperties': {
      const name = String((error.params as { additionalProperty: string }).additionalProperty);
      const allowed = Object.keys((schema.properties ?? {}) as object);
      path = [...segments, name];
      at = 'key';
      code = 'schema.unknown-property';
      message = `Unknown property \`${name}\`${segments.length > 0 ? ` in ${field}` : ''}.`;
      hint = `${didYouMean(name, allowed).trim()} Allowed here: ${allowed.join(', ')}.`.trim();
      break;
    }
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      code = 'schema.missing-property';
      at = 'key';
      message = `Missing required property \`${missing}\`${segments.length > 0 ? ` in ${field}` : ''}.`;
      const description = (schema.properties as Record<string, { description?: string }> | undefined)?.[missing]
        ?.description;
      hint = description !== undefined ? `Add \`${missing}\`: ${description}` : `Add \`${missing}\`.`;
      break;
    }
    case 'propertyNames':
      return undefined;
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      const propertyName = (error as { propertyName?: string }).propertyName;
      if (propertyName !== undefined && schemaPath.includes('logic-operator')) {
        path = [...segments, propertyName];
        at = 'key';
        code = 'logic.unknown-operator';
        message = `Unknown JSON Logic operator \`${propertyName}\`.`;
        hint =
          operatorHints[propertyName] ??
          `${didYouMean(propertyName, allowed).trim()} Allowed operators: ${allowed.join(' ')}`.trim();
        break;
      }
      message = `${field} is ${describeValue(error.data)}; expected one of: ${allowed.join(', ')}.`;
      hint = didYouMean(String(error.data), allowed).trim() || undefined;
      break;
    }
    case 'maxProperties':
      if (schema.$comment === logicObjectMarker) {
        const ops = Object.keys((error.data ?? {}) as object);
        code = 'logic.one-operator';
        message = `A JSON Logic object holds exactly one operator; this one has ${ops.length}: ${ops.map((o) => `\`${o}\``).join(', ')}.`;
        hint = 'Combine conditions with `and` / `or`, e.g. `{and: [{...}, {...}]}`.';
        break;
      }
      message = `${field} has too many entries (at most ${String((error.params as { limit: number }).limit)}).`;
      break;
    case 'not':
      if (schemaPath.includes('logic-path')) {
        code = 'logic.forbidden-path';
        message = `Field path ${JSON.stringify(error.data)} reaches an object prototype.`;
        hint = '`__proto__`, `constructor` and `prototype` may not appear in a `var` path.';
        break;
      }
      message = `${field} has a value that is not allowed.`;
      break;
    case 'type': {
      const expected = (error.params as { type: string | string[] }).type;
      const expectedText = Array.isArray(expected) ? expected.join(' or ') : expected;
      if (schemaPath.includes('logic-too-deep')) {
        code = 'logic.too-deep';
        message = 'JSON Logic rule is nested too deeply.';
        hint = 'Split the rule, or combine conditions at one level with `and` / `or`.';
        break;
      }
      message = `${field} must be ${withArticle(expectedText)}, but it is ${describeValue(error.data)}.`;
      hint = retypeHint(parsed, segments, expectedText, schema);
      break;
    }
    case 'pattern':
    case 'minLength':
    case 'maxLength': {
      message = `${field} is ${describeValue(error.data)}, which is not valid here.`;
      hint = typeof schema.description === 'string' ? `Expected: ${schema.description}` : (error.message ?? undefined);
      break;
    }
    case 'const':
      message = `${field} must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}.`;
      break;
    default:
      message = `${field} ${error.message ?? 'is invalid'}.`;
      if (typeof schema.description === 'string') hint = schema.description;
      // A percent in a ratio field (`weight: 80`): say which value was meant.
      if (error.keyword === 'maximum' && kind !== undefined) hint = suggestUnitFix(kind, parsed.data, segments) ?? hint;
  }
  const position = locatePath(parsed.doc, parsed.lineCounter, path, at);
  const issue: Issue = { code, severity: 'error', message, file: parsed.file, path: formatPath(path), ...position };
  if (hint !== undefined && hint !== '') issue.hint = hint;
  return issue;
}

/** How a message names the value at a path: its key, with list indexes (`workingHours[0]`, not `0`). */
function fieldName(segments: readonly (string | number)[]): string {
  let i = segments.length;
  while (i > 0 && typeof segments[i - 1] === 'number') i--;
  if (segments.length === 0) return 'the document';
  const indexes = segments
    .slice(i)
    .map((n) => `[${String(n)}]`)
    .join('');
  return `\`${i > 0 ? String(segments[i - 1]) : ''}${indexes}\``;
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** When YAML turned what the user meant as text into a number or boolean, say how to keep it. */
function retypeHint(
  parsed: ParsedFile,
  segments: (string | number)[],
  expected: string,
  schema: Record<string, unknown>,
): string | undefined {
  if (!expected.includes('string')) return undefined;
  const node = findNode(parsed.doc, segments);
  if (!isScalar(node) || node.range === undefined || node.range === null) return undefined;
  const source = parsed.text.slice(node.range[0], node.range[1]);
  if (source === '' || /^["']/.test(source)) return undefined;
  // Quoting only helps when the text itself is valid, e.g. not for `within: 4` (a duration needs a unit).
  if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(source)) {
    return typeof schema.description === 'string' ? `Expected: ${schema.description}` : undefined;
  }
  if (typeof node.value === 'number') {
    return `Quote it: \`'${source}'\`. Unquoted, YAML reads ${source} as a number and may change it (leading zeros, trailing zeros and long ids are lost).`;
  }
  if (typeof node.value === 'boolean') return `Quote it: \`'${source}'\`. Unquoted, YAML reads ${source} as a boolean.`;
  return undefined;
}
