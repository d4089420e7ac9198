import { describe, expect, it } from 'vitest';
import { createWeightedTable, mixSeed, Random } from '../../../src/core/sample/random.js';

const draw = (seed: number, n: number) =>
  Array.from(
    { length: n },
    (
      (rng) => () =>
        rng.next()
    )(new Random(seed)),
  );

describe('seeded randomness', () => {
  it('repeats a sequence for the same seed and changes it for another', () => {
    expect(draw(42, 50)).toEqual(draw(42, 50));
    expect(draw(42, 50)).not.toEqual(draw(43, 50));
  });

  it('stays in [0, 1) and spreads evenly', () => {
    const values = draw(7, 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const lowHalf = values.filter((v) => v < 0.5).length / values.length;
    expect(lowHalf).toBeGreaterThan(0.48);
    expect(lowHalf).toBeLessThan(0.52);
  });

  it('mixes seeds so neighbouring streams differ and each part matters', () => {
    const seeds = new Set<number>();
    for (let i = 0; i < 1000; i++) seeds.add(mixSeed(42, 3, i));
    expect(seeds.size).toBe(1000);
    expect(mixSeed(1, 2)).not.toBe(mixSeed(2, 1));
    expect(mixSeed(5, 2 ** 32 + 1)).not.toBe(mixSeed(5, 1));
  });

  it('includes both ends of an integer range', () => {
    const rng = new Random(1);
    const seen = new Set(Array.from({ length: 500 }, () => rng.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('picks in proportion to the weights', () => {
    const rng = new Random(9);
    const table = createWeightedTable([
      ['a', 1],
      ['b', 3],
    ] as const);
    const picks = Array.from({ length: 8000 }, () => rng.pickWeighted(table));
    const shareB = picks.filter((p) => p === 'b').length / picks.length;
    expect(shareB).toBeGreaterThan(0.72);
    expect(shareB).toBeLessThan(0.78);
  });
});
