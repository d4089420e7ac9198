import { describe, expect, it } from 'vitest';
import { hashString, StringTable } from '../../../src/core/data/string-table.js';

describe('StringTable', () => {
  it('numbers distinct strings in order of arrival and finds them again', () => {
    const table = new StringTable();
    expect(['b', 'a', 'b', '', 'a', 'c'].map((v) => table.codeOf(v))).toEqual([0, 1, 0, 2, 1, 3]);
    expect(table.values).toEqual(['b', 'a', '', 'c']);
    expect(table.get('c')).toBe(3);
    expect(table.get('d')).toBe(-1);
    expect(table.get('__proto__')).toBe(-1);
  });

  it('grows from any starting size and agrees with a Map', () => {
    for (const expected of [0, 10, 100_000]) {
      const table = new StringTable(expected);
      const map = new Map<string, number>();
      for (let i = 0; i < 50_000; i++) {
        const value = `0061x${(i * 7919) % 30_011}`;
        if (!map.has(value)) map.set(value, map.size);
        expect(table.codeOf(value)).toBe(map.get(value));
      }
      expect(table.values).toEqual([...map.keys()]);
      expect(table.get('0061x30011')).toBe(-1);
    }
  });

  it('keeps the same codes when strings collide so much that it turns to a Map', () => {
    const colliding: string[] = [];
    for (let k = 0; colliding.length < 300; k++) if ((hashString(`v${k}`) & 1023) === 0) colliding.push(`v${k}`);
    const table = new StringTable(300);
    colliding.forEach((value, code) => expect(table.codeOf(value)).toBe(code));
    colliding.forEach((value, code) => expect(table.codeOf(value)).toBe(code));
    expect(table.codeOf('fresh')).toBe(300);
    expect(table.get(colliding[299]!)).toBe(299);
    expect(table.get('missing')).toBe(-1);
  });
});
