import { canonicalModel } from '../model/canonical.js';
import { compileRuleSet, RuleEvaluationError, truthy } from '../logic/compile.js';
import type { BusinessCalendar, CompiledRule, CoverageSink } from '../logic/compile.js';
import type { LeadDefinitionSpec, Policy, ScoringCategory } from '../policy/types.js';
import { parseDuration } from './duration.js';

/** How a lead's class was decided. */
export type ClassReason = 'exclusion' | 'hand-raiser' | 'threshold' | 'default';

/** The class of one lead under the lead definition, with the scores behind it. */
export interface LeadClassification {
  class: string;
  reason: ClassReason;
  /** The exclusion, hand-raiser or class that decided, when one did. */
  ruleId?: string;
  /** Fit score after its cap. */
  fit: number;
  /** Engagement score after decay and cap. */
  engagement: number;
  /** fit + engagement. */
  score: number;
  /** Ids of the scoring rules that gave the lead points (≠ 0), fit then engagement; only with `collectFired`. */
  fired?: string[];
  /** Engagement before decay and cap, and the decay factor applied (1 = none). */
  engagementRaw: number;
  decayFactor: number;
}

export const EXCLUDED_CLASS = 'excluded';

/** A scoring rule; `when` and a computed `points` are the places of their rules in the rule set's results. */
interface CompiledScoringRule {
  id: string;
  when?: number;
  points: number | { rule: number };
  /** Where the rule is, for an error about its points. */
  path: (string | number)[];
}

interface CompiledCategory {
  cap?: number;
  halfLifeMs?: number;
  decayFrom?: string;
  rules: CompiledScoringRule[];
}

export interface CompileLeadDefinitionOptions {
  /** Epoch ms of the evaluation's as-of time: decay and `hours_since` count from it. */
  asOf: number;
  calendars?: ReadonlyMap<string, BusinessCalendar>;
  coverage?: CoverageSink;
  /**
   * `false` scores engagement without decay: the score a lead had at its last engagement,
   * when it could qualify. The engine replays qualification this way; `explain` and `test`
   * keep the default (decayed to as-of).
   */
  decay?: boolean;
  /** Lists the scoring rules that gave each lead points (`fired`), for `insights`. */
  collectFired?: boolean;
  /** Told each decision the lead reached, for outcome coverage in `test`. */
  observe?: OutcomeObserver;
}

/**
 * Hears each decision one lead reached and how it went: an exclusion or hand-raiser
 * (`['spec', 'exclusions', i]`, true when it matched), a scoring rule (`[..., 'rules', i]`, true
 * when it gave points) and each threshold of a class the lead was measured against
 * (`['spec', 'classes', i, 'minScore' | 'minFit' | 'minEngagement' | 'when']`, true when met).
 */
export type OutcomeObserver = (path: readonly (string | number)[], isTrue: boolean) => void;

/** A lead definition compiled once, to classify any number of leads. */
export interface CompiledLeadDefinition {
  policy: Policy<'LeadDefinition'>;
  classify(lead: Readonly<Record<string, unknown>>): LeadClassification;
}

const leadFieldTypes = Object.fromEntries(
  Object.entries(canonicalModel.leads).map(([name, spec]) => [name, spec.type]),
);

/**
 * Compiles every rule of a lead definition. Classification order: exclusions (first match
 * → `excluded`), hand-raisers (first match → its class), then scores against the classes in
 * order (first met), else the default class. Scores: each category sums the points of its
 * matching rules; engagement is multiplied by 0.5^(time since `decay.from` / `halfLife`)
 * (no decay when that field is empty); then each category is capped at `cap`.
 */
export function compileLeadDefinition(
  policy: Policy<'LeadDefinition'>,
  options: CompileLeadDefinitionOptions,
): CompiledLeadDefinition {
  const spec: LeadDefinitionSpec = policy.spec;
  const base = {
    asOf: options.asOf,
    fieldTypes: leadFieldTypes,
    ...(options.calendars ? { calendars: options.calendars } : {}),
    ...(options.coverage ? { coverage: options.coverage } : {}),
  };
  // Every rule is compiled into one rule set, evaluated once per lead; `compile` hands out
  // each rule's place in the results, in the order listed by `definitionRules`.
  const listed = definitionRules(spec);
  const set = compileRuleSet(
    listed.map((r) => r.rule),
    base,
    listed.map((r) => r.path),
  );
  let next = 0;
  const compile = (rule: unknown, path: (string | number)[]): number => {
    const i = next++;
    if (listed[i]?.rule !== rule) throw new Error(`internal: rule ${path.join('.')} is not listed in order`);
    return i;
  };

  const exclusions = (spec.exclusions ?? []).map((r, i) => ({
    id: r.id,
    when: compile(r.when, ['spec', 'exclusions', i, 'when']),
  }));
  const handRaisers = (spec.handRaisers ?? []).map((r, i) => ({
    id: r.id,
    classifyAs: r.classifyAs,
    when: compile(r.when, ['spec', 'handRaisers', i, 'when']),
  }));
  const category = (name: 'fit' | 'engagement', source: ScoringCategory | undefined): CompiledCategory => ({
    ...(source?.cap !== undefined ? { cap: source.cap } : {}),
    ...(source?.decay !== undefined
      ? { halfLifeMs: parseDuration(source.decay.halfLife), decayFrom: source.decay.from }
      : {}),
    rules: (source?.rules ?? []).map((r, i) => {
      const path = ['spec', 'scoring', name, 'rules', i];
      return {
        id: r.id,
        ...(r.when !== undefined ? { when: compile(r.when, [...path, 'when']) } : {}),
        points: typeof r.points === 'number' ? r.points : { rule: compile(r.points, [...path, 'points']) },
        path: [...path, 'points'],
      };
    }),
  });
  const fit = category('fit', spec.scoring?.fit);
  const engagement = category('engagement', spec.scoring?.engagement);
  const classes = spec.classes.map((c, i) => ({
    ...c,
    whenRule: c.when === undefined ? undefined : compile(c.when, ['spec', 'classes', i, 'when']),
  }));

  /**
   * The results of the lead being classified, all evaluated at once; a rule that failed on
   * it throws when consulted. Collecting coverage, each rule runs only when consulted, so
   * coverage shows the clauses that took part in a decision.
   */
  const results = new Array<unknown>(listed.length);
  const isLazy = options.coverage !== undefined;
  let current: Readonly<Record<string, unknown>> = {};
  const result = (i: number): unknown => {
    if (isLazy) return (set.rules[i] as CompiledRule)(current);
    const value = results[i];
    if (value instanceof RuleEvaluationError) throw value;
    return value;
  };
  const isMet = (i: number): boolean => truthy(result(i));
  const observe = options.observe;

  const classify = (lead: Readonly<Record<string, unknown>>): LeadClassification => {
    current = lead;
    if (!isLazy) set.evaluate(lead, results);
    // Indexed loops: this runs once per lead of the data.
    for (let i = 0; i < exclusions.length; i++) {
      const rule = exclusions[i] as (typeof exclusions)[number];
      const isExcluded = isMet(rule.when);
      observe?.(['spec', 'exclusions', i], isExcluded);
      if (isExcluded) return decided(EXCLUDED_CLASS, 'exclusion', rule.id, 0, 0, 0, 1);
    }
    const fired = options.collectFired === true ? [] : undefined;
    const fitRaw = sumPoints(fit, isMet, result, fired, observe);
    const engagementRaw = sumPoints(engagement, isMet, result, fired, observe);
    const decayFactor = options.decay === false ? 1 : decay(engagement, lead, options.asOf);
    const fitScore = capScore(fitRaw, fit.cap);
    const engagementScore = capScore(engagementRaw * decayFactor, engagement.cap);
    const score = fitScore + engagementScore;
    if (!Number.isFinite(score))
      throw notFinite(`The score (fit ${fitScore} + engagement ${engagementScore})`, ['spec', 'scoring']);
    for (let i = 0; i < handRaisers.length; i++) {
      const rule = handRaisers[i] as (typeof handRaisers)[number];
      const isRaised = isMet(rule.when);
      observe?.(['spec', 'handRaisers', i], isRaised);
      if (isRaised)
        return withFired(
          fired,
          decided(rule.classifyAs, 'hand-raiser', rule.id, fitScore, engagementScore, engagementRaw, decayFactor),
        );
    }
    for (let i = 0; i < classes.length; i++) {
      const cls = classes[i] as (typeof classes)[number];
      if (observe !== undefined) observeThresholds(observe, i, cls, fitScore, engagementScore, score);
      const isScored =
        (cls.minScore === undefined || score >= cls.minScore) &&
        (cls.minFit === undefined || fitScore >= cls.minFit) &&
        (cls.minEngagement === undefined || engagementScore >= cls.minEngagement);
      // The class's `when` is consulted only for a lead whose scores qualify, as before.
      const isWhenMet = !isScored || cls.whenRule === undefined ? true : isMet(cls.whenRule);
      if (isScored && cls.whenRule !== undefined) observe?.(['spec', 'classes', i, 'when'], isWhenMet);
      const meets = isScored && isWhenMet;
      if (meets)
        return withFired(
          fired,
          decided(cls.id, 'threshold', cls.id, fitScore, engagementScore, engagementRaw, decayFactor),
        );
    }
    return withFired(
      fired,
      decided(spec.defaultClass, 'default', undefined, fitScore, engagementScore, engagementRaw, decayFactor),
    );
  };
  return { policy, classify };
}

/** Each numeric threshold of class `i`, met or missed by the lead's scores (all of them, not only the first missed). */
function observeThresholds(
  observe: OutcomeObserver,
  i: number,
  cls: { minScore?: number; minFit?: number; minEngagement?: number },
  fit: number,
  engagement: number,
  score: number,
): void {
  if (cls.minScore !== undefined) observe(['spec', 'classes', i, 'minScore'], score >= cls.minScore);
  if (cls.minFit !== undefined) observe(['spec', 'classes', i, 'minFit'], fit >= cls.minFit);
  if (cls.minEngagement !== undefined)
    observe(['spec', 'classes', i, 'minEngagement'], engagement >= cls.minEngagement);
}

/** The classification with the scoring rules that fired, when they were collected. */
function withFired(fired: string[] | undefined, c: LeadClassification): LeadClassification {
  if (fired !== undefined) c.fired = fired;
  return c;
}

/** A classification; `score` is fit + engagement. */
function decided(
  cls: string,
  reason: ClassReason,
  ruleId: string | undefined,
  fit: number,
  engagement: number,
  engagementRaw: number,
  decayFactor: number,
): LeadClassification {
  const score = fit + engagement;
  if (ruleId === undefined) return { class: cls, reason, fit, engagement, score, engagementRaw, decayFactor };
  return { class: cls, reason, ruleId, fit, engagement, score, engagementRaw, decayFactor };
}

/** Every rule of a lead definition with its path, in the order `compileLeadDefinition` compiles them. */
function definitionRules(spec: LeadDefinitionSpec): { rule: unknown; path: (string | number)[] }[] {
  const out: { rule: unknown; path: (string | number)[] }[] = [];
  (spec.exclusions ?? []).forEach((r, i) => out.push({ rule: r.when, path: ['spec', 'exclusions', i, 'when'] }));
  (spec.handRaisers ?? []).forEach((r, i) => out.push({ rule: r.when, path: ['spec', 'handRaisers', i, 'when'] }));
  for (const name of ['fit', 'engagement'] as const) {
    (spec.scoring?.[name]?.rules ?? []).forEach((r, i) => {
      const path = ['spec', 'scoring', name, 'rules', i];
      if (r.when !== undefined) out.push({ rule: r.when, path: [...path, 'when'] });
      if (typeof r.points !== 'number') out.push({ rule: r.points, path: [...path, 'points'] });
    });
  }
  spec.classes.forEach((c, i) => {
    if (c.when !== undefined) out.push({ rule: c.when, path: ['spec', 'classes', i, 'when'] });
  });
  return out;
}

function sumPoints(
  category: CompiledCategory,
  isMet: (rule: number) => boolean,
  result: (rule: number) => unknown,
  fired?: string[],
  observe?: OutcomeObserver,
): number {
  let sum = 0;
  for (const rule of category.rules) {
    if (rule.when !== undefined && !isMet(rule.when)) {
      observe?.(rule.path.slice(0, -1), false);
      continue;
    }
    const value = typeof rule.points === 'number' ? rule.points : result(rule.points.rule);
    const points = Number(value);
    if (Number.isFinite(points)) {
      sum += points;
      if (points !== 0) fired?.push(rule.id);
      observe?.(rule.path.slice(0, -1), points !== 0);
    }
    // A number that is not finite (1e308 × 10, a division by zero) fails the lead's row; a
    // points rule that yields no number at all (e.g. a missing field) gives no points.
    else if (typeof value === 'number' || points === Infinity || points === -Infinity)
      throw notFinite(`The points of \`${rule.id}\` came out ${String(value)}`, rule.path);
    else observe?.(rule.path.slice(0, -1), false);
  }
  if (!Number.isFinite(sum)) throw notFinite(`The points add up to ${sum}`, category.rules[0]?.path.slice(0, -2) ?? []);
  return sum;
}

/** A score that is not a finite number: an error of the lead's row, counted and shown, never a NaN score. */
function notFinite(what: string, path: (string | number)[]): RuleEvaluationError {
  return new RuleEvaluationError('evaluation', `${what}, which is not a finite number`, path);
}

function decay(category: CompiledCategory, lead: Readonly<Record<string, unknown>>, asOf: number): number {
  if (category.halfLifeMs === undefined || category.decayFrom === undefined) return 1;
  const from = lead[category.decayFrom];
  if (typeof from !== 'number') return 1;
  const elapsed = Math.max(0, asOf - from);
  return Math.pow(0.5, elapsed / category.halfLifeMs);
}

function capScore(value: number, cap: number | undefined): number {
  return cap === undefined ? value : Math.min(value, cap);
}
