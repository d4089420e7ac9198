import { forbiddenNames } from './bind-columns.js';
import { CoercionFailure } from './coerce-failure.js';
import type { Cell } from './coerce-failure.js';
import type { FieldPlan } from './field-plan.js';
import { plainInteger } from './coerce-number.js';
import { resolveCell } from './resolve-cell.js';
import { SpanKind, spanKindOf } from './span-kind.js';

/**
 * Builds the row of a CSV line given as spans (see `RecordSink.acceptSpans`) when every
 * cell is fine: the row, or undefined when some cell is not (then the general row builder
 * reads the line again and reports why). `latest` receives the latest date-time of a row
 * that is built.
 */
export type SpanRowBuilder = (
  text: string,
  bounds: Int32Array,
  latest: { value: number | undefined },
) => Record<string, Cell> | undefined;

/** Returned by a cell read when the cell has a problem; the general builder explains it. */
const FAILED = Symbol('failed');

/** Canonical field names are plain identifiers; generated code names no other field (the general builder serves). */
function isPlainFieldName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !forbiddenNames.has(name);
}

/**
 * Generates the builder for one file's fields, or undefined (no code generation, a derived
 * field, a stage checked against the Funnel, a name that is not a plain identifier). The code is
 * one straight run per field — each coercer called from a site of its own, so the engine
 * inlines it — made of integer indexes and the canonical field names only: values, mappings
 * and coercers are passed in.
 *
 * `columns[i]` is the CSV column of field `i` (-1: absent), `keptAt[i]` its place in the
 * row (-1: checked, not kept).
 */
export function generateSpanRowBuilder(
  fields: readonly FieldPlan[],
  columns: readonly number[],
  keptAt: readonly number[],
): SpanRowBuilder | undefined {
  // A stage checked against the Funnel (see `FieldPlan.stageCheck`) is read by the general builder,
  // which knows the line.
  if (
    fields.some((f) => f.derive !== undefined || f.stageCheck !== undefined || (f.isKept && !isPlainFieldName(f.field)))
  )
    return undefined;
  const constants: string[] = [];
  const lines: string[] = [];
  const kept: string[] = [];
  let hasDates = false;
  let hasChecked = false;
  fields.forEach((plan, i) => {
    const column = columns[i] ?? -1;
    const v = `v${i}`;
    if (plan.slot < 0) {
      lines.push(`const ${v} = P[${i}].constValue ?? null;`);
    } else if (column < 0) {
      lines.push(`const ${v} = null;`);
    } else {
      constants.push(`const p${i} = P[${i}], c${i} = p${i}.coercer, e${i} = p${i}.emptyValue;`);
      const span = `const s = b[${2 * column}], e = b[${2 * column + 1}];`;
      if (plan.values !== undefined) {
        // A mapping's `values` may translate any text, the empty one too: resolved as text.
        lines.push(`let ${v};`, `{ ${span} ${v} = R(p${i}, t, s, e); if (${v} === F) return undefined; }`);
      } else {
        const kind = spanKindOf(plan);
        if (kind === SpanKind.Checked) hasChecked = true;
        lines.push(
          `let ${v};`,
          `{ ${span}`,
          `  if (s === e) ${v} = e${i};`,
          `  else { ${v} = ${readInPlace(kind, i)}; if (${v} === undefined) { ${v} = R(p${i}, t, s, e); if (${v} === F) return undefined; } } }`,
        );
      }
      if (plan.isRequired) lines.push(`if (${v} === null) return undefined;`);
    }
    if (plan.type === 'datetime') {
      hasDates = true;
      lines.push(`if (${v} !== null && (l === undefined || ${v} > l)) l = ${v};`);
    }
    if ((keptAt[i] ?? -1) >= 0) kept.push(`${plan.field}: ${v}`);
  });
  const source = [
    '"use strict";',
    ...constants,
    ...(hasChecked ? ['let lastText = "", firstBad = -1;'] : []),
    'return function buildRow(t, b, latest) {',
    ...(hasDates ? ['  let l = latest.value;'] : []),
    // Fields not kept only need to know whether the text holds a � (bad encoding) before their end.
    ...(hasChecked ? ['  if (t !== lastText) { lastText = t; firstBad = t.indexOf("\\uFFFD"); }'] : []),
    ...lines.map((line) => `  ${line}`),
    ...(hasDates ? ['  latest.value = l;'] : []),
    `  return { ${kept.join(', ')} };`,
    '};',
  ].join('\n');
  try {
    return new Function('P', 'R', 'F', 'W', source)(fields, readText, FAILED, wholeNumber) as SpanRowBuilder;
  } catch {
    return undefined;
  }
}

/**
 * The expression reading field `i`'s cell (`s` to `e` in `t`, never empty) in place, or
 * giving undefined when the cell must be resolved as text. Whole numbers, booleans and
 * the check of a field not kept are written out inline; each agrees with its coercer's
 * `fromSpan`, the others call it.
 */
function readInPlace(kind: SpanKind, i: number): string {
  switch (kind) {
    case SpanKind.Whole:
      return 'W(t, s, e)';
    case SpanKind.Boolean:
      return `(e - s === 4 && t.startsWith("true", s) ? true : e - s === 5 && t.startsWith("false", s) ? false : undefined)`;
    case SpanKind.Checked:
      return `(firstBad === -1 || firstBad >= e ? "kept out" : undefined)`;
    case SpanKind.Cut:
      return 'undefined';
    default:
      return `c${i}.fromSpan(t, s, e)`;
  }
}

/** A plain whole number in place (see `plainInteger`), or undefined. */
function wholeNumber(text: string, start: number, end: number): number | undefined {
  const value = plainInteger(text, start, end);
  return value >= 0 ? value : undefined;
}

/** A cell with no plain form, cut out and resolved as text; FAILED when it has a problem. */
function readText(plan: FieldPlan, text: string, start: number, end: number): Cell | typeof FAILED {
  const cell = resolveCell(text.substring(start, end), plan);
  return cell instanceof CoercionFailure ? FAILED : cell;
}

/** Builds a row from its cells in field order. */
export type RowMaker = (cells: readonly Cell[]) => Record<string, Cell>;

/**
 * A function that returns one object literal holding the cells under their field names.
 * Filling a copied template instead stores each field by a name that changes from one
 * store to the next, which V8 looks up in a shared cache every time; a literal is laid out
 * once and then only filled. Field names are the canonical model's, plain identifiers;
 * for anything else (or where code cannot be generated) rows are built from the template.
 */
export function rowMaker(fields: readonly Pick<FieldPlan, 'field'>[]): RowMaker | undefined {
  const names = fields.map((f) => f.field);
  if (!names.every(isPlainFieldName)) return undefined;
  try {
    return new Function('c', `return {${names.map((name, i) => `${name}: c[${i}]`).join(', ')}};`) as RowMaker;
  } catch {
    return undefined;
  }
}

/** A row of the fields, all null, to copy (see `rowMaker` for when rows are built this way). */
export function makeTemplate(fields: readonly FieldPlan[]): Record<string, null> {
  // JSON.parse gives an object whose properties all sit inside it (one allocation, no
  // separate property array); spreading it clones that layout, so every row is one
  // compact object. Names are canonical field names; JSON.parse keeps even `__proto__` an own property.
  const text = `{${fields.map((field) => `${JSON.stringify(field.field)}:null`).join(',')}}`;
  return Object.setPrototypeOf(JSON.parse(text) as object, null) as Record<string, null>;
}
