import { Exact, wilsonInterval } from '../estimate/index.js';
import type { Policy } from '../policy/types.js';
import type { AttributeInsight, GroupInsight, StageInsight, Suggestion } from './types.js';

/** What the suggestions are drawn from: the constraint stage's insight and the lead definition. */
export interface SuggestionInput {
  stage: StageInsight;
  definition: Policy<'LeadDefinition'>;
  /** Utilisation of the constraint stage (4 dp); null without capacity. */
  utilisation: number | null;
  bandWidth: number;
  /** Leads a class's new minScore would move into or out of it (see `countMovedLeads`). */
  countMoved(classId: string, minScore: number): number;
}

/** Points a suggestion moves a fixed-points rule by, and the sweep's step. */
const POINTS_STEP = 5;

const attributeOf = (stage: StageInsight, kind: AttributeInsight['kind']) =>
  stage.attributes.find((a) => a.kind === kind);

/**
 * Scoring changes the data supports, at most one of each kind, in this order:
 * - the class that qualifies leads into the stage: raise its minScore past its lowest score band
 *   when that band converts below the stage's rate (its whole interval lies below); lower it by a
 *   band when the stage has room (utilisation below 1) and the lowest band converts at least at the
 *   stage's rate (the leads just below the threshold are assumed to convert like it: the reporter says so);
 * - the scoring rule with the highest lift among those converting above the stage's rate: raise its
 *   points; the one with the lowest lift among those converting below it: lower them;
 * - the lead field no rule of the lead definition reads with the value of highest lift above the stage's rate: add a rule.
 * Groups below the minimum sample and `other` never count.
 */
export function suggestScoringChanges(input: SuggestionInput): Suggestion[] {
  const { stage, definition } = input;
  const overallRate = stage.overall.rate;
  const out: Suggestion[] = [];
  const threshold = suggestThreshold(input);
  if (threshold !== null) out.push(threshold);
  const rules = attributeOf(stage, 'scoring-rule')?.groups.filter((g) => !g.isOther && g.value !== null) ?? [];
  const best = rules.filter((g) => g.signal === 'above').sort(byLift)[0];
  const worst = rules
    .filter((g) => g.signal === 'below')
    .sort(byLift)
    .reverse()[0];
  for (const [code, group] of [
    ['raise-points', best],
    ['lower-points', worst],
  ] as const) {
    if (group === undefined) continue;
    const found = findRule(definition, group.value as string);
    if (found === null) continue;
    const points = typeof found.rule.points === 'number' ? found.rule.points : null;
    const sign = code === 'raise-points' ? 1 : -1;
    const path = `spec.scoring.${found.category}.rules[id=${found.rule.id}].points`;
    out.push({
      code,
      stage: stage.stage,
      definition: definition.metadata.name,
      category: found.category,
      rule: found.rule.id,
      points,
      to: points === null ? null : points + sign * POINTS_STEP,
      evidence: group,
      overallRate,
      sweep:
        points === null
          ? null
          : sign > 0
            ? { path, from: points, to: points + 2 * POINTS_STEP, step: POINTS_STEP }
            : { path, from: points - 2 * POINTS_STEP, to: points, step: POINTS_STEP },
    });
  }
  const read = fieldsReadByDefinition(definition);
  const candidates = stage.attributes
    .filter((a) => a.kind === 'field' && !a.isPersonal && !read.has(a.attribute))
    .flatMap((a) =>
      a.groups
        .filter((g) => g.signal === 'above' && !g.isOther && g.value !== null)
        .map((g) => ({ attribute: a.attribute, g })),
    )
    .sort((a, b) => byLift(a.g, b.g) || (a.attribute < b.attribute ? -1 : 1));
  const add = candidates[0];
  if (add !== undefined)
    out.push({
      code: 'add-rule',
      stage: stage.stage,
      definition: definition.metadata.name,
      attribute: add.attribute,
      value: add.g.value as string,
      evidence: add.g,
      overallRate,
    });
  return out;
}

/** Highest lift first; ties by more matured items. */
function byLift(a: GroupInsight, b: GroupInsight): number {
  return (b.lift ?? 0) - (a.lift ?? 0) || b.matured - a.matured;
}

function suggestThreshold(input: SuggestionInput): Suggestion | null {
  const { stage, definition, bandWidth } = input;
  const cls = definition.spec.classes.find((c) => c.stage === stage.stage && c.minScore !== undefined);
  if (cls?.minScore === undefined) return null;
  const minScore = cls.minScore;
  const bands = (attributeOf(stage, 'score-band')?.groups ?? [])
    .filter((g) => g.range !== null && !g.isOther && g.range.to > minScore)
    .sort((a, b) => (a.range?.from ?? 0) - (b.range?.from ?? 0));
  const lowest = bands[0];
  if (lowest?.range == null || lowest.signal === 'small') return null;
  const common = {
    stage: stage.stage,
    definition: definition.metadata.name,
    class: cls.id,
    from: minScore,
    evidence: lowest,
    overallRate: stage.overall.rate,
    utilisation: input.utilisation,
  };
  const path = `spec.classes[id=${cls.id}].minScore`;
  if (lowest.signal === 'below') {
    // Past every band from the bottom that converts below the stage's rate.
    let k = 0;
    while (bands[k + 1]?.signal === 'below') k++;
    const removed = bands.slice(0, k + 1);
    const to = (removed[k]?.range as { to: number }).to;
    return {
      code: 'raise-threshold',
      ...common,
      evidence: mergeBands(removed, stage.overall, lowest.signal),
      to,
      leadsMoved: input.countMoved(cls.id, to),
      sweep: { path, from: minScore, to: to + bandWidth, step: POINTS_STEP },
    };
  }
  const hasRoom = input.utilisation !== null && input.utilisation < 1;
  if (hasRoom && (lowest.lift ?? 0) >= 1) {
    const to = minScore - bandWidth;
    return {
      code: 'lower-threshold',
      ...common,
      to,
      leadsMoved: input.countMoved(cls.id, to),
      sweep: { path, from: to, to: minScore, step: POINTS_STEP },
    };
  }
  return null;
}

/** Disjoint score bands as one group: counts add up; rate, interval and lift recomputed exactly. */
function mergeBands(
  bands: readonly GroupInsight[],
  overall: StageInsight['overall'],
  signal: GroupInsight['signal'],
): GroupInsight {
  if (bands.length === 1) return bands[0] as GroupInsight;
  const sum = (f: (g: GroupInsight) => number) => bands.reduce((s, g) => s + f(g), 0);
  const [entered, matured, advanced] = [sum((g) => g.entered), sum((g) => g.matured), sum((g) => g.advanced)];
  const { low, high } = wilsonInterval(advanced, matured);
  const rate = matured === 0 ? null : new Exact(advanced).div(matured);
  const round4 = (x: Exact) => x.toDecimalPlaces(4).toNumber();
  return {
    value: null,
    isOther: false,
    range: { from: bands[0]?.range?.from ?? 0, to: bands[bands.length - 1]?.range?.to ?? 0 },
    entered,
    matured,
    advanced,
    rate: rate === null ? null : round4(rate),
    low: rate === null ? null : round4(low),
    high: rate === null ? null : round4(high),
    lift:
      rate === null || overall.advanced === 0
        ? null
        : round4(rate.div(new Exact(overall.advanced).div(overall.matured))),
    signal,
    rank: null,
  };
}

function findRule(
  definition: Policy<'LeadDefinition'>,
  id: string,
): { category: 'fit' | 'engagement'; rule: { id: string; points: unknown } } | null {
  for (const category of ['fit', 'engagement'] as const) {
    const rule = definition.spec.scoring?.[category]?.rules.find((r) => r.id === id);
    if (rule !== undefined) return { category, rule };
  }
  return null;
}

/** The fields any rule of the lead definition reads (`var` paths' first segment): exclusions, hand-raisers, scoring, classes. */
export function fieldsReadByDefinition(definition: Policy<'LeadDefinition'>): Set<string> {
  const out = new Set<string>();
  const walk = (node: unknown, depth: number): void => {
    if (depth > 64 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((n) => walk(n, depth + 1));
    for (const [key, arg] of Object.entries(node)) {
      if (key === 'var') {
        const path = Array.isArray(arg) ? arg[0] : arg;
        if (typeof path === 'string') out.add(path.split('.')[0] as string);
      } else walk(arg, depth + 1);
    }
  };
  const spec = definition.spec;
  for (const rule of [...(spec.exclusions ?? []), ...(spec.handRaisers ?? [])]) walk(rule.when, 0);
  for (const category of ['fit', 'engagement'] as const)
    for (const rule of spec.scoring?.[category]?.rules ?? []) {
      walk(rule.when, 0);
      walk(rule.points, 0);
    }
  for (const cls of spec.classes) walk(cls.when, 0);
  return out;
}
