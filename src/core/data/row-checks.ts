import { canonicalModel } from '../model/canonical.js';
import type { EntityName } from '../model/canonical.js';
import { CoercionFailure } from './coerce-failure.js';
import type { Cell } from './coerce-failure.js';
import type { FieldPlan } from './field-plan.js';
import { bindTimeOrders, findTimeDisorder } from './time-order.js';
import type { BoundTimeOrder } from './time-order.js';

/** Why a whole row is rejected, reported on one of its fields like a bad cell. */
export interface RowFault {
  plan: FieldPlan;
  raw: unknown;
  failure: CoercionFailure;
}

/**
 * Characters an id cannot hold: controls, format characters (zero-width, bidi, byte-order mark)
 * and spaces other than U+0020. Each makes a second id that looks like the first, so a record
 * could be counted twice, or a link to another record silently missed.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;

const isIdField = (field: string): boolean => field === 'id' || field.endsWith('_id');

/** A decimal (string) or number below zero; `-0` reads as `0` and passes. */
const isNegative = (cell: Cell): boolean =>
  typeof cell === 'number' ? cell < 0 : typeof cell === 'string' && cell.startsWith('-');

/**
 * The checks of a row once every cell resolved: the orders of its date-times the model
 * requires (see `time-order.ts`), no quantity below zero, no id with an invisible character,
 * and, when ids are unique, an id no earlier row has.
 */
export class RowChecks {
  /** The line of the first row of each id, when ids are checked (and kept in the rows). */
  private readonly ids: Map<string, number> | undefined;
  private orders: BoundTimeOrder[] = [];
  private idPlan: FieldPlan | undefined;
  private nonNegative: FieldPlan[] = [];
  private idFields: FieldPlan[] = [];
  private enumerated: { plan: FieldPlan; values: readonly string[]; failure: CoercionFailure }[] = [];

  constructor(
    private readonly entity: EntityName,
    fields: readonly FieldPlan[],
    isIdUnique: boolean,
  ) {
    // Ids are checked only where rows keep them (leads, opportunities and users do; activities are
    // columns without ids).
    if (isIdUnique && fields.some((f) => f.field === 'id' && f.isKept)) this.ids = new Map();
  }

  /** The fields rows keep (again after the header bound them). */
  bind(kept: readonly FieldPlan[]): void {
    this.orders = bindTimeOrders(this.entity, kept);
    this.idPlan = kept.find((f) => f.field === 'id');
    const model = canonicalModel[this.entity];
    this.nonNegative = kept.filter((f) => model[f.field]?.isNonNegative === true);
    this.idFields = kept.filter((f) => f.type === 'string' && isIdField(f.field));
    this.enumerated = kept.flatMap((plan) => {
      const values = model[plan.field]?.values;
      return values === undefined ? [] : [{ plan, values, failure: notOneOf(values) }];
    });
  }

  /** The row's first fault; undefined when it has none, its id then noted as first seen on `line`. */
  find(row: Readonly<Record<string, Cell>>, line: number): RowFault | undefined {
    if (this.orders.length > 0) {
      const disorder = findTimeDisorder(row, this.orders);
      if (disorder !== undefined) return disorder;
    }
    for (const plan of this.nonNegative) {
      const cell = row[plan.field] ?? null;
      if (isNegative(cell)) return { plan, raw: cell, failure: NEGATIVE };
    }
    for (const { plan, values, failure } of this.enumerated) {
      const cell = row[plan.field];
      if (typeof cell === 'string' && !values.includes(cell)) return { plan, raw: cell, failure };
    }
    for (const plan of this.idFields) {
      const cell = row[plan.field];
      if (typeof cell === 'string' && INVISIBLE.test(cell)) return { plan, raw: cell, failure: INVISIBLE_ID };
    }
    const id = this.ids === undefined ? undefined : row.id;
    if (typeof id !== 'string' || this.idPlan === undefined) return undefined;
    const first = this.ids!.get(id);
    if (first === undefined) {
      this.ids!.set(id, line);
      return undefined;
    }
    // The id itself is in `raw` only, where masking finds it.
    const failure = new CoercionFailure(
      'data.duplicate-id',
      `the row on line ${first} has the same id; this row is left out and the first one kept.`,
      'An id names one record: remove the repeated row from the export, or fix its id.',
    );
    return { plan: this.idPlan, raw: id, failure };
  }
}

/** A value outside the field's closed list (e.g. a spend row's `function`). */
function notOneOf(values: readonly string[]): CoercionFailure {
  return new CoercionFailure(
    'data.bad-value',
    `the value is not one of ${values.join(', ')}.`,
    "Write one of them in the export, or map the export's values to them in the FieldMapping (`values:`).",
  );
}

const NEGATIVE = new CoercionFailure(
  'data.negative-number',
  'the value is below zero, which this quantity cannot be.',
  'A refund, credit or downsell is not a deal value: leave it out of the export or map it to a field of its own.',
);

const INVISIBLE_ID = new CoercionFailure(
  'data.invisible-character',
  'the id holds an invisible or control character, so it would pass for another id.',
  'Clean the id in the CRM or the export (zero-width spaces and byte-order marks often come from copy and paste).',
);
