import type { FieldType } from '../model/canonical.js';
import type { FieldSource } from '../policy/types.js';
import { DateCoercer, DateTimeCoercer, readZone } from './coerce-date.js';
import { CoercionFailure } from './coerce-failure.js';
import type { Cell, TextCoercer } from './coerce-failure.js';
import { NumberCoercer, readNumberFormat } from './coerce-number.js';
import { dataLimits } from './limits.js';

/**
 * The last few texts that string fields of one file copied. A value often repeats in the
 * next column (an email's domain as the company's domain), and then the rows share one
 * copy. Only equal text is shared, so no value changes.
 */
export class RecentCopies {
  private readonly texts: string[] = ['', '', '', ''];
  private next = 0;

  /** `text` itself, or an equal copy made for an earlier cell. */
  copy(text: string): string {
    const texts = this.texts;
    for (let i = 0; i < 4; i++) if (texts[i] === text) return texts[i]!;
    const own = ownCopy(text);
    texts[this.next] = own;
    this.next = (this.next + 1) & 3;
    return own;
  }
}

/**
 * `string` fields keep their text exactly (an id of 20 digits stays those 20 digits).
 * Repeated values (stages, sources, owners) share one string instead of one per row,
 * until a field shows too many distinct values for that to pay.
 */
export class StringCoercer implements TextCoercer {
  private interned: Map<string, string> | undefined = new Map();

  /**
   * Interned values by a hash of their length and a few characters, so a cell given as a
   * span is found without cutting it out of its text (and hashing the copy for the map).
   * A slot holds the last value that hashed to it; a miss only means the slow way.
   */
  private seen: (string | undefined)[] | undefined = new Array<string | undefined>(SEEN_SLOTS);

  constructor(private readonly recent: RecentCopies = new RecentCopies()) {}

  fromSpan(text: string, start: number, end: number): Cell | undefined {
    const seen = this.seen;
    if (seen === undefined) return undefined;
    const value = seen[spanHash(text, start, end)];
    if (value === undefined || value.length !== end - start) return undefined;
    for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) !== text.charCodeAt(start + i)) return undefined;
    return value;
  }

  fromText(text: string): Cell | CoercionFailure {
    if (text.includes('\uFFFD')) return badEncoding();
    const interned = this.interned;
    if (interned === undefined) return text.length < 13 ? text : this.recent.copy(text);
    let value = interned.get(text);
    if (value === undefined) {
      value = ownCopy(text);
      if (interned.size >= dataLimits.maxInternedValues) {
        this.interned = undefined;
        this.seen = undefined;
        return value;
      }
      interned.set(value, value);
    }
    if (this.seen !== undefined) this.seen[spanHash(value, 0, value.length)] = value;
    return value;
  }
}

const SEEN_SLOTS = 256;

/** A hash of a span's length and its first, middle and last characters, in [0, SEEN_SLOTS). */
function spanHash(text: string, start: number, end: number): number {
  const length = end - start;
  return (
    (length * 31 + text.charCodeAt(start) * 7 + text.charCodeAt(start + (length >> 1)) * 3 + text.charCodeAt(end - 1)) &
    (SEEN_SLOTS - 1)
  );
}

/** `string` fields left out of the rows: the text is checked as a kept one would be, not copied. */
export class StringChecker implements TextCoercer {
  /** The last text a span was read from, and where its first � is (-1: none). */
  private text = '';
  private firstBad = -1;

  fromText(text: string): Cell | CoercionFailure {
    return text.includes('\uFFFD') ? badEncoding() : text;
  }

  /** Any non-empty value (it is not kept), when the text holds no � at all or none before `end`. */
  fromSpan(text: string, _start: number, end: number): Cell | undefined {
    if (text !== this.text) {
      this.text = text;
      this.firstBad = text.indexOf('\uFFFD');
    }
    return this.firstBad === -1 || this.firstBad >= end ? KEPT_OUT : undefined;
  }
}

/** What a field left out of the rows resolves to when its text is fine: not empty, never stored. */
const KEPT_OUT = 'kept out';

function badEncoding(): CoercionFailure {
  return new CoercionFailure(
    'data.bad-encoding',
    'The value holds bytes that are not UTF-8 (shown as �).',
    'Export the file as UTF-8.',
  );
}

/**
 * A copy of a cell's text that does not share memory with the chunk it was cut from.
 * V8 substrings of 13 characters or more point into their parent, so one kept value
 * would keep a whole chunk of the file alive, and every row together the whole file.
 */
export function ownCopy(text: string): string {
  if (text.length < 13) return text;
  // Wrapping in quotes and parsing copies once instead of twice. Without a backslash the
  // text reads back exactly; a quote or control character makes it invalid JSON (it throws),
  // and those, like backslashes, take the escaping round trip.
  if (!text.includes('\\') && !text.includes('"')) {
    try {
      return JSON.parse(`"${text}"`) as string;
    } catch {
      // a control character: escaped below
    }
  }
  return JSON.parse(JSON.stringify(text)) as string;
}

/** `boolean` fields: `true`/`false` and the mapping's `trueValues`/`falseValues`, compared without case. */
export class BooleanCoercer implements TextCoercer {
  private readonly trueValues: Set<string>;
  private readonly falseValues: Set<string>;

  constructor(source: FieldSource | undefined) {
    this.trueValues = new Set(['true', ...(source?.trueValues ?? []).map((v) => v.trim().toLowerCase())]);
    this.falseValues = new Set(['false', ...(source?.falseValues ?? []).map((v) => v.trim().toLowerCase())]);
    for (const value of this.trueValues) {
      if (this.falseValues.has(value)) throw new Error(`\`${value}\` is listed both as true and as false`);
    }
  }

  /** What an empty cell means: missing, unless `""` is listed as true or false. */
  get emptyValue(): Cell {
    return this.trueValues.has('') ? true : this.falseValues.has('') ? false : null;
  }

  fromSpan(text: string, start: number, end: number): Cell | undefined {
    const length = end - start;
    if (length === 4 && text.startsWith('true', start)) return true;
    if (length === 5 && text.startsWith('false', start)) return false;
    return undefined;
  }

  fromText(text: string): Cell | CoercionFailure {
    // `true` is always true and `false` always false (listing either the other way is refused).
    if (text === 'true') return true;
    if (text === 'false') return false;
    const value = text.toLowerCase();
    if (this.trueValues.has(value)) return true;
    if (this.falseValues.has(value)) return false;
    const accepted = [...this.trueValues, ...this.falseValues].filter((v) => v !== '').map((v) => `\`${v}\``);
    return new CoercionFailure(
      'data.bad-boolean',
      `\`${text}\` is not a yes/no value (accepted: ${accepted.join(', ')}).`,
      'List other spellings under `trueValues` or `falseValues` in the mapping.',
    );
  }
}

/**
 * The coercer of a field type, configured by its mapping; `dayZone` is the reporting time
 * zone, whose days a date without a time names. Throws a message when the mapping is unusable.
 */
export function createCoercer(
  type: FieldType,
  source: FieldSource | undefined,
  specTimeZone: string | undefined,
  recent?: RecentCopies,
  dayZone?: string,
): TextCoercer {
  switch (type) {
    case 'string':
      return new StringCoercer(recent);
    case 'integer':
    case 'decimal':
    case 'number':
      return new NumberCoercer(type, readNumberFormat(source));
    case 'boolean':
      return new BooleanCoercer(source);
    case 'date':
      return new DateCoercer(source?.format);
    case 'datetime': {
      const coercer = new DateTimeCoercer(
        source?.format,
        readZone(source?.timeZone ?? specTimeZone),
        readZone(dayZone),
      );
      if (coercer.needsZone)
        throw new Error(`the format \`${source?.format ?? ''}\` has no offset and no time zone is declared`);
      return coercer;
    }
  }
}

/** Digits a JSON number keeps exactly (IEEE doubles hold any 15 significant digits). */
const EXACT_DIGITS = 15;

function significantDigits(text: string): number {
  const mantissa = text
    .replace(/[eE].*$/, '')
    .replace(/[-+.]/g, '')
    .replace(/^0+/, '');
  return mantissa.replace(/0+$/, '').length;
}

/** A value from a JSON record that is not a string. */
export function coerceJsonValue(value: unknown, type: FieldType, coercer: TextCoercer): Cell | CoercionFailure {
  if (typeof value === 'number') {
    if (type === 'integer') {
      return Number.isSafeInteger(value)
        ? value
        : new CoercionFailure('data.bad-number', `\`${value}\` is not a whole number that can be held exactly.`);
    }
    if (type === 'number') return value;
    const text = String(value);
    if (!Number.isSafeInteger(value) && (significantDigits(text) > EXACT_DIGITS || /e/i.test(text))) {
      return new CoercionFailure(
        'data.bad-number',
        `\`${text}\` was written as a JSON number with more digits than one can hold exactly.`,
        'Write exact values (ids, money) as JSON strings.',
      );
    }
    return coercer.fromText(text);
  }
  if (typeof value === 'boolean') return type === 'boolean' ? value : coercer.fromText(String(value));
  const what = Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
  return new CoercionFailure(
    'data.bad-value',
    `A ${type} value cannot be ${what}.`,
    'Map nested values with `derive` (e.g. `{var: "attributes.type"}`).',
  );
}
