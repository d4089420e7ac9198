import { DateTime, FixedOffsetZone, IANAZone } from 'luxon';
import type { DateObjectUnits, Zone } from 'luxon';
import { isFastPath } from '../fast-path.js';
import { CoercionFailure } from './coerce-failure.js';
import type { Cell, TextCoercer } from './coerce-failure.js';
import { plainUtcMillis } from './plain-utc.js';

type FormatParser = ReturnType<typeof DateTime.buildFormatParser>;

const LOCALE = { locale: 'en-US' } as const;
const UTC = FixedOffsetZone.utcInstance;
/**
 * The ISO 8601 forms exports use (`2024-03-01T09:30:00.000Z`, `…+01:00`, `…+0100`, no
 * offset). The pattern only splits the text; luxon checks the calendar and places the
 * time in its zone. luxon's own ISO parser handles every other ISO form, but it is kept
 * off the hot path: it is several times slower and leaves garbage that survives into
 * V8's old generation, which over a million rows costs hundreds of megabytes.
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([zZ]|[+-]\d{2}(?::?\d{2})?)?$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The time part of another ISO 8601 string ends with `Z` or an offset. */
const ISO_OFFSET = /(?:[zZ]|[+-]\d{2}(?::?\d{2})?)$/;
/** A luxon format with an offset or zone token (`Z`, `ZZ`, `ZZZ`, `z`) outside quoted literals. */
const hasZoneToken = (format: string): boolean => /[Zz]/.test(format.replace(/'[^']*'/g, ''));
/**
 * A luxon format that reads a calendar day only: no token of a time of day, an epoch or a
 * zone (hours, minutes, seconds, fractions, meridiem, `X`/`x`, the `t`/`T`/`f`/`F` macros).
 */
export const isDateOnlyFormat = (format: string): boolean => !/[HhmsSuaXxTtFfZz]/.test(format.replace(/'[^']*'/g, ''));

/** Zones of the offsets seen (`Z`, `+01:00`, …), read by luxon once each. */
const offsetZones = new Map<string, Zone | null>();

function zoneOfOffset(offset: string): Zone | null {
  if (offset === 'Z' || offset === 'z') return UTC;
  let zone = offsetZones.get(offset);
  if (zone === undefined) {
    const withColon = offset.length === 5 ? `${offset.slice(0, 3)}:${offset.slice(3)}` : offset;
    zone = FixedOffsetZone.parseSpecifier(`UTC${withColon}`);
    // Real offsets lie within ±18:00; a larger one is a typo, not a place.
    if (zone !== null && Math.abs(zone.offset(0)) > 18 * 60) zone = null;
    if (offsetZones.size < 1000) offsetZones.set(offset, zone);
  }
  return zone;
}

/** Resolves an IANA zone name (already checked by `validate`); throws a message when unknown. */
export function readZone(name: string | undefined): Zone | undefined {
  if (name === undefined) return undefined;
  if (name === 'UTC' || name === 'utc') return UTC;
  const zone = IANAZone.create(name);
  if (!zone.isValid) throw new Error(`\`${name}\` is not an IANA time zone`);
  return zone;
}

/**
 * The first instant of a calendar day in `zone`, as epoch ms: local midnight, or, where the
 * clocks skip midnight (daylight saving at 00:00, e.g. 2017-10-15 in America/Sao_Paulo),
 * the first instant that exists that day (01:00). It is the instant the engine's days,
 * periods and goal periods start at in that zone (luxon's start of the day).
 */
export function startOfDayIn(year: number, month: number, day: number, zone: Zone): number {
  return DateTime.fromObject({ year, month, day }, { zone }).toMillis();
}

/** Days already placed in the reporting zone, by text; a file repeats few distinct days. */
class DayStarts {
  private readonly starts = new Map<string, number>();

  constructor(readonly zone: Zone) {}

  /** The first instant of the day `YYYY-MM-DD` (checked to be a real day), or undefined. */
  ofIsoDate(text: string): number | undefined {
    let ms = this.starts.get(text);
    if (ms !== undefined) return ms;
    const m = ISO_DATE.exec(text);
    if (m === null) return undefined;
    const wall = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: UTC });
    if (!wall.isValid) return undefined;
    ms = startOfDayIn(wall.year, wall.month, wall.day, this.zone);
    if (this.starts.size < 20_000) this.starts.set(text, ms);
    return ms;
  }
}

function explain(dt: DateTime): string {
  return dt.isValid ? '' : ` (${dt.invalidExplanation ?? dt.invalidReason ?? 'invalid'})`;
}

/** `date` fields: a real calendar day as `YYYY-MM-DD`, read strictly in the declared format (default `yyyy-MM-dd`). */
export class DateCoercer implements TextCoercer {
  private readonly parser: FormatParser | undefined;

  constructor(private readonly format: string | undefined) {
    this.parser = format === undefined ? undefined : DateTime.buildFormatParser(format, LOCALE);
  }

  fromText(text: string): Cell | CoercionFailure {
    let dt: DateTime;
    if (this.parser === undefined) {
      const m = ISO_DATE.exec(text);
      if (m === null) return this.invalid(text, undefined);
      dt = DateTime.fromObject({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }, { zone: UTC });
      return dt.isValid ? text : this.invalid(text, dt);
    }
    dt = DateTime.fromFormatParser(text, this.parser, { zone: UTC, ...LOCALE });
    return dt.isValid ? dt.toISODate() : this.invalid(text, dt);
  }

  private invalid(text: string, dt: DateTime | undefined): CoercionFailure {
    const format = this.format ?? 'yyyy-MM-dd';
    return new CoercionFailure(
      'data.bad-date',
      `\`${text}\` is not a real date in the format \`${format}\`${dt === undefined ? '' : explain(dt)}.`,
      this.format === undefined
        ? "Declare the column's `format` (luxon tokens, e.g. `MM/dd/yyyy`) if it is not `yyyy-MM-dd`."
        : undefined,
    );
  }
}

/**
 * `datetime` fields: epoch milliseconds. ISO 8601 with `Z` or an offset is read as it is;
 * a local date-time needs a declared time zone, and a wall-clock time that the zone skips
 * (a daylight-saving gap) is an error rather than being moved. Milliseconds are the
 * resolution: further fraction digits are dropped.
 *
 * A date without a time (`2017-03-01`, or any value of a format with no time tokens) is a
 * calendar day of the reporting time zone (`dayZone`), whatever zone the field declares
 * for times: it becomes the first instant of that day there (see `startOfDayIn`), so it
 * falls in the same day, period and goal period as the engine's own days.
 */
export class DateTimeCoercer implements TextCoercer {
  private readonly parser: FormatParser | undefined;
  private readonly isFormatZoned: boolean;
  private readonly days: DayStarts;
  /** The declared format reads days only. */
  private readonly isFormatDateOnly: boolean;
  /** `fromText` reads plain forms the fast way (see `fast-path.ts`); otherwise every text takes `fromTextGeneral`. */
  private readonly isFast = isFastPath();

  constructor(
    private readonly format: string | undefined,
    private readonly zone: Zone | undefined,
    dayZone: Zone = UTC,
  ) {
    this.parser = format === undefined ? undefined : DateTime.buildFormatParser(format, LOCALE);
    this.isFormatZoned = format !== undefined && hasZoneToken(format);
    this.isFormatDateOnly = format !== undefined && isDateOnlyFormat(format);
    this.days = new DayStarts(dayZone);
  }

  /** Without a declared format the plain UTC form is read by `plainUtcMillis` (see `fromSpan`). */
  get readsPlainUtc(): boolean {
    return this.parser === undefined;
  }

  /** A format of times without offset needs a zone; checked once per file rather than on every row. */
  get needsZone(): boolean {
    return this.format !== undefined && !this.isFormatZoned && !this.isFormatDateOnly && this.zone === undefined;
  }

  fromText(text: string): Cell | CoercionFailure {
    if (this.parser !== undefined) return this.fromFormat(text, this.parser);
    if (!this.isFast) return this.fromTextGeneral(text);
    const utc = plainUtcMillis(text);
    return utc >= 0 ? utc : this.fromTextGeneral(text);
  }

  fromSpan(text: string, start: number, end: number): Cell | undefined {
    if (this.parser !== undefined) return undefined;
    if (end - start === 10) return this.days.ofIsoDate(text.substring(start, end));
    const utc = plainUtcMillis(text, start, end);
    return utc >= 0 ? utc : undefined;
  }

  /** Every form the column accepts; `fromText` takes plain UTC ISO date-times a faster way, with the same results. */
  fromTextGeneral(text: string): Cell | CoercionFailure {
    if (this.parser !== undefined) return this.fromFormat(text, this.parser);
    const m = ISO_DATE_TIME.exec(text);
    if (m === null)
      return ISO_DATE.test(text)
        ? (this.days.ofIsoDate(text) ?? this.invalid(text, DateTime.fromISO(text, { zone: UTC })))
        : this.fromOtherIso(text);
    const fraction = m[7];
    const parts: DateObjectUnits = {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4]),
      minute: Number(m[5]),
      second: m[6] === undefined ? 0 : Number(m[6]),
      millisecond: fraction === undefined ? 0 : Number(`${fraction}00`.slice(0, 3)),
    };
    const offset = m[8];
    const zone = offset === undefined ? this.zone : zoneOfOffset(offset);
    if (zone === undefined) return this.noZone(text);
    if (zone === null)
      return new CoercionFailure('data.bad-datetime', `\`${text}\` has an offset that is out of range.`);
    const dt = DateTime.fromObject(parts, { zone });
    if (!dt.isValid) return this.invalid(text, dt);
    if (offset !== undefined || zone.isUniversal) return dt.toMillis();
    return this.checkWallClock(text, dt, parts.day!, parts.hour!, parts.minute!);
  }

  /** ISO 8601 forms outside the common profile (week dates, basic format, …), read by luxon. */
  private fromOtherIso(text: string): Cell | CoercionFailure {
    const t = text.indexOf('T');
    if (t > 0 && ISO_OFFSET.test(text.slice(t + 1))) {
      const dt = DateTime.fromISO(text, { zone: UTC });
      return dt.isValid ? dt.toMillis() : this.invalid(text, dt);
    }
    const wall = DateTime.fromISO(text, { zone: UTC });
    if (!wall.isValid) return this.invalid(text, wall);
    if (this.zone === undefined) return this.noZone(text);
    const dt = DateTime.fromISO(text, { zone: this.zone });
    return this.checkWallClock(text, dt, wall.day, wall.hour, wall.minute);
  }

  private fromFormat(text: string, parser: FormatParser): Cell | CoercionFailure {
    if (this.isFormatDateOnly) {
      const day = DateTime.fromFormatParser(text, parser, { zone: UTC, ...LOCALE });
      return day.isValid ? startOfDayIn(day.year, day.month, day.day, this.days.zone) : this.invalid(text, day);
    }
    if (this.isFormatZoned || this.zone === undefined || this.zone.isUniversal) {
      const dt = DateTime.fromFormatParser(text, parser, { zone: this.zone ?? UTC, ...LOCALE });
      return dt.isValid ? dt.toMillis() : this.invalid(text, dt);
    }
    // Read the wall-clock time once, then let luxon place it in the zone: one text parse, not two.
    const wall = DateTime.fromFormatParser(text, parser, { zone: UTC, ...LOCALE });
    if (!wall.isValid) return this.invalid(text, wall);
    const { year, month, day, hour, minute, second, millisecond } = wall;
    const dt = DateTime.fromObject({ year, month, day, hour, minute, second, millisecond }, { zone: this.zone });
    return this.checkWallClock(text, dt, day, hour, minute);
  }

  /** The zone moved the wall-clock time: it does not exist there (the clocks jumped over it). */
  private checkWallClock(
    text: string,
    dt: DateTime,
    day: number,
    hour: number,
    minute: number,
  ): Cell | CoercionFailure {
    if (dt.day === day && dt.hour === hour && dt.minute === minute) return dt.toMillis();
    return new CoercionFailure(
      'data.bad-datetime',
      `\`${text}\` does not exist in ${this.zone?.name ?? 'the time zone'}: the clocks skip that time (daylight saving).`,
    );
  }

  private noZone(text: string): CoercionFailure {
    return new CoercionFailure(
      'data.bad-datetime',
      `\`${text}\` has no UTC offset and the mapping declares no time zone.`,
      'Export with an offset (`2024-03-01T09:30:00Z`), or declare `timeZone` on the field or the mapping.',
    );
  }

  private invalid(text: string, dt: DateTime): CoercionFailure {
    const what = this.format === undefined ? 'an ISO 8601 date-time' : `a date-time in the format \`${this.format}\``;
    return new CoercionFailure(
      'data.bad-datetime',
      `\`${text}\` is not ${what}${explain(dt)}.`,
      this.format === undefined
        ? "Declare the column's `format` (luxon tokens, e.g. `yyyy-MM-dd HH:mm`) if it is not ISO 8601."
        : undefined,
    );
  }
}
