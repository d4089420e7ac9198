import type {
  AttributeInsight,
  ConversionFigures,
  GroupInsight,
  InsightsReport,
  StageInsight,
  Suggestion,
  SweepRange,
} from '../core/insights/types.js';
import { formatCount, formatDecimal, formatPercent, plural } from './figures.js';
import { NONE } from './impact-phrases.js';

/**
 * The sentences and table cells of `revops insights`, shared by the terminal and markdown
 * reporters. Table cells are plain text (each table renderer escapes its cells); sentences take
 * `esc`, the output's escaping for one untrusted value (a data value, a policy's name or id).
 */
export type Escape = (text: string) => string;

/** Longest attribute value shown; longer ones are cut with `…` (the JSON keeps them whole). */
const MAX_VALUE = 48;

function cut(text: string): string {
  const chars = [...text];
  return chars.length > MAX_VALUE ? `${chars.slice(0, MAX_VALUE - 1).join('')}…` : text;
}

/** A rate with its interval: `31.4 % (28.0–35.0 %)`, or — when unknown. */
export function rateWithInterval(f: Pick<ConversionFigures, 'rate' | 'low' | 'high'>): string {
  if (f.rate === null || f.low === null || f.high === null) return NONE;
  return `${formatPercent(f.rate)} (${formatDecimal(f.low * 100, 1)}–${formatPercent(f.high)})`;
}

/** How an attribute is titled above its table. */
export function attributeTitle(a: AttributeInsight, report: Pick<InsightsReport, 'bandWidth'>): string {
  switch (a.kind) {
    case 'score-band':
      return `score band (${report.bandWidth} points, fit + engagement without decay; leads qualified by score only)`;
    case 'scoring-rule':
      return 'scoring rules that gave the lead points (a lead counts under each)';
    case 'qualified-by':
      return 'what qualified the lead (hand-raiser or score threshold)';
    case 'field':
      if (a.attribute === 'owner_id.manager_id') return "the owner's manager (identifies people)";
      return a.isPersonal ? `${a.attribute} (identifies people)` : a.attribute;
  }
}

/** A group's label: its value, band, or `other`; plain text. */
export function groupLabel(a: AttributeInsight, g: GroupInsight): string {
  if (g.isOther) return `other (${plural(a.otherValueCount, 'value')})`;
  if (g.range !== null) {
    const { from, to } = g.range;
    return Number.isInteger(from) && Number.isInteger(to)
      ? `${formatDecimal(from)}–${formatDecimal(to - 1)}`
      : `${formatDecimal(from)} to < ${formatDecimal(to)}`;
  }
  if (g.value === null) return '(empty)';
  if (a.kind === 'qualified-by') {
    const [reason, rule] = g.value.split(/:(.*)/s);
    if (reason === 'hand-raiser') return `hand-raiser ${cut(rule ?? '')}`;
    if (reason === 'threshold') return `score threshold of ${cut(rule ?? '')}`;
    return cut(reason ?? g.value);
  }
  return cut(g.value);
}

const SIGNALS: Record<GroupInsight['signal'], string> = {
  above: 'above',
  below: 'below',
  within: 'within',
  small: 'small sample',
};

export const GROUP_HEADERS = [
  'value',
  'entered',
  'matured',
  'advanced',
  'rate (95 % interval)',
  'lift',
  'vs stage',
  'rank',
];
export const GROUP_ALIGN = ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'right'] as const;

/** One table row per group; plain cells. */
export function groupRows(a: AttributeInsight): string[][] {
  return a.groups.map((g) => [
    groupLabel(a, g),
    formatCount(g.entered),
    formatCount(g.matured),
    formatCount(g.advanced),
    rateWithInterval(g),
    g.lift === null ? NONE : `${formatDecimal(g.lift, 2)}×`,
    SIGNALS[g.signal],
    g.rank === null ? '' : String(g.rank),
  ]);
}

/** What the table leaves out or marks, in one sentence; null when nothing. */
export function describeAttributeNotes(a: AttributeInsight, report: Pick<InsightsReport, 'maxGroups'>): string | null {
  if (a.otherValueCount === 0) return null;
  return `${plural(a.valueCount, 'value')}: the ${formatCount(report.maxGroups)} with the most matured items are shown, the other ${formatCount(a.otherValueCount)} summed as "other".`;
}

/** The stage heading: `mql (Marketing qualified) → sal (Sales accepted)`. */
export function stageHeading(s: StageInsight, esc: Escape): string {
  const role = s.role === 'constraint' ? 'the constraint' : 'the stage after the constraint';
  return `${esc(s.stage)} (${esc(s.name)}) → ${esc(s.next)} (${esc(s.nextName)}), ${role}`;
}

/** The stage's overall conversion and how maturity was judged. */
export function describeStageOverall(s: StageInsight): string {
  const o = s.overall;
  const m = s.maturity;
  const q = `p${Math.round(m.quantile * 100)}`;
  const cohort =
    m.days === null
      ? `no item has left the stage by as-of, so no maturity lag can be read and no rate is given`
      : `matured = entered at least ${formatDecimal(m.days, 1)} days before as-of (the ${q} of the time in stage of ${plural(m.left, 'item')} that left)`;
  return `${formatCount(o.entered)} entered in the window; ${cohort}; ${formatCount(o.matured)} matured, ${formatCount(o.advanced)} advanced: ${rateWithInterval(o)}.`;
}

/** How the constraint stage was picked. */
export function describeConstraint(r: InsightsReport, esc: Escape): string {
  const c = r.constraint;
  if (c.stage === null) return 'No constraint stage.';
  const source = {
    declared: 'declared by the RevenueGoal',
    measured: 'the stage with the highest utilisation',
    option: 'chosen with --stage',
  }[c.source ?? 'measured'];
  const load = c.utilisation === null ? 'no capacity' : `utilisation ${formatDecimal(c.utilisation, 2)}`;
  return `Constraint: ${esc(c.stage)} (${source}; ${load}).`;
}

/** Why there are no stages. */
export function describeUnknown(r: InsightsReport, esc: Escape): string {
  switch (r.unknown) {
    case 'no-funnel':
      return 'No Funnel policy: there are no stages to look at.';
    case 'no-constraint':
      return 'No constraint stage: the RevenueGoal declares none and no stage has a capacity. Pick one with --stage.';
    case 'unknown-stage':
      return `The funnel has no stage ${esc(r.constraint.stage ?? '')}.`;
    case 'no-next-stage':
      return `Stage ${esc(r.constraint.stage ?? '')} has no later stage to convert to. Pick another with --stage.`;
    default:
      return '';
  }
}

/** Why nothing is suggested. */
export function describeNoSuggestion(r: InsightsReport): string | null {
  switch (r.noSuggestion) {
    case 'no-lead-definition':
      return 'No LeadDefinition: there is no scoring to change.';
    case 'not-a-lead-stage':
      return 'The constraint is an opportunity stage: lead scoring does not decide what enters it.';
    case 'no-clear-signal':
      return `No scoring change stands out: no score band, scoring rule or lead field value with at least ${formatCount(r.minimumSample)} matured items converts clear of the stage's rate (its whole interval above or below it).`;
    default:
      return null;
  }
}

/**
 * The command line that tries a sweep on the lead definition (named, so the path cannot match another
 * document), with the policy directory as the base and the head.
 */
export function sweepCommand(s: SweepRange, definition: string): string {
  const n = (x: number) => String(x);
  return `revops impact --base-dir policies --sweep 'LeadDefinition/${definition}:${s.path}=${n(s.from)}..${n(s.to)}:${n(s.step)}'`;
}

function evidence(g: GroupInsight, overall: number | null): string {
  return `${rateWithInterval(g)} of ${plural(g.matured, 'matured item')}, against ${formatPercent(overall)} for the whole stage (lift ${g.lift === null ? NONE : formatDecimal(g.lift, 2)}×)`;
}

/** A suggestion as a sentence and, when it can be tried so, an `impact --sweep` command (policy ids only). */
export function phraseSuggestion(s: Suggestion, esc: Escape): { text: string; command: string | null } {
  switch (s.code) {
    case 'raise-threshold':
      return {
        text: `Raise the minScore of class ${esc(s.class)} (${esc(s.definition)}) from ${s.from} to ${s.to}: the leads it qualifies by a score of ${s.evidence.range === null ? NONE : `${s.evidence.range.from}–${s.evidence.range.to - 1}`} convert at ${evidence(s.evidence, s.overallRate)}. The change moves ${plural(s.leadsMoved, 'lead')} of the window out of ${esc(s.class)}, work the constraint ${esc(s.stage)} (utilisation ${s.utilisation === null ? NONE : formatDecimal(s.utilisation, 2)}) no longer spends on them.`,
        command: sweepCommand(s.sweep, s.definition),
      };
    case 'lower-threshold':
      return {
        text: `Lower the minScore of class ${esc(s.class)} (${esc(s.definition)}) from ${s.from} to ${s.to}: the leads just above it convert at ${evidence(s.evidence, s.overallRate)}, and ${esc(s.stage)} has room (utilisation ${s.utilisation === null ? NONE : formatDecimal(s.utilisation, 2)}). The change brings ${plural(s.leadsMoved, 'more lead')} of the window into ${esc(s.class)}; leads below the threshold were never worked, so that they convert like the band above is an assumption — the sweep shows what it does.`,
        command: sweepCommand(s.sweep, s.definition),
      };
    case 'raise-points':
    case 'lower-points': {
      const verb = s.code === 'raise-points' ? 'Raise' : 'Lower';
      const change =
        s.points === null || s.to === null
          ? 'its points are computed by a rule: change them in a head policy and run revops impact'
          : `${s.points} → ${s.to}`;
      return {
        text: `${verb} the points of ${s.category} rule ${esc(s.rule)} (${change}): leads it gave points convert at ${evidence(s.evidence, s.overallRate)}.`,
        command: s.sweep === null ? null : sweepCommand(s.sweep, s.definition),
      };
    }
    case 'add-rule':
      return {
        text: `Add a scoring rule for ${esc(s.attribute)} = ${esc(cut(s.value))}, a field no rule of ${esc(s.definition)} reads: those leads convert at ${evidence(s.evidence, s.overallRate)}. Add it to a head policy's spec.scoring and run revops impact on it.`,
        command: null,
      };
  }
}
