import { Decimal } from 'decimal.js';
import type { Row } from '../data/types.js';
import type { Evaluation } from '../engine/evaluate.js';
import type { BusinessCalendar } from '../logic/compile.js';
import { createBusinessCalendar } from '../logic/compile.js';
import { loadPolicySources } from '../policy/load.js';
import type { PolicySource } from '../policy/load.js';
import type { PolicySet } from '../policy/types.js';
import type { ImpactReport } from '../report/impact.js';
import type { ImpactSweepReport, SweepFigures, SweepRow } from '../report/impact-sweep.js';
import { dedupeWarnings } from '../report/warnings.js';
import type { EngineWarning } from '../report/warnings.js';
import { computeImpact } from './impact.js';
import type { ImpactSide } from './impact.js';
import { MAX_SWEEP_VALUES } from './sweep-path.js';
import type { SweepSpec } from './sweep-path.js';
import { applySweepValue, walkSweepPath } from './sweep-target.js';
import type { SweepTarget } from './sweep-target.js';

/** What a sweep needs: the base evaluated once, the head's files, and how to evaluate a head on the prepared data. */
export interface SweepInput {
  base: ImpactSide;
  /** The head as read (its set, and its files as text for re-validation with each value). */
  head: { ref: string; sha: string | null; policyHash: string; set: PolicySet; sources: readonly PolicySource[] };
  spec: SweepSpec;
  target: SweepTarget;
  leads: readonly Row[];
  /** Evaluates a policy set on the data prepared once (shared memo). */
  evaluate(set: PolicySet, calendars: ReadonlyMap<string, BusinessCalendar>): Evaluation;
  impactOptions: Parameters<typeof computeImpact>[3];
  /** Called before each value is evaluated (progress). */
  onValue?: (index: number, total: number, value: string) => void;
}

/** The row's figures, each taken from the impact report of that head as `revops impact` writes it. */
export function selectSweepFigures(report: ImpactReport): SweepFigures {
  const entry = report.projection.stages.find((s) => s.stage === report.projection.entryStage);
  const { mqlVolume, constraint, projection } = report;
  return {
    entryPerWeek: entry?.demandPerWeek ?? { base: null, head: null, delta: null },
    entryArrivals: { base: mqlVolume.base, head: mqlVolume.head, delta: mqlVolume.delta },
    constraint: {
      stage: constraint.stage,
      isMoved: constraint.isMoved,
      utilisation: constraint.utilisation,
      crossesCapacity: constraint.crossesCapacity,
    },
    wonPerWeek: projection.wonPerWeek,
    wonRevenue: projection.wonRevenue,
    currency: projection.currency,
    goalAttainment: projection.goalForecast.attainment,
    headcountCost: { total: projection.totalCost, teams: projection.costs.length },
    slas: report.slas.map((s) => ({
      name: s.name,
      replayed: s.replayed,
      modelled: s.modelled,
      modelledChangePts: s.modelledChangePts,
    })),
    payout: report.comp.total,
    guardrails: report.guardrails.filter((g) => g.isCrossed).map((g) => ({ id: g.id, crossings: g.crossings })),
  };
}

function valueText(value: number | string | null): string | null {
  return value === null ? null : new Decimal(value).toFixed();
}

function calendarsOf(set: PolicySet): Map<string, BusinessCalendar> {
  return new Map(set.Calendar.map((c) => [c.metadata.name, createBusinessCalendar(c.spec, c.metadata.name)]));
}

/**
 * Sweeps one policy value over a range: for each value the head's files are re-validated with
 * it set, evaluated on the data prepared once, and compared with the base evaluated once,
 * exactly as `revops impact` compares them. A value the checks reject is a row with its errors.
 */
export function sweepImpact(input: SweepInput): ImpactSweepReport {
  const { base, head, spec, target } = input;
  const baseDoc = base.set[target.policy.kind].find((p) => p.metadata.name === target.policy.metadata.name);
  const baseWalk = baseDoc === undefined ? null : walkSweepPath(baseDoc, spec.steps);
  const baseValue = baseWalk === null || 'error' in baseWalk ? null : valueText(baseWalk.current);
  const headValue = valueText(target.current);
  const warnings: EngineWarning[] = [...base.evaluation.report.warnings];
  let first: ImpactReport | undefined;
  const rows = spec.values.map((value, i): SweepRow => {
    const text = value.toFixed();
    input.onValue?.(i, spec.values.length, text);
    const marks = {
      value: text,
      isBase: baseValue !== null && value.eq(baseValue),
      isHead: headValue !== null && value.eq(headValue),
    };
    const loaded = loadPolicySources(applySweepValue(head.sources, target, value));
    const errors = loaded.issues.filter((issue) => issue.severity === 'error');
    if (errors.length > 0)
      return {
        ...marks,
        figures: null,
        issues: errors.map(({ code, message, file, path, line, column }) => ({
          code,
          message,
          file,
          path,
          line,
          column,
        })),
      };
    const evaluation = input.evaluate(loaded.set, calendarsOf(loaded.set));
    const report = computeImpact(
      base,
      { ref: head.ref, sha: head.sha, policyHash: head.policyHash, set: loaded.set, evaluation },
      input.leads,
      input.impactOptions,
    );
    first ??= report;
    warnings.push(...evaluation.report.warnings);
    return { ...marks, figures: selectSweepFigures(report), issues: [] };
  });
  const b = base.evaluation.report;
  return {
    schemaVersion: 1,
    kind: 'impact-sweep',
    base: { ref: base.ref, sha: base.sha, policyHash: base.policyHash },
    head: { ref: head.ref, sha: head.sha, policyHash: head.policyHash },
    stamp: {
      engine: 'revops-policy',
      engineVersion: input.impactOptions.engineVersion,
      dataHash: b.stamp.dataHash,
      asOf: b.stamp.asOf,
      asOfSource: b.stamp.asOfSource,
      ...(input.impactOptions.generatedAt === undefined ? {} : { generatedAt: input.impactOptions.generatedAt }),
    },
    sweep: {
      policy: { kind: target.policy.kind, name: target.policy.metadata.name, file: target.policy.file },
      path: spec.path,
      from: spec.from.toFixed(),
      to: spec.to.toFixed(),
      step: spec.step.toFixed(),
      baseValue,
      headValue,
      maxValues: MAX_SWEEP_VALUES,
    },
    entryStage: { stage: first?.mqlVolume.stage ?? null, name: first?.mqlVolume.stageName ?? null },
    rows,
    data: b.data,
    warnings: dedupeWarnings(warnings),
    isMasked: false,
  };
}
