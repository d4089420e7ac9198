/** Number formatting shared by the report renderers: one spelling of every figure. */

/** The one minus sign of every displayed figure (U+2212); JSON and CSV keep ASCII `-`. */
export const MINUS = '\u2212';

/** `12345` → `12,345`, `-3` → `−3`. */
export function formatCount(n: number): string {
  const whole = Math.round(n);
  // `Math.round(-0.4)` is -0: no minus sign on a zero.
  return whole < 0 ? `${MINUS}${(-whole).toLocaleString('en-US')}` : Math.abs(whole).toLocaleString('en-US');
}

/** A decimal string or number with thousands separators, keeping its decimals: `1234567.5` → `1,234,567.5`, `-2.5` → `−2.5`. */
export function formatDecimal(value: string | number, digits?: number): string {
  const text = typeof value === 'number' ? (digits === undefined ? String(value) : value.toFixed(digits)) : value;
  const negative = text.startsWith('-');
  const [whole = '', fraction] = (negative ? text.slice(1) : text).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? MINUS : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Money as `174,890.00 USD`. */
export function formatMoney(amount: string, currency: string | null): string {
  return currency === null ? formatDecimal(amount) : `${formatDecimal(amount)} ${currency}`;
}

/** A fraction as a percentage: `0.2993` → `29.9 %`, `14.5` → `1,450.0 %`; `—` for none. */
export function formatPercent(fraction: number | null, digits = 1): string {
  // A fraction too large to show as a percentage (past 1e306) is no figure a report means.
  return fraction === null || !Number.isFinite(fraction * 100) ? '—' : `${formatDecimal(fraction * 100, digits)} %`;
}

/** A ratio such as a utilisation: `0.9462` → `0.95`, `1234.5` → `1,234.50`; `—` for none. */
export function formatRatio(value: number | null, digits = 2): string {
  return value === null ? '—' : formatDecimal(value, digits);
}

/** A plain number with fixed decimals, `—` for none. */
export function formatNumber(value: number | null, digits = 1): string {
  return value === null ? '—' : formatDecimal(value, digits);
}

/** Hours, switching to days past two days: `6.0 h`, `3.4 d`. */
export function formatHours(hours: number | null): string {
  if (hours === null) return '—';
  return hours >= 48 ? `${(hours / 24).toFixed(1)} d` : `${hours.toFixed(1)} h`;
}

/** An ISO instant as `2026-03-31 21:14 UTC`. */
export function formatInstant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `1 plan`, `3 plans`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${formatCount(n)} ${n === 1 ? word : many}`;
}
