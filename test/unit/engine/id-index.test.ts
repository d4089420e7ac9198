import { describe, expect, it } from 'vitest';
import type { Row } from '../../../src/core/data/types.js';
import { hashString } from '../../../src/core/data/string-table.js';
import { IdIndex } from '../../../src/core/engine/id-index.js';

describe('IdIndex', () => {
  it('finds the row of every id, the last row of a repeated one, and -1 for the rest', () => {
    const rows: Row[] = [{ id: 'L1' }, { id: 'L2' }, { id: null }, { id: 'L1' }, { id: 7 }, { other: 'L9' }];
    const index = IdIndex.of(rows);
    expect(index.get('L1')).toBe(3);
    expect(index.get('L2')).toBe(1);
    expect(index.get('L3')).toBe(-1);
    expect(index.get('7')).toBe(-1);
    expect(index.get('')).toBe(-1);
    expect(index.size).toBe(2);
    expect(IdIndex.of(rows, 'other').get('L9')).toBe(5);
  });

  it('agrees with a Map on many ids', () => {
    const rows: Row[] = Array.from({ length: 20_000 }, (_, i) => ({ id: `0061x${(i * 7919) % 15_000}` }));
    const index = IdIndex.of(rows);
    const map = new Map(rows.map((r, i) => [r.id as string, i]));
    for (let i = 0; i < 16_000; i++) expect(index.get(`0061x${i}`)).toBe(map.get(`0061x${i}`) ?? -1);
    expect(index.size).toBe(map.size);
  });

  it('still answers right when the ids all fall in one place of its table', () => {
    // 201 rows make a table of 512 slots; ids whose hash is 0 modulo 512 collide on slot 0.
    const colliding: string[] = [];
    for (let k = 0; colliding.length < 200; k++) if ((hashString(`id-${k}`) & 511) === 0) colliding.push(`id-${k}`);
    const rows: Row[] = colliding.map((id) => ({ id }));
    const index = IdIndex.of([...rows, { id: colliding[0]! }]);
    colliding.forEach((id, i) => expect(index.get(id)).toBe(i === 0 ? 200 : i));
    expect(index.get('id-x')).toBe(-1);
    expect(index.size).toBe(200);
  });
});
