import { compareCac } from './cac-impact.js';
import { compareAttribution } from './attribution-impact.js';
import { dedupeWarnings } from '../report/warnings.js';
import { Decimal } from 'decimal.js';
import type { Row } from '../data/types.js';
import type { Evaluation } from '../engine/evaluate.js';
import { round } from '../engine/stats.js';
import type { PolicySet } from '../policy/types.js';
import type { Report } from '../report/index.js';
import type { Delta, ImpactInputs, ImpactReport, MoneyDelta, SlaImpact, StageImpact } from '../report/impact.js';
import { markDataWaivers } from '../waivers/data-waivers.js';
import { markGuardrailWaivers } from '../waivers/guardrail-waivers.js';
import { checkGuardrails } from './guardrails.js';
import { comparePayouts } from './payout-changes.js';
import { diffPolicySets } from './policy-diff.js';
import { describeLeadingIndicator, findOptimisedStages } from './optimised-stages.js';
import { compareDeclared, volumeStageOf } from './sides.js';
import { projectImpact } from './projection/index.js';
import { listSharedOutcomeWarnings } from './shared-outcome-findings.js';
import { modelSla } from './sla-model.js';
import { compareImpactPeriods } from './period-series.js';
import { countClassTransitions } from './transitions.js';

/** One side of an impact comparison: its policies, where they came from and their evaluation. */
export interface ImpactSide {
  ref: string;
  sha: string | null;
  policyHash: string;
  set: PolicySet;
  evaluation: Evaluation;
}

function delta(base: number | null, head: number | null, digits = 4): Delta {
  return { base, head, delta: base === null || head === null ? null : round(head - base, digits) };
}

/** Head − base of two exact decimal texts, exact; null when either is unknown. */
function exactDelta(base: string | null, head: string | null): Delta<string | null> {
  return { base, head, delta: base === null || head === null ? null : new Decimal(head).minus(base).toFixed() };
}

function moneyDelta(currency: string, base: string, head: string): MoneyDelta {
  const b = new Decimal(base);
  const d = new Decimal(head).minus(b);
  return {
    currency,
    base,
    head,
    delta: d.toFixed(2),
    deltaPct: b.isZero() ? null : round(d.div(b).times(100).toNumber(), 2),
  };
}

/** Stage ids of both funnels: the base's in order, each stage only the head has after the head's stage before it. */
function stageIdsOf(base: Report, head: Report): string[] {
  const ids = (base.funnel?.stages ?? []).map((s) => s.id);
  let after = -1;
  for (const s of head.funnel?.stages ?? []) {
    const at = ids.indexOf(s.id);
    if (at >= 0) after = at;
    else ids.splice(++after, 0, s.id);
  }
  return ids;
}

function compareStages(base: Report, head: Report): StageImpact[] {
  return stageIdsOf(base, head).map((id) => {
    // A stage one side does not have has no figures there: null, never 0.
    const b = base.funnel?.stages.find((s) => s.id === id);
    const h = head.funnel?.stages.find((s) => s.id === id);
    const lb = base.constraint?.stages.find((s) => s.stage === id);
    const lh = head.constraint?.stages.find((s) => s.stage === id);
    const arrivals = (s: typeof b) => (s === undefined ? null : s.arrivals);
    return {
      stage: id,
      arrivals: delta(arrivals(b), arrivals(h), 0),
      throughputPerWeek: delta(lb?.throughputPerWeek ?? null, lh?.throughputPerWeek ?? null, 2),
      conversionCohort: delta(b?.conversionCohort ?? null, h?.conversionCohort ?? null),
      utilisation: delta(lb?.utilisation ?? null, lh?.utilisation ?? null),
    };
  });
}

function compareComp(base: Report, head: Report): ImpactReport['comp'] {
  const keyed = <T>(items: readonly T[] | undefined, key: (t: T) => string, total: (t: T) => string) =>
    new Map((items ?? []).map((t) => [key(t), total(t)]));
  const pairs = <T extends { currency: string; total: string }>(
    b: readonly T[] | undefined,
    h: readonly T[] | undefined,
    key: (t: T) => string,
  ) => {
    const left = keyed(
      b,
      (t) => `${key(t)}\u0000${t.currency}`,
      (t) => t.total,
    );
    const right = keyed(
      h,
      (t) => `${key(t)}\u0000${t.currency}`,
      (t) => t.total,
    );
    return [...new Set([...left.keys(), ...right.keys()])].sort().map((k) => {
      // The currency is the last part of the key; the name may itself hold parts (plan and person).
      const cut = k.lastIndexOf('\u0000');
      const name = k.slice(0, cut);
      const currency = k.slice(cut + 1);
      return { name, ...moneyDelta(currency, left.get(k) ?? '0.00', right.get(k) ?? '0.00') };
    });
  };
  const people = (r: Report) =>
    (r.comp?.plans ?? []).flatMap((plan) =>
      plan.people.map((p) => ({
        plan: plan.name,
        personId: p.id,
        name: p.name,
        currency: plan.currency,
        total: p.total,
      })),
    );
  const names = new Map([...people(base), ...people(head)].map((p) => [`${p.plan}\u0000${p.personId}`, p.name]));
  return {
    total: pairs(base.comp?.totals.overall, head.comp?.totals.overall, () => '').map(({ name: _, ...m }) => m),
    byPlan: pairs(base.comp?.totals.byPlan, head.comp?.totals.byPlan, (t) => t.plan).map(({ name, ...m }) => ({
      plan: name,
      ...m,
    })),
    byTeam: pairs(base.comp?.totals.byTeam, head.comp?.totals.byTeam, (t) => t.team).map(({ name, ...m }) => ({
      team: name,
      ...m,
    })),
    byPerson: pairs(people(base), people(head), (p) => `${p.plan}\u0000${p.personId}`)
      .map(({ name, ...m }) => {
        const [plan = '', personId = ''] = name.split('\u0000');
        return { plan, personId, name: names.get(`${plan}\u0000${personId}`) ?? null, ...m };
      })
      .filter((p) => p.delta !== '0.00'),
    // A payout built on a metric counted as 0 is not a known 0: the impact must say so.
    countedAsZero: { base: base.comp?.countedAsZero ?? [], head: head.comp?.countedAsZero ?? [] },
    plans: comparePayouts(base.comp, head.comp),
  };
}

/** `over` when the head takes the constraint over its capacity, `under` when back within it. */
function crossingOf(base: boolean | null, head: boolean | null): 'over' | 'under' | null {
  if (base === false && head === true) return 'over';
  if (base === true && head === false) return 'under';
  return null;
}

function stageOfEvent(set: PolicySet, event: string): string | null {
  return set.Funnel[0]?.spec.stages.find((s) => s.entry === event)?.id ?? null;
}

/**
 * The impact of the head policies against the base ones, both evaluated on the same data:
 * the semantic policy diff, lead class transitions, per-stage arrivals, throughput,
 * conversion and utilisation, the constraint (moved or not, and its declared metric against
 * target), SLAs (replayed and modelled), comp per plan, team and person, the goal forecast,
 * and the BASE guardrails crossed with the approvers they require.
 */
export function computeImpact(
  base: ImpactSide,
  head: ImpactSide,
  leads: readonly Row[],
  options: {
    engineVersion: string;
    generatedAt?: string;
    inputs?: Pick<ImpactInputs, 'dataFrom' | 'dataDir' | 'dataChanges' | 'note'>;
    /** The run's day (`YYYY-MM-DD`) guardrail waivers are judged on; without it no waiver applies. */
    today?: string;
  },
): ImpactReport {
  const b = base.evaluation.report;
  const h = head.evaluation.report;
  const asOf = Date.parse(b.stamp.asOf);
  const policyChanges = diffPolicySets(base.set, head.set);
  const stages = compareStages(b, h);
  const slas: SlaImpact[] = [...new Set([...b.slas, ...h.slas].map((s) => s.name))].sort().map((name) => {
    // Each side's SLA starts at a stage of its own funnel (an event may be renamed); the model needs one stage.
    const stageIn = (set: PolicySet): string | null => {
      const policy = set.HandoffSla.find((p) => p.metadata.name === name);
      return policy === undefined ? null : stageOfEvent(set, policy.spec.from);
    };
    const [stageBase, stageHead] = [stageIn(base.set), stageIn(head.set)];
    const stage = stageBase !== null && stageHead !== null && stageBase !== stageHead ? null : (stageBase ?? stageHead);
    return modelSla(name, stage, b, h, (factor) => base.evaluation.projectSlaCompliance(name, factor));
  });
  const volume = volumeStageOf({ set: base.set, report: b }, { set: head.set, report: h });
  // Unknown (null), never 0, on a side whose funnel has no such stage.
  const mqlBase = b.funnel?.stages.find((s) => s.id === volume.stage)?.arrivals ?? null;
  const mqlHead = h.funnel?.stages.find((s) => s.id === volume.stage)?.arrivals ?? null;
  const constraintHead = h.constraint?.stage ?? null;
  const loadBase = b.constraint?.stages.find((s) => s.stage === b.constraint?.stage);
  const loadHead = h.constraint?.stages.find((s) => s.stage === constraintHead);
  const given = options.inputs ?? { dataFrom: 'worktree', dataDir: '', dataChanges: [], note: null };
  const mappingChanges = policyChanges
    .filter((c) => c.kind === 'FieldMapping')
    .map((c) => `${c.kind} ${c.name} ${c.change}`);
  const figures: Omit<ImpactReport, 'guardrails'> = {
    schemaVersion: 1,
    kind: 'impact',
    base: { ref: base.ref, sha: base.sha, policyHash: base.policyHash },
    head: { ref: head.ref, sha: head.sha, policyHash: head.policyHash },
    stamp: {
      engine: 'revops-policy',
      engineVersion: options.engineVersion,
      dataHash: b.stamp.dataHash,
      asOf: b.stamp.asOf,
      asOfSource: b.stamp.asOfSource,
      ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
    },
    inputs: { ...given, mappingChanges, isChanged: given.dataChanges.length > 0 || mappingChanges.length > 0 },
    hasChanges: policyChanges.length > 0,
    policyChanges,
    classTransitions: countClassTransitions(base.evaluation.classes, head.evaluation.classes, leads, asOf),
    stages,
    constraint: {
      stage: { base: b.constraint?.stage ?? null, head: constraintHead, delta: null },
      isMoved: (b.constraint?.stage ?? null) !== constraintHead,
      utilisation: delta(loadBase?.utilisation ?? null, loadHead?.utilisation ?? null),
      crossesCapacity: crossingOf(loadBase?.isOverCapacity ?? null, loadHead?.isOverCapacity ?? null),
      declared: compareDeclared(b, h),
    },
    leadingIndicator: describeLeadingIndicator(
      b.constraintHistory,
      findOptimisedStages(policyChanges, base.set, head.set),
    ),
    slas,
    comp: compareComp(b, h),
    goal:
      b.goal === null && h.goal === null
        ? null
        : {
            currency: b.goal?.currency ?? h.goal?.currency ?? null,
            forecast: {
              base: b.goal?.forecast.projected ?? null,
              head: h.goal?.forecast.projected ?? null,
              delta:
                b.goal?.forecast.projected == null || h.goal?.forecast.projected == null
                  ? null
                  : new Decimal(h.goal.forecast.projected).minus(b.goal.forecast.projected).toFixed(2),
            },
            projectedAttainment: delta(
              b.goal?.forecast.projectedAttainment ?? null,
              h.goal?.forecast.projectedAttainment ?? null,
            ),
            projectedAttainmentExact: exactDelta(
              b.goal?.forecast.projectedAttainmentExact ?? null,
              h.goal?.forecast.projectedAttainmentExact ?? null,
            ),
          },
    mqlVolume: {
      stage: volume.stage,
      stageName: volume.name,
      base: mqlBase,
      head: mqlHead,
      delta: mqlBase === null || mqlHead === null ? null : mqlHead - mqlBase,
    },
    projection: projectImpact(
      { ...base.evaluation, set: base.set },
      { ...head.evaluation, set: head.set },
      leads,
      volume.stage,
    ),
    cac: compareCac(base.evaluation, head.evaluation, base.set),
    attribution: compareAttribution(base.evaluation, head.evaluation),
    periods: compareImpactPeriods(b, h),
    // The base's data waivers (trusted), as its guardrail waivers.
    data: options.today === undefined ? b.data : markDataWaivers(b.data, base.set.Waiver, options.today),
    warnings: dedupeWarnings([...b.warnings, ...h.warnings, ...listSharedOutcomeWarnings(base.set, head.set)]),
    isMasked: false,
  };
  const guardrails = checkGuardrails(base.set.Guardrails, figures, policyChanges);
  return {
    ...figures,
    guardrails:
      options.today === undefined
        ? guardrails
        : markGuardrailWaivers(guardrails, { base: base.set.Waiver, head: head.set.Waiver }, options.today),
  };
}
