import type { FieldType } from '../../model/canonical.js';
import { LogicCompileError, RuleEvaluationError } from '../errors.js';
import { markSafe } from '../safety.js';
import type { CompileOptions, Evaluate, FieldRead, LogicPath, OperatorDefinition, OperatorInput } from '../types.js';
import {
  isLogicObject,
  isWholeDataPath,
  lengthOf,
  numberFromText,
  readPath,
  refuseDataAsLogic,
  splitPath,
} from '../values.js';
import { eager, evaluateAll } from './eager.js';

const hasOwn = Object.prototype.hasOwnProperty;
const getPrototypeOf = Object.getPrototypeOf;
const numericTypes: ReadonlySet<FieldType> = new Set(['decimal', 'integer', 'number']);

type FieldTypes = Readonly<Record<string, FieldType>> | undefined;

/** A numeric field of the row (not of an element), whose numeric strings read as numbers. */
export function isNumericField(types: FieldTypes, path: unknown): boolean {
  return (
    types !== undefined &&
    typeof path === 'string' &&
    hasOwn.call(types, path) &&
    numericTypes.has(types[path] as FieldType)
  );
}

/** json-logic-js `var`, reading own properties only; a forbidden segment in a computed path fails the row. */
function readVar(data: unknown, path: unknown, fallback: unknown, types: FieldTypes, at: LogicPath): unknown {
  const notFound = fallback === undefined ? null : fallback;
  if (isWholeDataPath(path)) return data;
  const segments = splitPath(path);
  if (segments === undefined)
    throw new RuleEvaluationError(
      'forbidden-path',
      `\`var\` path ${JSON.stringify(String(path))} reaches an object prototype`,
      at,
    );
  const value = readPath(data, segments, undefined);
  if (value === undefined) return notFound;
  return isNumericField(types, path) ? numberFromText(value) : value;
}

/** A literal path (not a rule computing one) that reaches a prototype is refused at compile time. */
function refuseForbiddenLiteral(path: unknown, at: LogicPath): void {
  const isLiteral = path === null || typeof path !== 'object' || Array.isArray(path);
  if (isLiteral && !isWholeDataPath(path) && splitPath(path) === undefined) {
    throw new LogicCompileError(
      'forbidden-path',
      `\`var\` path ${JSON.stringify(String(path))} reaches an object prototype`,
      at,
    );
  }
}

/**
 * Reads one field as `{"var": key}` does, own properties only. Operators call this for a
 * fused `var` argument; it is small enough for the engine to inline at each call.
 */
export function readField(d: unknown, key: string, notFound: unknown, isNumeric: boolean): unknown {
  if (d === null || d === undefined) return notFound;
  const v = (d as Record<string, unknown>)[key];
  // With a null prototype every property found is an own one: no need to ask.
  if (v === undefined || (getPrototypeOf(d) !== null && !hasOwn.call(d, key))) return notFound;
  return isNumeric && typeof v === 'string' ? numberFromText(v) : v;
}

/** The field a rule reads when it is `{"var": "name"}` or `{"var": ["name", scalar]}` with no dot in the name. */
export function fieldReadOf(rule: unknown, options: CompileOptions, isScoped: boolean): FieldRead | undefined {
  if (!isLogicObject(rule) || !hasOwn.call(rule, 'var')) return undefined;
  const value = rule.var;
  const args = Array.isArray(value) ? value : [value];
  const [key, fallback] = args;
  if (
    args.length > 2 ||
    typeof key !== 'string' ||
    isWholeDataPath(key) ||
    key.includes('.') ||
    splitPath(key) === undefined
  )
    return undefined;
  if (fallback !== undefined && fallback !== null && typeof fallback === 'object') return undefined;
  return { key, notFound: fallback ?? null, isNumeric: isNumericField(isScoped ? undefined : options.fieldTypes, key) };
}

/** `{"var": "a.b.c"}` with a literal path: a closure that reads it directly. */
function buildConstantVar(segments: string[], notFound: unknown, isNumeric: boolean): Evaluate {
  if (segments.length === 1) {
    const key = segments[0] as string;
    return markSafe((d) => readField(d, key, notFound, isNumeric));
  }
  return markSafe((d) => readPath(d, segments, notFound));
}

function buildVar({ raw, args, literal, path, options, isScoped }: OperatorInput): Evaluate {
  refuseForbiddenLiteral(raw[0], [...path, 'var']);
  const types = isScoped ? undefined : options.fieldTypes;
  const pathLiteral = literal(0);
  const fallbackLiteral = raw.length < 2 ? { value: undefined } : literal(1);
  if (pathLiteral !== undefined && fallbackLiteral !== undefined && raw.length <= 2) {
    const notFound = fallbackLiteral.value === undefined ? null : fallbackLiteral.value;
    if (isWholeDataPath(pathLiteral.value)) return markSafe((d) => d);
    const segments = splitPath(pathLiteral.value) as string[];
    return buildConstantVar(segments, notFound, isNumericField(types, pathLiteral.value));
  }
  return (d) => {
    const values = evaluateAll(args, d);
    return readVar(d, values[0], values[1], types, path);
  };
}

/** json-logic-js `missing`: each key is looked up as `{"var": key}` would be. */
function missingOf(data: unknown, values: readonly unknown[], at: LogicPath): unknown[] {
  const keys = Array.isArray(values[0]) ? (values[0] as unknown[]) : values;
  const missing: unknown[] = [];
  for (const key of keys) {
    const varArgs = (Array.isArray(key) ? key : [key]).map(refuseDataAsLogic);
    const value = readVar(data, varArgs[0], varArgs[1], undefined, at);
    if (value === null || value === '') missing.push(key);
  }
  return missing;
}

/** Literal keys are checked once, when the rule is compiled. */
function refuseForbiddenKeys(list: unknown, at: LogicPath): void {
  if (Array.isArray(list)) list.forEach((item, i) => refuseForbiddenKeys(item, [...at, i]));
  else refuseForbiddenLiteral(list, at);
}

export const dataOperators = {
  var: { build: buildVar },
  missing: {
    build(input) {
      refuseForbiddenKeys(input.raw, [...input.path, 'missing']);
      return eager((values, data) => missingOf(data, values, input.path))(input);
    },
  },
  missing_some: {
    build(input) {
      refuseForbiddenKeys(input.raw[1], [...input.path, 'missing_some', 1]);
      return eager((values, data) => {
        const [need, options] = values;
        const listed = (Array.isArray(options) ? options : [options]).map(refuseDataAsLogic);
        const missing = missingOf(data, listed, input.path);
        if (options === null || options === undefined) throw new TypeError('missing_some needs a list of fields');
        return (lengthOf(options) as number) - missing.length >= (need as number) ? [] : missing;
      })(input);
    },
  },
} satisfies Record<string, OperatorDefinition>;
