import { canonicalModel } from '../model/canonical.js';
import { traceRule } from '../logic/compile.js';
import type { BusinessCalendar, TraceNode } from '../logic/compile.js';
import type { Policy } from '../policy/types.js';
import { compileLeadDefinition } from './classify.js';
import type { LeadClassification } from './classify.js';

type Path = (string | number)[];

/** One rule of the lead definition as it applied to one lead. */
export interface RuleExplanation {
  section: 'exclusion' | 'hand-raiser' | 'fit' | 'engagement';
  id: string;
  /** Path of the rule's `when` (or of the rule when it has none). */
  path: Path;
  isMatched: boolean;
  /** Points the rule gave (scoring rules that matched). */
  points?: number;
  when?: TraceNode;
  pointsTrace?: TraceNode;
}

export interface ClassExplanation {
  id: string;
  path: Path;
  isMet: boolean;
  checks: { name: 'minScore' | 'minFit' | 'minEngagement'; threshold: number; value: number; isMet: boolean }[];
  when?: TraceNode;
}

/** The commands that report a lead's class at the time it was decided (the replay). */
export const REPLAY_REPORTED_BY = ['evaluate', 'impact'] as const;
/** The commands that report a lead's class at the as-of, engagement decayed. */
export const AS_OF_REPORTED_BY = ['explain', 'test'] as const;

/**
 * Why a lead has its class: every rule's trace with the values it saw. A lead has two classes
 * when engagement decays: `replay` is the one `evaluate` and `impact` count (scored at its last
 * engagement, when it was decided, no decay since); `classification` and `classes` are at the
 * as-of with engagement decayed (what `revops test` checks, and what the rule traces show).
 */
export interface LeadExplanation {
  leadId: string;
  policy: string;
  file: string;
  asOf: number;
  /** At the as-of, engagement decayed to it. */
  classification: LeadClassification;
  rules: RuleExplanation[];
  /** Each class's thresholds against the as-of scores. */
  classes: ClassExplanation[];
  /** The class the replay uses (evaluate, impact): engagement at the lead's last engagement, no decay. */
  replay: { classification: LeadClassification; classes: ClassExplanation[]; reportedBy: string[] };
  /** Commands that report the as-of class. */
  asOfReportedBy: string[];
  /** Whether both give the same class. */
  isSameClass: boolean;
}

const fieldTypes = Object.fromEntries(Object.entries(canonicalModel.leads).map(([name, spec]) => [name, spec.type]));

/**
 * Explains one lead: the classification (from the compiled rules, exactly as an evaluation
 * computes it) and a trace of every rule. Rules are traced even where classification
 * stopped early (an exclusion matched), so the explanation shows everything at once.
 */
export function explainLead(
  policy: Policy<'LeadDefinition'>,
  lead: Readonly<Record<string, unknown>>,
  options: { asOf: number; calendars?: ReadonlyMap<string, BusinessCalendar> },
): LeadExplanation {
  const classification = compileLeadDefinition(policy, options).classify(lead);
  const replayed = compileLeadDefinition(policy, { ...options, decay: false }).classify(lead);
  const trace = (rule: unknown, path: Path): TraceNode =>
    traceRule(rule, lead, {
      asOf: options.asOf,
      fieldTypes,
      path,
      ...(options.calendars ? { calendars: options.calendars } : {}),
    });
  const isTrue = (node: TraceNode): boolean =>
    Array.isArray(node.value) ? node.value.length > 0 : Boolean(node.value);
  const spec = policy.spec;
  const rules: RuleExplanation[] = [];
  spec.exclusions?.forEach((r, i) => {
    const path = ['spec', 'exclusions', i, 'when'];
    const when = trace(r.when, path);
    rules.push({ section: 'exclusion', id: r.id, path, isMatched: isTrue(when), when });
  });
  spec.handRaisers?.forEach((r, i) => {
    const path = ['spec', 'handRaisers', i, 'when'];
    const when = trace(r.when, path);
    rules.push({ section: 'hand-raiser', id: r.id, path, isMatched: isTrue(when), when });
  });
  for (const section of ['fit', 'engagement'] as const) {
    spec.scoring?.[section]?.rules.forEach((r, i) => {
      const base = ['spec', 'scoring', section, 'rules', i];
      const when = r.when === undefined ? undefined : trace(r.when, [...base, 'when']);
      const isMatched = when === undefined || isTrue(when);
      const explanation: RuleExplanation = {
        section,
        id: r.id,
        path: when === undefined ? base : [...base, 'when'],
        isMatched,
      };
      if (when !== undefined) explanation.when = when;
      if (isMatched) {
        if (typeof r.points === 'number') {
          explanation.points = r.points;
        } else {
          explanation.pointsTrace = trace(r.points, [...base, 'points']);
          const points = Number(explanation.pointsTrace.value);
          explanation.points = Number.isFinite(points) ? points : 0;
        }
      }
      rules.push(explanation);
    });
  }
  const classWhens = spec.classes.map((cls, i) =>
    cls.when === undefined ? undefined : trace(cls.when, ['spec', 'classes', i, 'when']),
  );
  const classesFor = (c: LeadClassification): ClassExplanation[] =>
    spec.classes.map((cls, i): ClassExplanation => {
      const checks: ClassExplanation['checks'] = [];
      if (cls.minScore !== undefined)
        checks.push({ name: 'minScore', threshold: cls.minScore, value: c.score, isMet: c.score >= cls.minScore });
      if (cls.minFit !== undefined)
        checks.push({ name: 'minFit', threshold: cls.minFit, value: c.fit, isMet: c.fit >= cls.minFit });
      if (cls.minEngagement !== undefined) {
        checks.push({
          name: 'minEngagement',
          threshold: cls.minEngagement,
          value: c.engagement,
          isMet: c.engagement >= cls.minEngagement,
        });
      }
      const when = classWhens[i];
      const isMet = checks.every((k) => k.isMet) && (when === undefined || isTrue(when));
      return { id: cls.id, path: ['spec', 'classes', i], isMet, checks, ...(when !== undefined ? { when } : {}) };
    });
  const classes = classesFor(classification);
  const id = lead.id;
  return {
    leadId: typeof id === 'string' ? id : String(id),
    policy: policy.metadata.name,
    file: policy.file,
    asOf: options.asOf,
    classification,
    rules,
    classes,
    replay: { classification: replayed, classes: classesFor(replayed), reportedBy: [...REPLAY_REPORTED_BY] },
    asOfReportedBy: [...AS_OF_REPORTED_BY],
    isSameClass: replayed.class === classification.class,
  };
}
