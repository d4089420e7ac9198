import { isFastPath } from '../fast-path.js';

/** Probes beyond this mean strings that collide on purpose or by bad luck: the table becomes a Map. */
const MAX_PROBES = 64;

/**
 * Distinct strings numbered in order of arrival: `codeOf` gives a string's code, adding it
 * when new; `values[code]` gives the string back. An open-addressing table over typed
 * arrays: a million strings cost two arrays rather than a million map entries, and are
 * found a few times faster than in a Map. Should strings collide too much for that, it
 * keeps them in a Map instead; codes never depend on which. With the fast path off (see
 * `fast-path.ts`) it is a Map from the start.
 */
export class StringTable {
  /** The strings, by code. */
  readonly values: string[] = [];
  private mask: number;
  /** Code + 1 per slot (0: empty). */
  private slots: Int32Array;
  private map: Map<string, number> | undefined;

  /** `expected`: about how many strings it will hold, so it need not grow on the way. */
  constructor(expected = 8) {
    let size = 16;
    while (size < expected * 1.5 + 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size);
    if (!isFastPath()) this.toMap();
  }

  /** The code of `value`, or -1 when the table does not hold it. */
  get(value: string): number {
    if (this.map !== undefined) return this.map.get(value) ?? -1;
    const { slots, values, mask } = this;
    let k = hashString(value) & mask;
    for (;;) {
      const code = (slots[k] as number) - 1;
      if (code < 0 || values[code] === value) return code;
      k = (k + 1) & mask;
    }
  }

  /** The code of `value`, added when new. */
  codeOf(value: string): number {
    if (this.map !== undefined) return this.mapCodeOf(this.map, value);
    const { slots, values, mask } = this;
    let k = hashString(value) & mask;
    for (let probes = 0; ; probes++) {
      const code = (slots[k] as number) - 1;
      if (code < 0) break;
      if (values[code] === value) return code;
      if (probes === MAX_PROBES) return this.mapCodeOf(this.toMap(), value);
      k = (k + 1) & mask;
    }
    const code = values.length;
    values.push(value);
    slots[k] = code + 1;
    if (values.length * 2 > mask) this.grow();
    return code;
  }

  private mapCodeOf(map: Map<string, number>, value: string): number {
    let code = map.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      map.set(value, code);
    }
    return code;
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    const mask = size - 1;
    const slots = new Int32Array(size);
    this.values.forEach((value, code) => {
      let k = hashString(value) & mask;
      while (slots[k] !== 0) k = (k + 1) & mask;
      slots[k] = code + 1;
    });
    this.mask = mask;
    this.slots = slots;
  }

  private toMap(): Map<string, number> {
    this.map = new Map(this.values.map((value, code) => [value, code]));
    this.slots = new Int32Array(0);
    return this.map;
  }
}

/** The hash a StringTable places a string by: FNV-1a over its UTF-16 code units. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
