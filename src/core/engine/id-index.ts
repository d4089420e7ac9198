import { StringTable } from '../data/string-table.js';
import type { Row } from '../data/types.js';

/** The row index of each id among rows (the last row, when an id repeats), by a `StringTable`. */
export class IdIndex {
  private constructor(
    private readonly ids: StringTable,
    private readonly rowOfCode: Int32Array,
  ) {}

  /** The index of the string `field` (default `id`) of every row that has one. */
  static of(rows: readonly Row[], field = 'id'): IdIndex {
    const ids = new StringTable(rows.length);
    const rowOfCode = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const id = (rows[i] as Row)[field];
      if (typeof id === 'string') rowOfCode[ids.codeOf(id)] = i;
    }
    return new IdIndex(ids, rowOfCode);
  }

  /** Ids held. */
  get size(): number {
    return this.ids.values.length;
  }

  /** The row index of `id`, or -1. */
  get(id: string): number {
    const code = this.ids.get(id);
    return code < 0 ? -1 : (this.rowOfCode[code] as number);
  }
}
