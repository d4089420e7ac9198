import type { PipelineData } from '../data/types.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { StageTrack } from '../engine/stages.js';
import { estimateConversion, measureMaturityLag } from '../estimate/index.js';
import type { BusinessCalendar } from '../logic/compile.js';
import type { Policy, PolicySet } from '../policy/types.js';
import { isPersonalAttribute, listAttributeFields, readAttribute } from './attributes.js';
import { groupConversion, toFigures } from './groups.js';
import type { AttributeSpec, GroupingOptions } from './groups.js';
import { bandOf, countMovedLeads, createLeadScores } from './lead-scores.js';
import type { LeadScore } from './lead-scores.js';
import { suggestScoringChanges } from './suggest.js';
import type { AttributeInsight, InsightsReport, StageInsight } from './types.js';

export type * from './types.js';
export { maskInsights } from './mask.js';

const DAY_MS = 86_400_000;

/** How `insights` groups and judges. */
export interface InsightsOptions {
  /** A stage to look at instead of the constraint. */
  stage?: string;
  minimumSample: number;
  maxGroups: number;
  bandWidth: number;
  calendars: ReadonlyMap<string, BusinessCalendar>;
}

/**
 * What converts at the constraint stage (the RevenueGoal's declared one, else the measured one)
 * and at the stage after it: each stage's conversion to its next among the items that had time to
 * convert (the shared estimator), overall and by attribute value, score band, scoring rule fired
 * and deciding rule; then the scoring changes the data supports.
 */
export function computeInsights(
  set: PolicySet,
  evaluation: Evaluation,
  data: Pick<PipelineData, 'leads' | 'opportunities' | 'users'>,
  options: InsightsOptions,
): InsightsReport {
  const report = evaluation.report;
  const asOf = Date.parse(report.stamp.asOf);
  const since = Date.parse(report.window.start);
  const definition = evaluation.classes?.definition ?? null;
  const declared = report.constraint?.declared?.stage ?? null;
  const measured = report.constraint?.stage ?? null;
  const picked =
    options.stage !== undefined
      ? { stage: options.stage, source: 'option' as const }
      : declared !== null
        ? { stage: declared, source: 'declared' as const }
        : measured !== null
          ? { stage: measured, source: 'measured' as const }
          : { stage: null, source: null };
  const utilisation = report.constraint?.stages.find((s) => s.stage === picked.stage)?.utilisation ?? null;
  const out: InsightsReport = {
    schemaVersion: 1,
    kind: 'insights',
    stamp: report.stamp,
    window: { start: report.window.start, end: report.window.end },
    constraint: { ...picked, utilisation },
    definition: definition?.metadata.name ?? null,
    minimumSample: options.minimumSample,
    maxGroups: options.maxGroups,
    bandWidth: options.bandWidth,
    stages: [],
    suggestions: [],
    noSuggestion: null,
    unknown: null,
    data: report.data,
    warnings: report.warnings,
    isMasked: false,
  };
  const first = evaluation.tracks.find((t) => t.stage.id === picked.stage);
  if (evaluation.tracks.length === 0) return { ...out, unknown: 'no-funnel' };
  if (picked.stage === null) return { ...out, unknown: 'no-constraint' };
  if (first === undefined) return { ...out, unknown: 'unknown-stage' };
  if (first.next === null) return { ...out, unknown: 'no-next-stage' };
  const scores =
    definition === null ? null : createLeadScores(definition, data.leads, { asOf, calendars: options.calendars });
  const grouping = { asOf, since, minimumSample: options.minimumSample, maxGroups: options.maxGroups };
  const fields = listAttributeFields(set);
  const stages = [measureStage(first, 'constraint', scores, data, grouping, options.bandWidth, fields)];
  const after = first.next;
  if (after.next !== null)
    stages.push(measureStage(after, 'after-constraint', scores, data, grouping, options.bandWidth, fields));
  const constraintStage = stages[0] as StageInsight;
  const suggestions =
    definition === null || constraintStage.entity !== 'lead'
      ? []
      : suggestScoringChanges({
          stage: constraintStage,
          definition,
          utilisation,
          bandWidth: options.bandWidth,
          countMoved: (classId, minScore) =>
            countMovedLeads(definition as Policy<'LeadDefinition'>, classId, minScore, data.leads, {
              asOf,
              since,
              calendars: options.calendars,
            }),
        });
  const noSuggestion =
    definition === null
      ? 'no-lead-definition'
      : constraintStage.entity !== 'lead'
        ? 'not-a-lead-stage'
        : suggestions.length === 0
          ? 'no-clear-signal'
          : null;
  return { ...out, stages, suggestions, noSuggestion };
}

function measureStage(
  track: StageTrack,
  role: StageInsight['role'],
  scores: ((row: number) => LeadScore | null) | null,
  data: Pick<PipelineData, 'leads' | 'opportunities' | 'users'>,
  grouping: Omit<GroupingOptions, 'lagMs'>,
  bandWidth: number,
  fields: Readonly<Record<'lead' | 'opportunity', readonly string[]>>,
): StageInsight {
  const lag = measureMaturityLag(track, { asOf: grouping.asOf, since: grouping.since });
  // With no item that left, no lag can be read: nothing counts as matured, every rate is unknown.
  const lagMs = lag.lagMs ?? Infinity;
  const options: GroupingOptions = { ...grouping, lagMs };
  const [overall] = estimateConversion(track, { asOf: grouping.asOf, lagMs, since: grouping.since });
  const next = track.next as StageTrack;
  const stageInsight: StageInsight = {
    stage: track.stage.id,
    name: track.stage.name ?? track.stage.id,
    role,
    next: next.stage.id,
    nextName: next.stage.name ?? next.stage.id,
    entity: track.entity,
    maturity: {
      days: lag.lagMs === null ? null : Math.round((lag.lagMs / DAY_MS) * 10_000) / 10_000,
      left: lag.left,
      quantile: lag.quantile,
    },
    overall: toFigures(overall),
    attributes: [],
  };
  if (overall === undefined) return stageInsight;
  const rows = track.entity === 'lead' ? data.leads : data.opportunities;
  const specs: AttributeSpec[] = track.entity === 'lead' && scores !== null ? scoreSpecs(scores, bandWidth) : [];
  for (const field of fields[track.entity])
    specs.push({
      attribute: field,
      kind: 'field',
      isPersonal: isPersonalAttribute(track.entity, field),
      valuesOf: (i) => [readAttribute(rows[i], field)],
    });
  // The owner's manager, from the users: a team's conversion where owners are many.
  const managerOf = new Map(data.users.map((u) => [readAttribute(u, 'id'), readAttribute(u, 'manager_id')]));
  specs.push({
    attribute: 'owner_id.manager_id',
    kind: 'field',
    isPersonal: true,
    valuesOf: (i) => {
      const owner = readAttribute(rows[i], 'owner_id');
      return [owner === null ? null : (managerOf.get(owner) ?? null)];
    },
  });
  stageInsight.attributes = specs
    .map((spec) => groupConversion(track, spec, overall, options))
    // A field with one value (or none) among the stage's items says nothing about who converts.
    .filter((a) => a.kind !== 'field' || a.valueCount >= 2);
  return stageInsight;
}

/** The attributes the lead definition gives a lead: its deciding rule, its score band and the rules that fired. */
function scoreSpecs(scores: (row: number) => LeadScore | null, bandWidth: number): AttributeSpec[] {
  return [
    {
      attribute: 'qualified-by',
      kind: 'qualified-by',
      isPersonal: false,
      valuesOf: (i) => {
        const s = scores(i);
        return s === null ? undefined : [s.ruleId === null ? s.reason : `${s.reason}:${s.ruleId}`];
      },
    },
    {
      attribute: 'score-band',
      kind: 'score-band',
      isPersonal: false,
      order: 'range',
      // Leads qualified by score only: a hand-raiser's score did not qualify it.
      valuesOf: (i) => {
        const s = scores(i);
        return s === null || s.reason !== 'threshold' ? undefined : [String(bandOf(s.score, bandWidth).from)];
      },
      rangeOf: (value) => bandOf(Number(value), bandWidth),
    },
    {
      attribute: 'scoring-rule',
      kind: 'scoring-rule',
      isPersonal: false,
      valuesOf: (i) => scores(i)?.fired,
    },
  ];
}

export type { AttributeInsight };
