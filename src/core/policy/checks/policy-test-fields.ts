import { DateTime } from 'luxon';
import { canonicalModel } from '../../model/canonical.js';
import type { EntityName, FieldType } from '../../model/canonical.js';
import { sharedDefs } from '../../schemas/shared.js';
import { listDeclaredFields } from '../custom-fields.js';
import type { DeclaredField } from '../custom-fields.js';
import { suggestName } from '../did-you-mean.js';
import type { Policy, PolicyTestSpec } from '../types.js';
import type { CheckContext, SemanticCheck } from './context.js';
import { findUnchecked, reportNotChecked } from './context.js';

type Path = (string | number)[];
type Declared = Map<EntityName, Map<string, DeclaredField>>;

/** One lead or opportunity a test case writes, with where it is. */
interface CaseEntity {
  entity: 'leads' | 'opportunities';
  values: Record<string, unknown>;
  path: Path;
}

/** Every lead and opportunity the cases of a test write, whatever the policy under test. */
function listCaseEntities(spec: PolicyTestSpec): CaseEntity[] {
  const out: CaseEntity[] = [];
  spec.cases.forEach((c, i) => {
    const at: Path = ['spec', 'cases', i];
    const add = (entity: CaseEntity['entity'], values: Record<string, unknown> | undefined, path: Path): void => {
      if (values !== undefined) out.push({ entity, values, path });
    };
    if ('lead' in c) add('leads', c.lead, [...at, 'lead']);
    if ('opportunity' in c) add('opportunities', c.opportunity, [...at, 'opportunity']);
    if ('opportunities' in c) c.opportunities?.forEach((o, j) => add('opportunities', o, [...at, 'opportunities', j]));
    if ('leads' in c) c.leads?.forEach((l, j) => add('leads', l, [...at, 'leads', j]));
  });
  return out;
}

const patternOf = (def: string): RegExp => new RegExp((sharedDefs[def] as { pattern: string }).pattern);
const decimalText = patternOf('decimal');
const dateText = patternOf('date');
const datetimeText = patternOf('datetime');

/** How a value of each custom type is written in a test case, for the fix. */
const howToWrite: Readonly<Record<FieldType, string>> = {
  string: 'text, e.g. `"enterprise"`',
  integer: 'a whole number, e.g. `300`',
  number: 'a number, e.g. `72.5`',
  decimal: 'an exact decimal, e.g. `"25000.00"` (quoted) or `25000`',
  boolean: '`true` or `false`',
  date: 'a date `YYYY-MM-DD`, e.g. `2026-03-04`',
  datetime: 'an ISO 8601 moment with its offset, e.g. `2026-03-04T14:05:00Z`',
};

/** Whether `value` is written as a custom field of `type` must be (null: the field is empty). */
function fitsType(type: FieldType, value: unknown): boolean {
  if (value === null) return true;
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'decimal':
      return (typeof value === 'string' || typeof value === 'number') && decimalText.test(String(value));
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && dateText.test(value) && DateTime.fromISO(value).isValid;
    case 'datetime':
      return typeof value === 'string' && datetimeText.test(value) && DateTime.fromISO(value).isValid;
  }
}

const article = (word: string): string => (/^[aeiou]/.test(word) ? 'an' : 'a');

/** A value as a short quote for a message (renderers escape it). */
function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Checks the custom fields of one case entity; reports an undeclared name unless `isUnknownMuted`.
 * Returns the path of the first undeclared name.
 */
function checkEntity(
  ctx: CheckContext,
  test: Policy<'PolicyTest'>,
  item: CaseEntity,
  declared: Declared,
  isUnknownMuted: boolean,
): Path | undefined {
  const custom = declared.get(item.entity) ?? new Map<string, DeclaredField>();
  const canonical = canonicalModel[item.entity];
  let firstUndeclared: Path | undefined;
  for (const [name, value] of Object.entries(item.values)) {
    if (Object.hasOwn(canonical, name)) continue; // the schema checked it
    const path = [...item.path, name];
    const field = custom.get(name);
    if (field !== undefined) {
      if (fitsType(field.type, value)) continue;
      ctx.report(test, path, {
        code: 'test.field-type',
        message: `\`${name}\` is ${article(field.type)} ${field.type} custom field of ${item.entity} (FieldMapping ${field.mappings.map((m) => `\`${m}\``).join(', ')}); ${quote(value)} is not ${article(field.type)} ${field.type}.`,
        hint: `Write it as ${howToWrite[field.type]}, or null for an empty field.`,
      });
      continue;
    }
    firstUndeclared ??= path;
    if (isUnknownMuted) continue;
    const fields = [...Object.keys(canonical), ...custom.keys()];
    const suggestion = suggestName(name, fields);
    const other = item.entity === 'leads' ? 'opportunities' : 'leads';
    ctx.report(test, path, {
      code: 'test.unknown-field',
      message: declared.get(other)?.has(name)
        ? `\`${name}\` is a custom field of ${other}, not of ${item.entity}: no rule on ${item.entity} can read it.`
        : `\`${name}\` is neither a field of ${item.entity} in the canonical data model nor a custom field a FieldMapping declares.`,
      hint:
        suggestion !== undefined
          ? `Did you mean \`${suggestion}\`?`
          : `Declare it under \`custom:\` of ${item.entity} in a FieldMapping, or use a field of ${item.entity}: ${fields.join(', ')}.`,
      at: 'key',
    });
  }
  return firstUndeclared;
}

/**
 * The leads and opportunities of a policy test write canonical fields (the schema checks those)
 * or custom fields a FieldMapping of the set declares for that entity, each written as its
 * declared type says. Anything else is an error with the closest name: a rule could never
 * read it, so the case would not test what it says. While a FieldMapping file failed, an
 * undeclared name may be declared there: said once per test, as not checked.
 */
export const policyTestFields: SemanticCheck = {
  name: 'policyTestFields',
  run(ctx) {
    const declared = listDeclaredFields(ctx.set.FieldMapping);
    const failedMapping = findUnchecked(ctx, 'FieldMapping');
    for (const test of ctx.set.PolicyTest) {
      let firstUndeclared: Path | undefined;
      for (const item of listCaseEntities(test.spec)) {
        const undeclared = checkEntity(ctx, test, item, declared, failedMapping !== undefined);
        firstUndeclared ??= undeclared;
      }
      if (failedMapping !== undefined && firstUndeclared !== undefined)
        reportNotChecked(ctx, test, firstUndeclared, 'custom fields of test cases', failedMapping);
    }
  },
};
