import { didYouMean } from '../policy/did-you-mean.js';
import type { EntityPlan, FieldPlan } from './field-plan.js';
import { planWonFromStage, wonFromStageNote } from './funnel-stages.js';
import type { FileTally } from './tally.js';

/** Header names that could reach an object's prototype if they were ever used as keys. */
export const forbiddenNames: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A plan bound to one file's columns. */
export interface BoundPlan {
  fields: FieldPlan[];
  /** For each source slot, the 0-based CSV column it reads (-1 when the column is absent). */
  slotColumns: number[];
}

/**
 * Checks a CSV header and finds the column of every mapped field. Duplicate and
 * prototype-like names fail the file (a row could not be read unambiguously); so does a
 * missing column of a required field. A missing column of an optional field leaves the
 * field out of the file's rows, with a warning. An unnamed column is ignored, with a
 * warning: the CSV reader rejects a row that has a value there.
 */
export function bindHeader(
  plan: EntityPlan,
  names: readonly string[],
  line: number,
  tally: FileTally,
): BoundPlan | undefined {
  if (!checkHeader(names, line, tally)) return undefined;
  const slotColumns = plan.columns.map((column) => findColumn(column, names, plan.isCaseInsensitive));
  let isUsable = true;
  plan.columns.forEach((column, slot) => {
    if (slotColumns[slot] === -2) {
      isUsable = false;
      tally.fail({
        code: 'data.ambiguous-column',
        line,
        columnName: column,
        message: `Column \`${column}\` matches more than one header when case is ignored.`,
      });
    }
  });
  const fields: FieldPlan[] = [];
  for (const field of plan.fields) {
    if (field.slot < 0 || (slotColumns[field.slot] ?? -1) >= 0) {
      fields.push(field);
      continue;
    }
    const column = plan.columns[field.slot]!;
    const problem = {
      code: 'data.missing-column' as const,
      line,
      field: field.field,
      columnName: column,
      hint: `The header has: ${listNames(names)}.`,
    };
    if (field.isRequired) {
      isUsable = false;
      tally.fail({
        ...problem,
        message: `The required field \`${field.field}\` is read from column \`${column}\`, which the file does not have.${didYouMean(column, names)}`,
      });
    } else if (plan.isMapped || field.isCustom === true) {
      tally.report({
        ...problem,
        severity: 'warning',
        message: `Column \`${column}\` (for \`${field.field}\`) is not in the file; the field is left out of its rows.${didYouMean(column, names)}`,
      });
    }
  }
  if (!isUsable) return undefined;
  readWonFromStage(plan, fields, line, tally);
  warnAbsentDeriveColumns(plan, names, line, tally);
  const used = new Set(slotColumns);
  const deriveColumns = lowerIf(plan.deriveColumns, plan.isCaseInsensitive);
  names.forEach((name, i) => {
    if (!used.has(i) && !isUnnamed(name) && !deriveColumns.has(plan.isCaseInsensitive ? name.toLowerCase() : name))
      tally.ignoredColumns.add(name);
  });
  tally.fields = fields.map((f) => f.field);
  return { fields, slotColumns };
}

/**
 * A canonical opportunities file with a `stage` column but no `won` one: `won` is read from the
 * stage (a mapped file's plan does this itself).
 */
function readWonFromStage(plan: EntityPlan, fields: FieldPlan[], line: number, tally: FileTally): void {
  const stage = fields.find((f) => f.field === 'stage');
  if (
    plan.entity !== 'opportunities' ||
    plan.isMapped ||
    stage === undefined ||
    stage.slot < 0 ||
    fields.some((f) => f.field === 'won')
  )
    return;
  tally.report({
    code: 'data.missing-column',
    severity: 'warning',
    line,
    field: 'won',
    ...wonFromStageNote(plan.stages, plan.columns[stage.slot]!),
  });
  if (plan.stages !== undefined) fields.push(planWonFromStage(stage, plan.stages, plan.keepsWon));
}

/** A `derive` rule that reads a column the file lacks reads it as empty on every row: said, never silent. */
function warnAbsentDeriveColumns(plan: EntityPlan, names: readonly string[], line: number, tally: FileTally): void {
  for (const column of plan.deriveColumns) {
    if (findColumn(column, names, plan.isCaseInsensitive) !== -1) continue;
    tally.report({
      code: 'data.missing-column',
      severity: 'warning',
      line,
      columnName: column,
      message: `A derive rule reads column \`${column}\`, which the file does not have: it is empty on every row.${didYouMean(column, names)}`,
      hint: `The header has: ${listNames(names)}.`,
    });
  }
}

/** The header's names for a hint: the first 40, then how many more. */
function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 40).join(', ');
  return names.length > 40 ? `${shown}, … (${names.length - 40} more)` : shown;
}

/** A header cell with no name (empty or only spaces). */
export function isUnnamed(name: string): boolean {
  return name.trim() === '';
}

function checkHeader(names: readonly string[], line: number, tally: FileTally): boolean {
  const seen = new Map<string, number>();
  let isOk = true;
  names.forEach((name, i) => {
    const column = i + 1;
    if (isUnnamed(name)) {
      // A spreadsheet artefact (a delimiter at the end of every line): harmless while empty; the
      // CSV reader rejects a row with a value there.
      tally.report({
        code: 'data.header-empty',
        severity: 'warning',
        line,
        column,
        message: `Column ${column} has no name; it is ignored while it is empty on every row (a delimiter at the end of each line?).`,
        hint: 'Remove the trailing delimiters from the export, or name the column.',
      });
    } else if (forbiddenNames.has(name)) {
      isOk = false;
      tally.fail({
        code: 'data.header-forbidden',
        line,
        column,
        columnName: name,
        message: `Column name \`${name}\` is not allowed: every JavaScript object has a \`${name}\`, so the column could be mistaken for it. The file is not read.`,
        hint: `Rename the column in the export (e.g. \`${name.replace(/_/g, '')}_value\`), or leave it out.`,
      });
    } else if (seen.has(name)) {
      isOk = false;
      tally.fail({
        code: 'data.header-duplicate',
        line,
        column,
        columnName: name,
        message: `Column \`${name}\` appears twice (columns ${seen.get(name)} and ${column}).`,
        hint: 'Remove or rename one of them in the export.',
      });
    } else {
      seen.set(name, column);
    }
  });
  return isOk;
}

/** The index of `column` in the header; -1 when absent, -2 when ambiguous ignoring case. */
function findColumn(column: string, names: readonly string[], isCaseInsensitive: boolean): number {
  const exact = names.indexOf(column);
  if (exact !== -1 || !isCaseInsensitive) return exact;
  const lower = column.toLowerCase();
  let found = -1;
  for (let i = 0; i < names.length; i++) {
    if (names[i]!.toLowerCase() !== lower) continue;
    if (found !== -1) return -2;
    found = i;
  }
  return found;
}

function lowerIf(names: ReadonlySet<string>, isLower: boolean): ReadonlySet<string> {
  return isLower ? new Set([...names].map((n) => n.toLowerCase())) : names;
}
