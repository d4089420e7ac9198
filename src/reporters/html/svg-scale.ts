import type { HtmlFigure } from './figure.js';

/** A value axis: its domain (always holding 0) and the round values where ticks go. */
export interface ValueAxis {
  min: number;
  max: number;
  ticks: number[];
}

/** Steps an axis may use, times a power of ten: ticks read as round numbers. */
const NICE_STEPS = [1, 2, 5, 10];

/** The number a figure stands for, or null when it has none (unknown, or not a number). */
export function figureNumber(figure: HtmlFigure | undefined): number | null {
  if (figure === undefined || figure.value === null) return null;
  const n = typeof figure.value === 'number' ? figure.value : Number(figure.value);
  return Number.isFinite(n) ? n : null;
}

/** The largest of some numbers, at least `floor` (no spread: a long list would overflow the stack). */
export function maxOf(values: number[], floor: number): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** A step of 1, 2 or 5 times a power of ten that cuts `span` into about `count` parts. */
function niceStep(span: number, count: number): number {
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = NICE_STEPS.find((s) => s * power >= raw) ?? 10;
  return step * power;
}

/** Removes the binary noise of a tick (0.30000000000000004 → 0.3). */
function cleanTick(value: number): number {
  const cleaned = Number(value.toPrecision(12));
  return cleaned === 0 ? 0 : cleaned;
}

/**
 * The value axis for some values: from 0 (or below 0 when a value is negative) to a round value
 * at or above the largest; `fixedMax` sets the top (a share's 1) when nothing is above it.
 */
export function buildValueAxis(values: number[], fixedMax?: number, count = 5): ValueAxis {
  const finite = values.filter((v) => Number.isFinite(v));
  const low = -maxOf(
    finite.map((v) => -v),
    0,
  );
  const high = maxOf(finite, Math.max(0, fixedMax ?? 0));
  const span = high - low;
  if (span === 0) return { min: 0, max: 1, ticks: [0, 1] };
  const step = niceStep(span, count);
  const min = cleanTick(Math.floor(low / step + 1e-9) * step);
  const roundedMax = cleanTick(Math.ceil(high / step - 1e-9) * step);
  const max = fixedMax !== undefined && high <= fixedMax ? fixedMax : roundedMax;
  const ticks: number[] = [];
  for (let i = 0; ; i += 1) {
    const tick = cleanTick(min + i * step);
    if (tick > max + step * 1e-9) break;
    ticks.push(tick);
  }
  return { min, max, ticks };
}

/**
 * The decimals a tick needs to be written exactly, at least `min`: a tick's text must equal its
 * value at the digits shown (0.25 is never written 0.3).
 */
export function tickDigits(value: number, min: number): number {
  const fraction = /\.(\d+)$/u.exec(String(cleanTick(value)))?.[1] ?? '';
  return Math.max(min, Math.min(12, fraction.length));
}

/** Maps a value of the axis to a coordinate between `from` (the axis minimum) and `to` (its maximum). */
export function scaleValue(axis: ValueAxis, value: number, from: number, to: number): number {
  return from + ((value - axis.min) / (axis.max - axis.min)) * (to - from);
}

/** A coordinate written into the SVG: two decimals at most, no `-0`. */
export function coord(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

/** Characters `escapeHtml` shows as a stand-in such as `<U+202E>` (see sanitize.ts). */
const INVISIBLE = /^[\p{Cc}\p{Cf}\u2028\u2029]$/u;

/** Widths of characters in ems, roughly those of common sans faces, erring wide. */
const NARROW = /^[ilj.,:;|!'\s()[\]frt]$/u;
const WIDE = /^[A-Z@%&#mw—…<>=+~_]$/u;

/** How wide a code point is once escaped for display, in ems: `<U+202E>` for an invisible one. */
function displayWidth(ch: string): number {
  if (INVISIBLE.test(ch)) return 6;
  if (NARROW.test(ch)) return 0.36;
  if (WIDE.test(ch)) return 0.84;
  return 0.64;
}

/** The width a text takes at a font size, estimated (no DOM to measure with). */
export function estimateTextWidth(text: string, fontSize: number): number {
  return Array.from(text).reduce((sum, ch) => sum + displayWidth(ch), 0) * fontSize;
}

/**
 * A label cut to about `maxChars` average characters with an ellipsis; cut before escaping, so no
 * entity is split, and counting an invisible character as its visible stand-in.
 */
export function truncateLabel(text: string, maxChars: number): string {
  const chars = Array.from(text);
  const budget = maxChars * 0.64;
  let used = 0;
  for (let i = 0; i < chars.length; i += 1) {
    used += displayWidth(chars[i] ?? '');
    if (used > budget) return `${chars.slice(0, Math.max(1, i - 1)).join('')}…`;
  }
  return text;
}
