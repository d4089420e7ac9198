import { round } from '../core/engine/stats.js';
import type { ImpactReport } from '../core/report/impact.js';
import { formatCount, formatDecimal, formatNumber, formatPercent, MINUS } from './figures.js';

/**
 * How the impact reporters (terminal, markdown, and the sections others add) say the same
 * facts: one missing value, one minus sign, one spelling of a signed change. Plain text: each
 * reporter escapes it for its output.
 */

/** A value that cannot be computed: a dash with no unit (never `— h`, never 0). */
export const NONE = '—';

export { MINUS };

/** A number rounded half away from zero to `digits` places, in its shortest form: `1.02`, `−4.79`, `1`. */
export function figure(n: number, digits = 2): string {
  const r = round(n, digits);
  return r < 0 ? `${MINUS}${formatDecimal(String(-r))}` : formatDecimal(String(r));
}

/** A value with its unit, or {@link NONE}: `6.0 h`, `—`. */
export function withUnit(text: string | null, unit: string): string {
  return text === null || text === NONE ? NONE : `${text} ${unit}`;
}

/** A count, or {@link NONE} for a side that has no such figure. */
export function countOrNone(n: number | null): string {
  return n === null ? NONE : formatCount(n);
}

/** `+12`, `−3`, `±0`. */
export function signed(n: number, format: (x: number) => string = (x) => formatCount(x)): string {
  if (n === 0) return '±0';
  return n > 0 ? `+${format(n)}` : `${MINUS}${format(-n)}`;
}

/** An exact decimal amount (a string from the report) with the impact minus sign: `−1,234.50`. */
export function amount(value: string): string {
  return value.startsWith('-') ? `${MINUS}${formatDecimal(value.slice(1))}` : formatDecimal(value);
}

/** A money amount, optionally with its currency: `−1,234.50 USD`. */
export function money(value: string, currency: string | null = null): string {
  return currency === null ? amount(value) : `${amount(value)} ${currency}`;
}

/** A money change: `+1,234.50`, `−80.00`, `±0` for a zero change (`0`, `0.00`). */
export function signedMoney(delta: string, currency: string | null = null): string {
  if (/^-?0*(\.0*)?$/.test(delta)) return '±0';
  return delta.startsWith('-') ? money(delta, currency) : `+${money(delta, currency)}`;
}

/** Hours with one decimal, or {@link NONE} without the unit. */
export function hours(value: number | null): string {
  return withUnit(value === null ? null : formatNumber(value), 'h');
}

/** The two sides compared, as the first line of every impact output says them. */
export function describeSides(r: Pick<ImpactReport, 'base' | 'head'>): string {
  const side = (s: ImpactReport['base']) => `${s.ref}${s.sha === null ? '' : ` (${s.sha.slice(0, 12)})`}`;
  return `${side(r.base)} → ${side(r.head)}`;
}

/** One SLA's replayed and modelled compliance and median response, base → head. */
export function describeSla(s: ImpactReport['slas'][number]): string {
  return `replayed ${formatPercent(s.replayed.base)} → ${formatPercent(s.replayed.head)}; modelled ${s.modelled === null ? NONE : formatPercent(s.modelled)}; median response ${hours(s.medianResponseHours.base)} → ${hours(s.medianResponseHours.modelled)}`;
}
