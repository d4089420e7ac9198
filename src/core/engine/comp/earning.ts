import type { CompPlanSpec } from '../../policy/types.js';
import type { MetricKind } from './metric-types.js';
import { Dec, fromPolicyNumber, parseAmount, ZERO } from './money.js';
import type { Decimal } from './money.js';

type Component = CompPlanSpec['components'][number];
type Tiers = NonNullable<Component['tiers']>;

const periodsPerYear: Readonly<Record<CompPlanSpec['period'], number>> = { month: 12, quarter: 4, year: 1 };

/** The share of a year one payout period is: month 1/12, quarter 1/4, year 1 (whatever its length in days). */
export function yearShare(unit: CompPlanSpec['period']): Decimal {
  return new Dec(1).dividedBy(periodsPerYear[unit]);
}

/**
 * The yearly per-person target of a metric: the component's own `target`, else the plan's
 * quota when the quota counts the same metric. undefined when there is none.
 */
export function yearlyTargetOf(
  spec: CompPlanSpec,
  metric: string,
  componentTarget: string | undefined,
): Decimal | undefined {
  const own = componentTarget ?? (spec.quota?.metric === metric ? spec.quota.amount : undefined);
  return own === undefined ? undefined : (parseAmount(own) ?? undefined);
}

/** A metric value against its period target. */
export interface Measured {
  /** Period target; null for fractions, and when there is none. */
  target: Decimal | null;
  /** value ÷ target, or the value itself for a fraction; null when there is no usable target. */
  attainment: Decimal | null;
  /** Why attainment is null. */
  problem?: 'no-target' | 'zero-target';
}

/**
 * Attainment of `value` against the period target (the yearly target × the period's share of a
 * year). For a cost per unit (`isCostPerUnit`) the target is not prorated and attainment is
 * target ÷ value (paying more the lower the cost); a value of 0 or less has none.
 */
export function measure(
  kind: MetricKind,
  value: Decimal,
  yearlyTarget: Decimal | undefined,
  share: Decimal,
  isCostPerUnit = false,
): Measured {
  if (kind === 'fraction') return { target: null, attainment: value };
  if (yearlyTarget === undefined) return { target: null, attainment: null, problem: 'no-target' };
  const target = isCostPerUnit ? yearlyTarget : yearlyTarget.times(share);
  if (target.isZero()) return { target, attainment: null, problem: 'zero-target' };
  if (isCostPerUnit)
    return { target, attainment: value.isPositive() && !value.isZero() ? target.dividedBy(value) : null };
  return { target, attainment: value.dividedBy(target) };
}

/**
 * The earning factor of an attainment `a` (payout = period target variable × weight × factor):
 * - no tiers: `a`;
 * - marginal: Σ over bands of (min(a, to) − from)⁺ × rate, each band paying its own rate on
 *   the attainment inside it (`to` left out = no upper end);
 * - retroactive: a × the rate of the band containing a, bands being [from, to) (so exactly 1.0
 *   falls in the band starting at 1); past the end of a closed last band, the last band's rate.
 * Never below 0.
 */
export function earningFactor(a: Decimal, tiers: Tiers | undefined): Decimal {
  if (a.isNegative()) return ZERO;
  if (tiers === undefined) return a;
  if (tiers.mode === 'marginal') {
    let factor = ZERO;
    for (const band of tiers.bands) {
      const top = band.to === undefined ? a : Dec.min(a, fromPolicyNumber(band.to));
      const inside = top.minus(fromPolicyNumber(band.from));
      if (inside.isPositive() && !inside.isZero()) factor = factor.plus(inside.times(fromPolicyNumber(band.rate)));
    }
    return factor;
  }
  let rate: Decimal = ZERO;
  for (const band of tiers.bands)
    if (a.greaterThanOrEqualTo(fromPolicyNumber(band.from))) rate = fromPolicyNumber(band.rate);
  return a.times(rate);
}

/**
 * The index of the tier band attainment `a` reached: the last band whose `from` is at most
 * `a` (bands are [from, to)); null without tiers. Exact, so a band edge is never misread.
 */
export function tierBandOf(a: Decimal, tiers: Tiers | undefined): number | null {
  if (tiers === undefined) return null;
  let index: number | null = null;
  tiers.bands.forEach((band, i) => {
    if (a.greaterThanOrEqualTo(fromPolicyNumber(band.from))) index = i;
  });
  return index;
}

/** The factor after the component's cap (a multiple of its target pay), and whether the cap lowered it. */
export function applyCap(factor: Decimal, cap: number | undefined): { factor: Decimal; isCapped: boolean } {
  if (cap === undefined) return { factor, isCapped: false };
  const most = fromPolicyNumber(cap);
  return factor.greaterThan(most) ? { factor: most, isCapped: true } : { factor, isCapped: false };
}
