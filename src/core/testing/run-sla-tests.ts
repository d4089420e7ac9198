import type { BusinessCalendar } from '../logic/compile.js';
import { HOUR_MS, SLA_FLAG, SLA_STATUS, measureSlaRows } from '../engine/sla/index.js';
import type { SlaItems, SlaRowOutcomes } from '../engine/sla/index.js';
import type { EngineContext } from '../engine/context.js';
import type { Policy, PolicySet, SlaPolicyTestSpec } from '../policy/types.js';
import { listDeclaredFields } from '../policy/custom-fields.js';
import { compareExpected, failWithError, startCase, toInstant, toRow } from './case-result.js';
import type { TestCaseResult } from './case-result.js';
import type { OutcomeLedger } from './outcome-coverage.js';

/** What a HandoffSla made of one test case. */
export interface SlaCaseOutcome {
  /**
   * `met`, `breached`, `pending`, `untargeted`, or `ineligible` / `invalidOrder` when the clock
   * times do not allow a decision.
   */
  status: keyof typeof SLA_STATUS;
  /** Id of the target that applies; null for none. */
  target: string | null;
  /** Business hours from `from` to `to`, or to as-of while open; null when not measured. */
  responseHours: number | null;
}

const statusNames = Object.fromEntries(Object.entries(SLA_STATUS).map(([name, code]) => [code, name])) as Record<
  number,
  SlaCaseOutcome['status']
>;

type RecordOutcome = (path: (string | number)[], isTrue: boolean) => void;

/**
 * The decisions the SLA took on the one row of a case: its target met or breached (a pending
 * row is neither yet), each escalation step reached or not by the wait (as `measureSla` counts
 * them), and the recycle rule applied or not to an open row.
 */
function recordOutcomes(outcomes: SlaRowOutcomes, record: RecordOutcome): void {
  const status = outcomes.status[0];
  const k = outcomes.target[0] ?? -1;
  if (k >= 0 && (status === SLA_STATUS.met || status === SLA_STATUS.breached))
    record(['spec', 'targets', k], status === SLA_STATUS.met);
  const wait = outcomes.waitMs[0] ?? NaN;
  if (Number.isNaN(wait)) return;
  outcomes.thresholds.escalationMs.forEach((after, s) => record(['spec', 'escalation', s], wait >= after));
  const flags = outcomes.flags[0] ?? 0;
  if (outcomes.thresholds.recycleMs !== undefined && (flags & SLA_FLAG.stopped) === 0)
    record(['spec', 'recycle'], (flags & SLA_FLAG.recycled) !== 0);
}

/** Runs one case through `measureSlaRows` as a one-row data set. */
function measureCase(
  sla: Policy<'HandoffSla'>,
  c: SlaPolicyTestSpec['cases'][number],
  ctx: EngineContext,
  record: RecordOutcome,
  declared: ReturnType<typeof listDeclaredFields>,
): SlaCaseOutcome {
  const entity = c.opportunity !== undefined ? 'opportunity' : 'lead';
  const row =
    entity === 'opportunity'
      ? toRow('opportunities', c.opportunity ?? {}, declared.get('opportunities'))
      : toRow('leads', c.lead ?? {}, declared.get('leads'));
  const items: SlaItems = {
    entity,
    rows: [row],
    from: Float64Array.of(toInstant(c.from)),
    to: Float64Array.of(c.to === undefined ? NaN : toInstant(c.to)),
    ownerOf: () => null,
  };
  const outcomes = measureSlaRows(sla, items, ctx);
  const first = outcomes.ruleErrors.first;
  if (first !== null) throw new Error(`a target's \`when\` failed: ${first.message}`);
  recordOutcomes(outcomes, record);
  const k = outcomes.target[0] ?? -1;
  const wait = outcomes.waitMs[0] ?? NaN;
  return {
    status: statusNames[outcomes.status[0] ?? 0] ?? 'ineligible',
    target: sla.spec.targets[k]?.id ?? null,
    responseHours: Number.isNaN(wait) ? null : Math.round((wait / HOUR_MS) * 1e6) / 1e6,
  };
}

/** Runs the cases of a PolicyTest of a HandoffSla; a case starting after `asOf` is ineligible. */
export function runSlaTests(
  set: PolicySet,
  test: Policy<'PolicyTest'> & { spec: SlaPolicyTestSpec },
  calendars: ReadonlyMap<string, BusinessCalendar>,
  ledger: OutcomeLedger,
): TestCaseResult<SlaCaseOutcome>[] {
  const { spec } = test;
  const sla = set.HandoffSla.find((s) => s.metadata.name === spec.handoffSla);
  const record: RecordOutcome = (path, isTrue) => ledger.record('HandoffSla', spec.handoffSla, path, isTrue);
  const asOf = toInstant(spec.asOf);
  const declared = listDeclaredFields(set.FieldMapping);
  const timeZone = set.Calendar.find((c) => c.metadata.name === sla?.spec.calendar)?.spec.timeZone ?? 'UTC';
  // Every clock that starts by as-of is in the window.
  const ctx: EngineContext = {
    asOf,
    window: { start: -8.64e15, end: asOf + 1 },
    timeZone,
    calendars,
    users: new Map(),
  };
  return spec.cases.map((c, i) => {
    const result = startCase<SlaCaseOutcome>(test, c.name, i);
    if (sla === undefined) {
      result.status = 'error';
      result.error = `HandoffSla \`${spec.handoffSla}\` does not exist.`;
      return result;
    }
    ledger.countCase('HandoffSla', spec.handoffSla);
    try {
      const actual = measureCase(sla, c, ctx, record, declared);
      result.actual = actual;
      compareExpected('status', c.expect.status, actual.status, result.diffs);
      compareExpected('target', c.expect.target, actual.target, result.diffs);
      compareExpected('responseHours', c.expect.responseHours, actual.responseHours, result.diffs);
      if (result.diffs.length > 0) result.status = 'failed';
    } catch (error) {
      failWithError(result, error);
    }
    return result;
  });
}
