import { canonicalModel } from '../model/canonical.js';
import type { EntityName } from '../model/canonical.js';
import { CoercionFailure } from './coerce-failure.js';
import type { Cell } from './coerce-failure.js';
import type { FieldPlan } from './field-plan.js';
import type { MappedLookup } from './join-graph.js';
import type { Row } from './types.js';

/**
 * One looked-up entity's values by key: what a `lookup` needs of it and nothing more (the
 * other fields of its rows are not copied). A key held by two rows or more keeps its count only.
 */
export interface LookupTable {
  entity: EntityName;
  on: string;
  field: string;
  values: Map<string, Cell>;
  /** Keys more than one row has, with how many rows have them. */
  repeated: Map<string, number>;
}

/** The lookup tables of one entity file, by the field each fills. */
export type LookupTables = ReadonlyMap<string, LookupTable>;

/** Keys compare as text: an id is a string, and a number key matches its decimal form. */
const keyText = (cell: Cell): string => (typeof cell === 'string' ? cell : String(cell));

/** A table over the rows of the looked-up entity, one pass: linear in its rows, a map the size of its keys. */
export function buildLookupTable(lookup: MappedLookup['lookup'], rows: readonly Row[]): LookupTable {
  const table: LookupTable = {
    entity: lookup.entity as EntityName,
    on: lookup.on,
    field: lookup.field,
    values: new Map(),
    repeated: new Map(),
  };
  for (const row of rows) {
    const key = row[lookup.on] ?? null;
    if (key === null) continue;
    const text = keyText(key);
    if (table.values.has(text)) table.repeated.set(text, (table.repeated.get(text) ?? 1) + 1);
    else table.values.set(text, row[lookup.field] ?? null);
  }
  return table;
}

/** Why a lookup of a mapping cannot run at all (its file is then not read); undefined when it can. */
export function findLookupMismatch(mapped: MappedLookup): string | undefined {
  const { entity, field, lookup } = mapped;
  const there = canonicalModel[lookup.entity as EntityName];
  if (there === undefined || lookup.entity === 'activities')
    return `\`${field}\` looks up in ${lookup.entity}, whose rows cannot be looked up.`;
  const mine = canonicalModel[entity][field]?.type;
  const theirs = there[lookup.field]?.type;
  if (theirs === undefined || there[lookup.on] === undefined)
    return `\`${field}\` looks up ${lookup.entity}.${lookup.field} by ${lookup.entity}.${lookup.on}, which the model does not have.`;
  if (mine !== theirs) return `\`${field}\` is a ${mine} but ${lookup.entity}.${lookup.field} is a ${theirs}.`;
  return undefined;
}

/** A row a lookup rejects: on the looked-up field, located at the key's column, with the key as raw value. */
export interface LookupFault {
  plan: FieldPlan;
  keyPlan: FieldPlan | undefined;
  /** The key; undefined when it is empty. */
  raw: Cell | undefined;
  failure: CoercionFailure;
}

interface BoundLookup {
  plan: FieldPlan;
  keyPlan: FieldPlan | undefined;
  table: LookupTable;
}

/**
 * Fills the looked-up fields of a row once its other fields are built. A key with no match, or
 * with two matches, rejects the row; an empty key leaves the field empty (required: rejected).
 */
export class RowLookups {
  private readonly bound: BoundLookup[];

  constructor(fields: readonly FieldPlan[], tables: LookupTables) {
    this.bound = fields.flatMap((plan) => {
      const table = plan.lookup === undefined ? undefined : tables.get(plan.field);
      if (table === undefined) return [];
      return [{ plan, keyPlan: fields.find((f) => f.field === plan.lookup!.key), table }];
    });
  }

  /** Sets the fields the row keeps; the first fault (in field order: one issue per row), or undefined. */
  fill(row: Record<string, Cell>): LookupFault | undefined {
    for (const { plan, keyPlan, table } of this.bound) {
      const key = keyPlan === undefined ? null : (row[keyPlan.field] ?? null);
      let value: Cell = null;
      if (key !== null) {
        const text = keyText(key);
        const count = table.repeated.get(text);
        if (count !== undefined) return { plan, keyPlan, raw: key, failure: ambiguous(plan, table, count) };
        const found = table.values.get(text);
        if (found === undefined && plan.lookup!.ifNoMatch !== 'empty')
          return { plan, keyPlan, raw: key, failure: noMatch(plan, table) };
        value = found ?? null;
      }
      if (value === null && plan.isRequired)
        return { plan, keyPlan, raw: key ?? undefined, failure: emptyRequired(plan, table) };
      if (plan.isKept) row[plan.field] = value;
    }
    return undefined;
  }
}

const where = (plan: FieldPlan, table: LookupTable): string =>
  `looked up in ${table.entity} by ${plan.lookup!.key} (matching ${table.entity}.${table.on})`;

function noMatch(plan: FieldPlan, table: LookupTable): CoercionFailure {
  return new CoercionFailure(
    'data.lookup-no-match',
    `${where(plan, table)}, but no ${table.entity} row evaluated has this key.`,
    `Add the missing ${table.entity} to their export, fix their rows that were rejected (see their issues), or set \`ifNoMatch: empty\` if some rows rightly have none.`,
  );
}

function ambiguous(plan: FieldPlan, table: LookupTable, count: number): CoercionFailure {
  return new CoercionFailure(
    'data.lookup-ambiguous',
    `${where(plan, table)}, but ${count} ${table.entity} rows have this key: which one is meant is unknown.`,
    `Match on a field that is unique in ${table.entity} (\`on: id\`), or remove the repeated ${table.entity} rows.`,
  );
}

function emptyRequired(plan: FieldPlan, table: LookupTable): CoercionFailure {
  return new CoercionFailure(
    'data.missing-required',
    `the field is required, and it is empty once ${where(plan, table)} (an empty key, or an empty ${table.field}).`,
    `Give every row its ${plan.lookup!.key}, and every ${table.entity} row its ${table.field}.`,
  );
}
