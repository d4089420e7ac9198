import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { columnTableOf } from '../../../src/core/data/column-table.js';
import type { PipelineData, Row } from '../../../src/core/data/types.js';
import { canonicalModel } from '../../../src/core/model/canonical.js';
import type { EngineContext } from '../../../src/core/engine/context.js';
import { findCapacities, measureConstraint, measureStageMetric } from '../../../src/core/engine/constraint.js';
import { evaluatePipeline, prepareData } from '../../../src/core/engine/evaluate.js';
import { resolveEvents } from '../../../src/core/engine/events.js';
import { measureFunnel } from '../../../src/core/engine/funnel.js';
import { listPeriods } from '../../../src/core/engine/periods.js';
import { trackStages } from '../../../src/core/engine/stages.js';
import type { StageTrack } from '../../../src/core/engine/stages.js';
import type {
  FunnelSpec,
  LeadDefinitionSpec,
  Policy,
  PolicySet,
  RevenueGoalSpec,
  SpecByKind,
} from '../../../src/core/policy/types.js';
import type {
  ConstraintSection,
  FunnelSection,
  Report,
  StageLoad,
  StageReport,
} from '../../../src/core/report/index.js';
import { policyKinds } from '../../../src/core/schemas/kinds.js';
import type { PolicyKind } from '../../../src/core/schemas/kinds.js';

export const HOUR = 3_600_000;
export const DAY = 86_400_000;
export const WEEK = 7 * DAY;

export type Fields = Record<string, string | number | boolean | null>;

/** Epoch ms of an ISO instant (`2026-01-05T12:00Z`). */
export function ms(iso: string): number {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad instant ${iso}`);
  return t;
}

/** An epoch ms as an ISO instant, or null for NaN (not happened). */
export function iso(t: number): string | null {
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

const isDatetime = (field: string): boolean => field === 'at' || field.endsWith('_at');

/**
 * A prototype-free row, as the data readers make them. Datetime fields (`at` and names
 * ending in `_at`) may be written as ISO instants; they become epoch ms.
 */
export function row(fields: Fields): Row {
  const out = Object.create(null) as Record<string, string | number | boolean | null>;
  for (const [key, value] of Object.entries(fields))
    out[key] = typeof value === 'string' && isDatetime(key) ? ms(value) : value;
  return out;
}

export interface Entities {
  leads?: Fields[];
  opportunities?: Fields[];
  activities?: Fields[];
  users?: Fields[];
}

/** Every canonical activity field, as the columns of a test's activities. */
const activityFields = Object.entries(canonicalModel.activities).map(([field, spec]) => ({ field, type: spec.type }));

export function pipeline(entities: Entities): PipelineData {
  return {
    leads: (entities.leads ?? []).map(row),
    opportunities: (entities.opportunities ?? []).map(row),
    activities: columnTableOf((entities.activities ?? []).map(row), activityFields),
    users: (entities.users ?? []).map(row),
    stage_events: [],
    spend: [],
    files: [],
    issues: [],
    absent: [],
    ignoredFiles: [],
  };
}

/** The entities of a scenario under `test/fixtures/engine/<name>/data.yaml`. */
export function loadScenario(name: string): PipelineData {
  const path = fileURLToPath(new URL(`../../fixtures/engine/${name}/data.yaml`, import.meta.url));
  return pipeline(parse(readFileSync(path, 'utf8')) as Entities);
}

export function policy<K extends PolicyKind>(kind: K, name: string, spec: SpecByKind[K]): Policy<K> {
  return {
    kind,
    file: `policies/${name}.yaml`,
    metadata: { name, owner: 'revops', description: `test ${kind}` },
    spec,
  };
}

export function policySet(...policies: Policy[]): PolicySet {
  const set = Object.fromEntries(policyKinds.map((k) => [k, [] as Policy[]])) as unknown as PolicySet;
  for (const p of policies) (set[p.kind] as Policy[]).push(p);
  return set;
}

export type Capacity = NonNullable<FunnelSpec['stages'][number]['capacity']>;

/**
 * The test funnel, every event a CRM field: lead (created_at) → mql (mql_at) → sal (sal_at)
 * → opportunity (its created_at) → won / lost (its closed_at, by `won`). Capacities by stage id.
 */
export function funnel(capacities: Partial<Record<string, Capacity>> = {}, name = 'test-funnel'): Policy<'Funnel'> {
  const stage = (id: string, owner: string, entry: string, terminal?: 'won' | 'lost'): FunnelSpec['stages'][number] => {
    const capacity = capacities[id];
    return {
      id,
      owner,
      entry,
      ...(terminal === undefined ? {} : { terminal }),
      ...(capacity === undefined ? {} : { capacity }),
    };
  };
  return policy('Funnel', name, {
    teams: [
      { id: 'marketing', function: 'marketing' },
      { id: 'sdr', function: 'sales' },
      { id: 'ae', function: 'sales' },
    ],
    events: [
      { id: 'lead_created', entity: 'lead', field: 'created_at' },
      { id: 'mql_reached', entity: 'lead', field: 'mql_at' },
      { id: 'sal_accepted', entity: 'lead', field: 'sal_at' },
      { id: 'opportunity_created', entity: 'opportunity', field: 'created_at' },
      { id: 'deal_won', entity: 'opportunity', field: 'closed_at', when: { '==': [{ var: 'won' }, true] } },
      { id: 'deal_lost', entity: 'opportunity', field: 'closed_at', when: { '==': [{ var: 'won' }, false] } },
    ],
    stages: [
      stage('lead', 'marketing', 'lead_created'),
      stage('mql', 'sdr', 'mql_reached'),
      stage('sal', 'sdr', 'sal_accepted'),
      stage('opportunity', 'ae', 'opportunity_created'),
      stage('won', 'ae', 'deal_won', 'won'),
      stage('lost', 'ae', 'deal_lost', 'lost'),
    ],
  });
}

/**
 * A lead definition for the test funnel: fit 30 for 200+ employees, engagement 40 for a
 * trial (halving every 30 days since `last_engaged_at`); score 60 or more is an MQL.
 */
export function leadDefinition(overrides: Partial<LeadDefinitionSpec> = {}): Policy<'LeadDefinition'> {
  return policy('LeadDefinition', 'test-lead-definition', {
    funnel: 'test-funnel',
    exclusions: [{ id: 'competitor', when: { '==': [{ var: 'is_competitor' }, true] } }],
    scoring: {
      fit: { rules: [{ id: 'target-size', points: 30, when: { '>=': [{ var: 'employee_count' }, 200] } }] },
      engagement: {
        decay: { halfLife: '30d', from: 'last_engaged_at' },
        rules: [{ id: 'trial', points: 40, when: { '==': [{ var: 'trial_signup' }, true] } }],
      },
    },
    classes: [{ id: 'mql', stage: 'mql', minScore: 60 }],
    defaultClass: 'nurture',
    ...overrides,
  });
}

/** A RevenueGoal: won_amount 1,000 USD over 2026-Q1, constraint mql utilisation ≤ 0.85 unless overridden. */
export function revenueGoal(
  goal: Partial<RevenueGoalSpec['goal']> = {},
  constraint: Partial<RevenueGoalSpec['constraint']> = {},
): Policy<'RevenueGoal'> {
  return policy('RevenueGoal', 'test-goal', {
    goal: {
      metric: 'won_amount',
      target: '1000',
      currency: 'USD',
      period: { start: '2026-01-01', end: '2026-03-31' },
      ...goal,
    },
    constraint: { stage: 'mql', metric: 'utilisation', target: { max: 0.85 }, ...constraint },
  });
}

export interface RunOptions {
  from: string;
  asOf: string;
  timeZone?: string;
  periodUnit?: 'week' | 'month';
}

/** Evaluates a policy set over `[from, asOf)`. */
export function evaluate(set: PolicySet, data: PipelineData, options: RunOptions): Report {
  return evaluatePipeline(set, prepareData(data), {
    from: ms(options.from),
    asOf: ms(options.asOf),
    timeZone: options.timeZone ?? 'UTC',
    ...(options.periodUnit === undefined ? {} : { periodUnit: options.periodUnit }),
    calendars: new Map(),
    stamp: { engineVersion: '0.0.0', policyHash: 'policies', dataHash: 'data' },
  });
}

/** An engine context over `[from, asOf)`. */
export function context(options: RunOptions): EngineContext {
  const asOf = ms(options.asOf);
  return {
    asOf,
    window: { start: ms(options.from), end: asOf },
    timeZone: options.timeZone ?? 'UTC',
    calendars: new Map(),
    users: new Map(),
  };
}

/** Stage tracks of a funnel whose events are all CRM fields or activities (no lead definition). */
export function tracksOf(policy: Policy<'Funnel'>, data: PipelineData, options: RunOptions): StageTrack[] {
  const ctx = context(options);
  const { events } = resolveEvents(
    {
      funnel: policy.spec,
      leads: data.leads,
      opportunities: data.opportunities,
      activityIndex: {},
      qualified: new Map(),
    },
    ctx,
  );
  return trackStages(
    policy.spec,
    events,
    data.leads,
    data.opportunities,
    ctx.asOf,
    prepareData(data).leadOfOpportunity,
  );
}

/** The funnel section over exactly `[from, asOf)`, by week unless told. */
export function funnelOf(policy: Policy<'Funnel'>, data: PipelineData, options: RunOptions): FunnelSection {
  const ctx = context(options);
  const unit = options.periodUnit ?? 'week';
  return measureFunnel(
    policy.metadata.name,
    tracksOf(policy, data, options),
    listPeriods(unit, ctx.window, ctx.timeZone),
    unit,
    ctx,
  );
}

export function stageOf(section: FunnelSection | null | undefined, id: string): StageReport {
  const stage = section?.stages.find((s) => s.id === id);
  if (stage === undefined) throw new Error(`no funnel stage ${id}`);
  return stage;
}

/**
 * The constraint section over exactly `[from, asOf)`, wired as the evaluation wires it (a
 * stage metric is measured on the stage's track with its capacity; no SLA is known).
 */
export function constraintOf(
  policy: Policy<'Funnel'>,
  data: PipelineData,
  options: RunOptions,
  goal?: Policy<'RevenueGoal'>,
): ConstraintSection {
  const ctx = context(options);
  const tracks = tracksOf(policy, data, options);
  const weeks = listPeriods('week', ctx.window, ctx.timeZone);
  const capacities = findCapacities(tracks, weeks, ctx.window);
  const measureMetric = (stage: string, metric: string, window: EngineContext['window']): number | null => {
    const track = tracks.find((t) => t.stage.id === stage);
    return track === undefined
      ? null
      : measureStageMetric(track, metric, window, capacities.get(stage)?.perWeek ?? null, () => null);
  };
  return measureConstraint(tracks, weeks, capacities, goal, measureMetric, ctx);
}

export function loadOf(section: ConstraintSection | null | undefined, id: string): StageLoad {
  const load = section?.stages.find((s) => s.stage === id);
  if (load === undefined) throw new Error(`no stage load ${id}`);
  return load;
}
