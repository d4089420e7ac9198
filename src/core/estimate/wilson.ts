import { Decimal } from 'decimal.js';

/** Decimals with 40 significant digits: the projection's figures feed money. */
export const Exact = Decimal.clone({ precision: 40 });
export type Exact = Decimal;

const Z = new Exact('1.959963984540054');

/**
 * The Wilson score interval (95 %) of `k` successes in `n` trials; [0, 1] with no trials.
 * Unlike p ± z·se it stays inside [0, 1] and is honest for small samples and rates near 0 or 1.
 */
export function wilsonInterval(k: number, n: number): { low: Exact; high: Exact } {
  if (n <= 0) return { low: new Exact(0), high: new Exact(1) };
  const p = new Exact(k).div(n);
  const z2n = Z.pow(2).div(n);
  const denominator = z2n.plus(1);
  const centre = p.plus(z2n.div(2)).div(denominator);
  const half = Z.div(denominator).times(
    p
      .times(new Exact(1).minus(p))
      .div(n)
      .plus(z2n.div(4 * n))
      .sqrt(),
  );
  return { low: Exact.max(0, centre.minus(half)), high: Exact.min(1, centre.plus(half)) };
}
