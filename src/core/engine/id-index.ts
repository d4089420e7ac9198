import type { Row } from '../data/types.js';

/** Probes beyond this mean keys that collide on purpose or by bad luck: the index becomes a Map. */
const MAX_PROBES = 64;

/**
 * The row index of each id among rows (the last row, when an id repeats). An open-addressing
 * table over typed arrays: a million ids cost two arrays, not a million map entries, and
 * are looked up a few times faster than a Map. Should the ids collide too much for that, it
 * keeps them in a Map instead; answers never depend on which.
 */
export class IdIndex {
  private readonly mask: number;
  private readonly slots: Int32Array;
  private readonly keys: (string | undefined)[];
  private map: Map<string, number> | undefined;
  private count = 0;

  private constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    this.keys = new Array<string | undefined>(size).fill(undefined);
  }

  /** The index of the string `field` (default `id`) of every row that has one. */
  static of(rows: readonly Row[], field = 'id'): IdIndex {
    const index = new IdIndex(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const id = (rows[i] as Row)[field];
      if (typeof id === 'string') index.set(id, i);
    }
    return index;
  }

  /** Ids held. */
  get size(): number {
    return this.map?.size ?? this.count;
  }

  /** The row index of `id`, or -1. */
  get(id: string): number {
    if (this.map !== undefined) return this.map.get(id) ?? -1;
    const keys = this.keys;
    let k = hashId(id) & this.mask;
    for (;;) {
      const key = keys[k];
      if (key === undefined) return -1;
      if (key === id) return this.slots[k] as number;
      k = (k + 1) & this.mask;
    }
  }

  private set(id: string, row: number): void {
    if (this.map !== undefined) {
      this.map.set(id, row);
      return;
    }
    const keys = this.keys;
    let k = hashId(id) & this.mask;
    for (let probes = 0; ; probes++) {
      const key = keys[k];
      if (key === undefined) break;
      if (key === id) {
        this.slots[k] = row;
        return;
      }
      if (probes === MAX_PROBES) {
        this.toMap();
        this.map!.set(id, row);
        return;
      }
      k = (k + 1) & this.mask;
    }
    keys[k] = id;
    this.slots[k] = row;
    this.count++;
  }

  private toMap(): void {
    const map = new Map<string, number>();
    this.keys.forEach((key, k) => {
      if (key !== undefined) map.set(key, this.slots[k] as number);
    });
    this.map = map;
    this.keys.length = 0;
  }
}

/** The hash an IdIndex places an id by: FNV-1a over its UTF-16 code units. */
export function hashId(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
