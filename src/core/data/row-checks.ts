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
 * The checks of a row once every cell resolved: the orders of its date-times the model
 * requires (see `time-order.ts`), and, when ids are unique, an id no earlier row has.
 */
export class RowChecks {
  /** The line of the first row of each id, when ids are checked (and kept in the rows). */
  private readonly ids: Map<string, number> | undefined;
  private orders: BoundTimeOrder[] = [];
  private idPlan: FieldPlan | undefined;

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
  }

  /** The row's first fault; undefined when it has none, its id then noted as first seen on `line`. */
  find(row: Readonly<Record<string, Cell>>, line: number): RowFault | undefined {
    if (this.orders.length > 0) {
      const disorder = findTimeDisorder(row, this.orders);
      if (disorder !== undefined) return disorder;
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
