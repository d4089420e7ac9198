import { dedupeWarnings } from '../report/warnings.js';
import type { EngineWarning } from '../report/warnings.js';
import type { Issue } from '../issue.js';
import { listReportPolicies } from '../report/policy-listing.js';
import { explainNoTimestamp } from './as-of.js';
import type { PipelineData, Row } from '../data/types.js';
import type { BusinessCalendar } from '../logic/compile.js';
import type { Policy, PolicySet } from '../policy/types.js';
import { REPORT_SCHEMA_VERSION } from '../report/index.js';
import type { Report, ReportStamp } from '../report/index.js';
import type { SlaResult } from '../report/sla.js';
import type { ActivityIndex } from './activity-index.js';
import { summariseClasses } from './classification.js';
import { indexCredit } from './comp/credit.js';
import { measureCac } from './cac.js';
import type { CacSection } from '../report/cac.js';
import type { AttributionSection } from '../report/attribution.js';
import { computeComp } from './comp/index.js';
import type { Decimal } from './comp/money.js';
import { findCapacities, measureConstraint, measureStageMetric, meetsTarget } from './constraint.js';
import type { EngineContext, TimeWindow } from './context.js';
import { listWonAmounts, measureDeals } from './deals.js';
import { resolveEvents } from './events.js';
import type { EventTimes, QualifiedEvent } from './events.js';
import { measureFunnel } from './funnel.js';
import { measureGoal, measureGoalAttainment } from './goal.js';
import { EvaluationInputError } from '../errors.js';
import { endRunBudget, LOGIC_MAX_RUN_STEPS, LOGIC_RUN_STEPS_PER_ROW, startRunBudget } from '../logic/budget.js';
import { RuleCostError } from '../logic/errors.js';
import { listPeriods } from './periods.js';
import type { Period } from './periods.js';
import { checkWindowSpan, findDefaultStart, latestSource } from './window.js';
import type { WindowBound } from './window.js';
import { classifyLeads, ERROR_CLASS } from './replay-classes.js';
import type { LeadClasses } from './replay-classes.js';
import { activityIndexFor, earliestPerLead } from './prepared-data.js';
import type { PreparedData } from './prepared-data.js';
import { measureSla, measureSlaRows, tallySlaByPeriod } from './sla/index.js';
import type { SlaRowOutcomes } from './sla/index.js';
import { projectCompliance } from './sla-projection.js';
import { trackStages } from './stages.js';
import type { StageTrack } from './stages.js';
import { round } from './stats.js';
import { reportingTimeZone } from './time-zone.js';
import { measureHistorySections } from './history-sections.js';
import { findSourcing } from './sourcing.js';

const WEEK_MS = 604_800_000;

export { prepareData } from './prepared-data.js';
export type { PreparedData } from './prepared-data.js';

export interface EvaluateOptions {
  /** Epoch ms; default the latest timestamp in the data. */
  asOf?: number;
  /** Start of the window (epoch ms); default the goal period's start, else the earliest record. */
  from?: number;
  periodUnit?: 'week' | 'month';
  /** IANA zone for periods; default the reporting Calendar's (`reportingTimeZone`), else UTC. */
  timeZone?: string;
  calendars: ReadonlyMap<string, BusinessCalendar>;
  stamp: Pick<ReportStamp, 'engineVersion' | 'policyHash' | 'dataHash'> & { generatedAt?: string };
  /** What validating the policies found: its warnings go into the report's `policies` section. */
  policyIssues?: readonly Issue[];
  /** Called as each step starts (`done` of `total` steps finished), for a progress bar. */
  onStep?: (step: EvaluationStep, done: number, total: number) => void;
  /** Most JSON Logic steps the rules may take over all rows (default: see `budget.ts`; lower in tests). */
  maxRuleSteps?: number;
  /**
   * The policies that price a head for comp's `blended_cac` (default: the evaluated set). An impact
   * passes the base's to the head: a head must not reprice its own heads to move a payout.
   */
  costSet?: PolicySet;
}

/** The steps of an evaluation, in order. */
export const evaluationSteps = ['classify', 'events', 'slas', 'deals', 'comp', 'report'] as const;
export type EvaluationStep = (typeof evaluationSteps)[number];

export { EvaluationInputError } from '../errors.js';

/**
 * Evaluates a policy set against pipeline data in one pass per section: lead classes, funnel,
 * constraint, SLAs, comp, deals and the goal, as of one moment. Pure: everything it needs
 * comes in, the Report goes out.
 */
export function evaluatePipeline(set: PolicySet, prepared: PreparedData, options: EvaluateOptions): Report {
  return evaluateWithState(set, prepared, options).report;
}

/** An evaluation with the per-lead state an impact comparison needs besides the Report. */
export interface Evaluation {
  report: Report;
  /** Every lead's class, when there is a lead definition. */
  classes: LeadClasses | undefined;
  /** Every stage's entries, exits and advances per item (empty without a funnel), for the impact projection. */
  tracks: readonly StageTrack[];
  /** Row of each opportunity's lead (−1 for none). */
  leadOfOpportunity: Int32Array;
  /** Amounts of the deals won by as-of that carry one: the projection's deal-size sample. */
  wonAmounts: readonly string[];
  /**
   * The SLA's compliance if every observed wait were `factor` times as long: met when the
   * scaled wait of a stopped item is within its target; open breached and recycled items
   * stay breached; pending items stay undecided. Null for an unknown SLA or none decided.
   */
  projectSlaCompliance(name: string, factor: number): number | null;
  /**
   * The shared goal's attainment over [start, end), counted to as-of, against the target prorated
   * to the span (what comp's `goal_attainment` pays on); null without a goal or when unknown.
   */
  goalAttainment(start: number, end: number): Decimal | null;
  /** CAC with the sales teams' cost per head read from `costSet` (an impact prices both sides with the base's). */
  measureCac(costSet: PolicySet): CacSection;
  /** What the impact's attribution re-counts under each side's lead definition: the data, window and sourcing. */
  attributionInput: { data: PipelineData; window: TimeWindow; sourcing: AttributionSection['sourcing'] };
}

/** `evaluatePipeline`, also returning every lead's class. */
export function evaluateWithState(set: PolicySet, prepared: PreparedData, options: EvaluateOptions): Evaluation {
  const rows = prepared.data.leads.length + prepared.data.opportunities.length + prepared.data.activities.length;
  startRunBudget(options.maxRuleSteps ?? LOGIC_MAX_RUN_STEPS + LOGIC_RUN_STEPS_PER_ROW * rows);
  let evaluation: Evaluation;
  try {
    evaluation = evaluateOnce(set, prepared, options);
  } catch (error) {
    const overrun = endRunBudget();
    throw overrun === undefined ? error : new RuleCostError(overrun);
  }
  // Rows past the budget failed their rules; a report built on them would be wrong, not partial.
  const overrun = endRunBudget();
  if (overrun !== undefined) throw new RuleCostError(overrun);
  return evaluation;
}

/** One evaluation, within the rules' budget `evaluateWithState` keeps. */
function evaluateOnce(set: PolicySet, prepared: PreparedData, options: EvaluateOptions): Evaluation {
  const { data } = prepared;
  const asOf = options.asOf ?? prepared.latest;
  if (asOf === undefined) throw new EvaluationInputError(explainNoTimestamp(data));
  const timeZone = reportingTimeZone(set, options.timeZone);
  const goal = set.RevenueGoal[0];
  const end: WindowBound = {
    at: asOf,
    source: options.asOf === undefined ? latestSource(data, asOf) : { kind: 'option', option: '--as-of' },
  };
  const startBound =
    options.from === undefined
      ? findDefaultStart(goal, data, end, timeZone)
      : { at: options.from, source: { kind: 'option', option: '--from' } as const };
  checkWindowSpan(startBound, end);
  const start = startBound.at;
  // The window includes the as-of instant itself: the latest record (the default as-of) counts.
  const ctx: EngineContext = {
    asOf,
    window: { start, end: asOf + 1 },
    timeZone,
    calendars: options.calendars,
    users: prepared.users,
  };
  const periodUnit = options.periodUnit ?? 'week';
  const warnings: EngineWarning[] = [];

  const step = (name: EvaluationStep): void =>
    options.onStep?.(name, evaluationSteps.indexOf(name), evaluationSteps.length);
  const funnelPolicy = set.Funnel[0];
  let classes: LeadClasses | undefined;
  let tracks: StageTrack[] = [];
  let events = new Map<string, EventTimes>();
  let qualification = new Map<string, { modelled: number; notQualified: number }>();
  if (funnelPolicy !== undefined) {
    const funnel = funnelPolicy.spec;
    const stageOrder = new Map(funnel.stages.map((s, i) => [s.id, i]));
    const definition =
      set.LeadDefinition.find((d) => d.spec.funnel === funnelPolicy.metadata.name) ?? set.LeadDefinition[0];
    const qualified = new Map<string, QualifiedEvent>();
    if (definition !== undefined) {
      step('classify');
      classes = classifyLeads(definition, stageOrder, data.leads, { asOf, calendars: options.calendars });
      for (const stageId of new Set(classes.stageOfClass.values())) {
        const stage = funnel.stages.find((s) => s.id === stageId);
        if (stage !== undefined) qualified.set(stage.entry, { stageOrder: stageOrder.get(stageId) ?? 0, classes });
      }
      if (classes.errorCount > 0)
        warnings.push({
          code: 'classify.rule-failed',
          count: classes.errorCount,
          firstError: classes.errors[0]?.message ?? null,
          countedAs: ERROR_CLASS,
        });
    }
    const activityIndex: { lead?: ActivityIndex; opportunity?: ActivityIndex } = {};
    for (const event of funnel.events)
      if (event.activity !== undefined) activityIndex[event.entity] = activityIndexFor(prepared, event.entity);
    step('events');
    ({ events, qualification } = resolveEvents(
      { funnel, leads: data.leads, opportunities: data.opportunities, activityIndex, qualified, memo: prepared.memo },
      ctx,
    ));
    tracks = trackStages(
      funnel,
      events,
      data.leads,
      data.opportunities,
      asOf,
      prepared.leadOfOpportunity,
      prepared.memo,
      warnings,
    );
  }

  const weeks = listPeriods('week', ctx.window, timeZone);
  const periods = listPeriods(periodUnit, ctx.window, timeZone);
  const capacities = findCapacities(tracks, weeks, ctx.window);
  const slaItems = (policy: Policy<'HandoffSla'>) => {
    const from = events.get(policy.spec.from);
    let to = events.get(policy.spec.to);
    if (from === undefined || to === undefined) return undefined;
    // A lead handed to an opportunity (e.g. SQL → opportunity created): the lead's first opportunity's event.
    if (from.entity === 'lead' && to.entity === 'opportunity')
      to = { entity: 'lead', times: earliestPerLead(to.times, data.leads.length, prepared.leadOfOpportunity) };
    if (from.entity !== to.entity) return undefined;
    const rows = from.entity === 'lead' ? data.leads : data.opportunities;
    return { entity: from.entity, rows, from: from.times, to: to.times, ownerOf: (i: number) => ownerOf(rows[i]) };
  };
  step('slas');
  const slas: SlaResult[] = [];
  for (const policy of [...set.HandoffSla].sort((a, b) => a.metadata.name.localeCompare(b.metadata.name))) {
    const items = slaItems(policy);
    if (items === undefined)
      warnings.push({
        code: 'sla.events-unrelated',
        sla: policy.metadata.name,
        from: policy.spec.from,
        to: policy.spec.to,
      });
    else slas.push(measureSla(policy, items, ctx));
  }
  // Each SLA's per-row outcomes over the window, measured once: sub-windows (payout periods) and
  // the impact projection tally them instead of measuring the SLA again.
  const slaRows = new Map<string, { from: Float64Array; outcomes: SlaRowOutcomes } | null>();
  const slaRowsOf = (policy: Policy<'HandoffSla'>) => {
    const name = policy.metadata.name;
    if (!slaRows.has(name)) {
      const items = slaItems(policy);
      slaRows.set(
        name,
        items === undefined ? null : { from: items.from, outcomes: measureSlaRows(policy, items, ctx) },
      );
    }
    return slaRows.get(name) ?? null;
  };
  const slaCompliance = (stageId: string) => (window: TimeWindow) => {
    const stage = tracks.find((t) => t.stage.id === stageId)?.stage;
    const policy = set.HandoffSla.find((s) => s.spec.from === stage?.entry);
    const rows = policy === undefined ? null : slaRowsOf(policy);
    if (rows === null) return null;
    // Exact met ÷ (met + breached): a constraint target meets this, not the 4-place figure shown.
    const counts = tallySlaByPeriod(rows.outcomes, rows.from, [
      { label: 'window', start: window.start, end: window.end, covered: 1 },
    ])[0];
    return counts === undefined || counts.met + counts.breached === 0
      ? null
      : counts.met / (counts.met + counts.breached);
  };
  const measureMetric = (stageId: string, metric: string, window: TimeWindow): number | null => {
    const track = tracks.find((t) => t.stage.id === stageId);
    if (track === undefined) return null;
    return measureStageMetric(track, metric, window, capacities.get(stageId)?.perWeek ?? null, slaCompliance(stageId));
  };

  step('deals');
  // The same for every policy set: measured once per as-of, each report gets its own copy.
  const deals = structuredClone(prepared.memo(`deals:${asOf}`, () => measureDeals(data.opportunities, asOf)));
  warnings.push(...deals.warnings);
  // The goal's figures depend on the goal policy and the data only: shared by evaluations that keep the goal.
  const goalKey = goal === undefined ? '' : `${asOf}:${timeZone}:${JSON.stringify([goal.metadata.name, goal.spec])}`;
  const goalResult =
    goal === undefined
      ? undefined
      : structuredClone(
          prepared.memo(`goal:${goalKey}`, () =>
            measureGoal(
              goal,
              data.opportunities,
              deals,
              asOf,
              timeZone,
              data.missing?.some((m) => m.entity === 'opportunities') === true,
            ),
          ),
        );
  if (goalResult !== undefined) warnings.push(...goalResult.warnings);
  step('comp');
  const cacOf = (costSet: PolicySet, over: readonly Period[] = periods): CacSection =>
    measureCac({
      spend: data.spend,
      opportunities: data.opportunities,
      leads: data.leads,
      leadOfOpportunity: prepared.leadOfOpportunity,
      periods: over,
      window: ctx.window,
      asOf,
      timeZone,
      set,
      costSet,
    });
  // Comp's inbound credit and attribution's sourced share split lead sources by one rule.
  const sourcing = findSourcing(funnelPolicy);
  const goalAttainment =
    goal === undefined
      ? () => null
      : prepared.memo(`goal-attainment:${ctx.window.end}:${goalKey}`, () =>
          goalAttainmentOf(goal, data.opportunities, timeZone, ctx.window.end),
        );
  const comp =
    set.CompPlan.length === 0
      ? null
      : computeComp(set.CompPlan, {
          ...ctx,
          data,
          goal,
          // The whole payout period's target, but nothing after as-of counts.
          leadOfOpportunity: prepared.leadOfOpportunity,
          credit: prepared.memo(`credit:${JSON.stringify(sourcing)}`, () =>
            indexCredit(data, prepared.leadOfOpportunity, sourcing),
          ),
          goalAttainment,
          constraintMet: (s, e) => {
            if (goal === undefined) return null;
            const c = goal.spec.constraint;
            const value = measureMetric(c.stage, c.metric, {
              start: Math.max(s, ctx.window.start),
              end: Math.min(e, ctx.window.end),
            });
            return value === null ? null : meetsTarget(value, c.target);
          },
          // blended_cac pays on the CAC engine's figures over the plan's own payout periods.
          measureCac: (planPeriods) => cacOf(options.costSet ?? set, planPeriods),
        });
  if (comp !== null) warnings.push(...comp.warnings);

  step('report');
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    kind: 'evaluation',
    stamp: {
      engine: 'revops-policy',
      engineVersion: options.stamp.engineVersion,
      policyHash: options.stamp.policyHash,
      dataHash: options.stamp.dataHash,
      asOf: new Date(asOf).toISOString(),
      asOfSource: options.asOf === undefined ? 'data' : 'option',
      ...(options.stamp.generatedAt === undefined ? {} : { generatedAt: options.stamp.generatedAt }),
    },
    window: {
      start: new Date(start).toISOString(),
      end: new Date(asOf).toISOString(),
      weeks: round((asOf - start) / WEEK_MS, 2),
      timeZone,
      periodUnit,
    },
    data: accountData(data),
    policies: listReportPolicies(set, options.policyIssues ?? []),
    warnings: dedupeWarnings(warnings),
    classification:
      classes === undefined ? null : summariseClasses(classes, data.leads, qualification, funnelPolicy?.spec, asOf),
    funnel:
      funnelPolicy === undefined ? null : measureFunnel(funnelPolicy.metadata.name, tracks, periods, periodUnit, ctx),
    constraint:
      funnelPolicy === undefined ? null : measureConstraint(tracks, weeks, capacities, goal, measureMetric, ctx),
    slas,
    comp,
    goal: goalResult?.section ?? null,
    deals: deals.section,
    ...measureHistorySections({ prepared, funnel: funnelPolicy, goal, tracks, capacities, measureMetric, ctx }),
    cac: cacOf(set),
    isMasked: false,
  };
  const projectSlaCompliance = (name: string, factor: number): number | null => {
    const policy = set.HandoffSla.find((p) => p.metadata.name === name);
    const rows = policy === undefined ? null : slaRowsOf(policy);
    return rows === null ? null : projectCompliance(rows.outcomes, factor);
  };
  const wonAmounts = prepared.memo(`won-amounts:${asOf}`, () => listWonAmounts(data.opportunities, asOf));
  return {
    report,
    classes,
    tracks,
    leadOfOpportunity: prepared.leadOfOpportunity,
    wonAmounts,
    projectSlaCompliance,
    goalAttainment,
    measureCac: cacOf,
    attributionInput: { data, window: ctx.window, sourcing },
  };
}

/**
 * Goal attainment per span, each span measured once (plans share payout periods) and only
 * over the deals that can count: the won ones with a close time, in data order.
 */
function goalAttainmentOf(
  goal: Policy<'RevenueGoal'>,
  opportunities: readonly Row[],
  timeZone: string,
  until: number,
): (start: number, end: number) => Decimal | null {
  let won: Row[] | undefined;
  const bySpan = new Map<string, Decimal | null>();
  return (start, end) => {
    const key = `${start}/${end}`;
    const cached = bySpan.get(key);
    if (cached !== undefined || bySpan.has(key)) return cached ?? null;
    won ??= opportunities.filter((o) => o.won === true && typeof o.closed_at === 'number');
    const value = measureGoalAttainment(goal, won, { start, end }, timeZone, until);
    bySpan.set(key, value);
    return value;
  };
}

function ownerOf(row: Row | undefined): string | null {
  return typeof row?.owner_id === 'string' ? row.owner_id : null;
}

function accountData(data: PipelineData): Report['data'] {
  const totals = { rowsRead: 0, rowsEvaluated: 0, rowsRejected: 0, issueCount: 0 };
  for (const f of data.files) {
    totals.rowsRead += f.rowsRead;
    totals.rowsEvaluated += f.rowsEvaluated;
    totals.rowsRejected += f.rowsRejected;
    totals.issueCount += f.issueCount;
  }
  const accounting: Report['data'] = {
    files: data.files,
    totals,
    issues: data.issues,
    absent: data.absent,
    ignoredFiles: data.ignoredFiles,
  };
  if (data.missing !== undefined && data.missing.length > 0) accounting.missing = data.missing;
  return accounting;
}
