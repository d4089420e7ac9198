import type { Row } from '../data/types.js';
import type { BusinessCalendar } from '../logic/compile.js';

/** A span of time `[start, end)` in epoch milliseconds. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** What every engine section is computed against: one as-of moment, one window, one clock. */
export interface EngineContext {
  /** Epoch ms of the run's as-of moment; later timestamps do not exist for the run. */
  asOf: number;
  /** The evaluated window: from its start up to and including the as-of moment (`end` = as-of + 1 ms). */
  window: TimeWindow;
  /** IANA time zone in which weeks, months and quarters begin. */
  timeZone: string;
  /** Calendars by policy name. */
  calendars: ReadonlyMap<string, BusinessCalendar>;
  /** Users by id. */
  users: ReadonlyMap<string, Row>;
}
