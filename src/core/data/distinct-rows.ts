import type { EntityName } from '../model/canonical.js';
import { CoercionFailure } from './coerce-failure.js';
import type { Cell } from './coerce-failure.js';
import type { FieldPlan } from './field-plan.js';
import type { RowFault } from './row-checks.js';

/** What one row of the source file makes of a derived entity (see `DistinctRows`). */
export type DistinctVerdict = 'new' | 'same' | 'no-id' | RowFault;

/**
 * The rows of an entity built from the distinct values of another entity's file (the mapping's
 * `from`): the first row of each id is the entity's row; a later row with the same values adds
 * nothing, and one with another value is a fault (the first is kept). A row without an id makes
 * no row. Memory: one entry per distinct id, holding the row kept anyway.
 */
export class DistinctRows {
  private readonly first = new Map<string, { row: Readonly<Record<string, Cell>>; line: number }>();

  constructor(
    private readonly entity: EntityName,
    private readonly fields: readonly FieldPlan[],
  ) {}

  /** Rows made so far: one per distinct id. */
  get size(): number {
    return this.first.size;
  }

  add(row: Readonly<Record<string, Cell>>, line: number): DistinctVerdict {
    const id = row.id ?? null;
    if (id === null) return 'no-id';
    const key = String(id);
    const seen = this.first.get(key);
    if (seen === undefined) {
      this.first.set(key, { row, line });
      return 'new';
    }
    for (const plan of this.fields) {
      const mine = row[plan.field] ?? null;
      if (mine === (seen.row[plan.field] ?? null)) continue;
      const failure = new CoercionFailure(
        'data.distinct-conflict',
        `the row on line ${seen.line} gives this ${this.entity} id another ${plan.field}; this row is left out and the first one kept.`,
        `One id names one ${this.entity} record: make the export give it one ${plan.field}, or map ${plan.field} from a column that does not vary for it.`,
      );
      return { plan, raw: mine, failure };
    }
    return 'same';
  }
}
