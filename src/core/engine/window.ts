import { DateTime } from 'luxon';
import type { PipelineData, Row } from '../data/types.js';
import { canonicalModel } from '../model/canonical.js';
import type { EntityName } from '../model/canonical.js';
import type { Policy } from '../policy/types.js';
import { goalPeriodOf } from './goal.js';
import { EvaluationInputError } from '../errors.js';

/**
 * The longest window an evaluation accepts, in calendar years. Periods, SLA timelines and
 * payout periods are listed over the window, so its span (not the rows) would otherwise set
 * the cost: one row dated in year 2526 made a weekly series of five centuries.
 */
export const MAX_WINDOW_YEARS = 10;

/** Where a window bound comes from, for the message that refuses it. */
export type BoundSource =
  | { kind: 'option'; option: '--from' | '--as-of' }
  | { kind: 'goal'; name: string }
  | { kind: 'data'; entity: EntityName; field: string; id?: string };

/** A window start (or as-of) and where it comes from. */
export interface WindowBound {
  at: number;
  source: BoundSource;
}

/** Thrown when the window is longer than `MAX_WINDOW_YEARS`; carries both bounds and their sources. */
export class WindowSpanError extends EvaluationInputError {
  constructor(
    readonly start: WindowBound,
    readonly end: WindowBound,
  ) {
    super(
      `The window from ${isoOf(start.at)} (${describeSource(start.source)}) to ${isoOf(end.at)} (${describeSource(end.source)}) ` +
        `spans more than ${MAX_WINDOW_YEARS} years, the longest an evaluation accepts; pass --from and --as-of to choose a shorter window` +
        (start.source.kind === 'data' || end.source.kind === 'data'
          ? ', or correct the out-of-range date in the data.'
          : '.'),
    );
    this.name = 'WindowSpanError';
  }
}

function isoOf(t: number): string {
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? String(t) : d.toISOString();
}

function describeSource(source: BoundSource): string {
  switch (source.kind) {
    case 'option':
      return source.option;
    case 'goal':
      return `the period of RevenueGoal ${JSON.stringify(source.name)}`;
    case 'data':
      return `${source.field === '*' ? 'the latest date-time' : `the earliest ${source.field}`} of ${source.entity}${source.id === undefined ? '' : ` (id ${JSON.stringify(source.id)})`}`;
  }
}

/** The entity whose latest date-time is `latest` (the default as-of). */
export function latestSource(data: PipelineData, latest: number): BoundSource {
  const known = data.latestTimestamps;
  if (known !== undefined) {
    for (const [entity, value] of Object.entries(known) as [EntityName, number][])
      if (value === latest) return { kind: 'data', entity, field: '*' };
  }
  // Not noted by the loader: the row entities hold it, else the activities.
  for (const entity of ['leads', 'opportunities', 'stage_events'] as const) {
    const fields = Object.keys(canonicalModel[entity]).filter((f) => canonicalModel[entity][f]?.type === 'datetime');
    if (data[entity].some((row) => fields.some((f) => row[f] === latest))) return { kind: 'data', entity, field: '*' };
  }
  return { kind: 'data', entity: 'activities', field: '*' };
}

/**
 * The default window start: the goal period's start when it has begun, else the start of
 * the day of the earliest lead or opportunity (`created_at`), else the as-of day.
 */
export function findDefaultStart(
  goal: Policy<'RevenueGoal'> | undefined,
  data: PipelineData,
  asOf: WindowBound,
  timeZone: string,
): WindowBound {
  if (goal !== undefined) {
    const period = goalPeriodOf(goal, timeZone);
    if (period.start < asOf.at) return { at: period.start, source: { kind: 'goal', name: goal.metadata.name } };
  }
  let earliest = asOf.at;
  let source = asOf.source;
  for (const entity of ['leads', 'opportunities'] as const) {
    const rows = data[entity];
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as Row;
      const t = row.created_at;
      if (typeof t === 'number' && t < earliest) {
        earliest = t;
        source = { kind: 'data', entity, field: 'created_at', ...(typeof row.id === 'string' ? { id: row.id } : {}) };
      }
    }
  }
  return { at: DateTime.fromMillis(earliest, { zone: timeZone }).startOf('day').toMillis(), source };
}

/** Throws `WindowSpanError` when `[start, end]` spans more than `MAX_WINDOW_YEARS` calendar years. */
export function checkWindowSpan(start: WindowBound, end: WindowBound): void {
  if (!(end.at > start.at)) return;
  // Calendar years in UTC (a day's slack either way does not matter for a cost bound).
  const limit = DateTime.fromMillis(start.at, { zone: 'utc' }).plus({ years: MAX_WINDOW_YEARS });
  if (!limit.isValid || end.at > limit.toMillis()) throw new WindowSpanError(start, end);
}
