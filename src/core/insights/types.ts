import type { EngineWarning } from '../report/warnings.js';
import type { Report } from '../report/index.js';

/** A conversion among matured items: how many, how many advanced, the rate and its 95 % Wilson interval. */
export interface ConversionFigures {
  /** Items that entered the stage in the window. */
  entered: number;
  /** Of those, items that had time to convert (entered at least the maturity lag before as-of). */
  matured: number;
  /** Matured items that advanced to the next stage by as-of. */
  advanced: number;
  /** advanced ÷ matured (4 dp); null with no matured item. */
  rate: number | null;
  /** Wilson 95 % interval of the rate (4 dp); null with no matured item. */
  low: number | null;
  high: number | null;
}

/**
 * How a group compares with the stage's overall rate: `above` when its whole interval lies above
 * the overall rate, `below` when it lies below, `within` otherwise; `small` when the group has
 * fewer matured items than the minimum sample (shown, never ranked).
 */
export type GroupSignal = 'above' | 'below' | 'within' | 'small';

/** One value of an attribute (or the `other` bucket) at one stage. */
export interface GroupInsight extends ConversionFigures {
  /** The attribute's value as the data holds it (`true`/`false` for flags); null: empty; for `other`, null. */
  value: string | null;
  /** The values past the cap, summed. */
  isOther: boolean;
  /** For a score band: from ≤ score < to; null otherwise. */
  range: { from: number; to: number } | null;
  /** rate ÷ the stage's overall rate (4 dp); null when either is unknown or the overall rate is 0. */
  lift: number | null;
  signal: GroupSignal;
  /** 1 = highest lift among groups with the minimum sample (ties by size); null when not ranked. */
  rank: number | null;
}

/**
 * What an attribute groups by: a lead or opportunity `field`; the `score-band` of leads qualified
 * by score (fit + engagement without decay, as the replay classes them); the `scoring-rule`s that
 * gave a lead points (a lead is in every rule's group that fired for it); `qualified-by`, the
 * hand-raiser or class rule that decided the lead's class.
 */
export type AttributeKind = 'field' | 'score-band' | 'scoring-rule' | 'qualified-by';

/** Conversion by the values of one attribute. */
export interface AttributeInsight {
  /** The field name, or the kind for the derived attributes. */
  attribute: string;
  kind: AttributeKind;
  /** Whether the values identify people (owners): pseudonyms under `--mask`. */
  isPersonal: boolean;
  /** Distinct values seen among the stage's items. */
  valueCount: number;
  /** How many of them were summed into the `other` group (past the cap, smallest first). */
  otherValueCount: number;
  groups: GroupInsight[];
}

/** Conversion from one stage to its next, overall and by attribute. */
export interface StageInsight {
  stage: string;
  name: string;
  /** Why this stage: the constraint, or the stage after it. */
  role: 'constraint' | 'after-constraint';
  next: string;
  nextName: string;
  entity: 'lead' | 'opportunity';
  /**
   * Items count as matured when they entered at least `days` before as-of: the `quantile` of the
   * time in stage of the `left` items that entered in the window and left by as-of (days, 4 dp);
   * null when none left — then nothing is matured and every rate is unknown.
   */
  maturity: { days: number | null; left: number; quantile: number };
  overall: ConversionFigures;
  attributes: AttributeInsight[];
}

/** A value range `revops impact --sweep PATH=FROM..TO:STEP` can try, on the lead definition. */
export interface SweepRange {
  path: string;
  from: number;
  to: number;
  step: number;
}

/** A suggested change, as coded facts; the reporter phrases it and the command line to try it. */
export type Suggestion =
  | {
      code: 'raise-threshold' | 'lower-threshold';
      /** Stage whose conversion is the evidence. */
      stage: string;
      definition: string;
      class: string;
      /** The class's minScore now and the value suggested. */
      from: number;
      to: number;
      /** Matured items of the band that would leave (raise) or the nearest band (lower): the evidence. */
      evidence: GroupInsight;
      /** Leads created in the window whose class the change would move into or out of the class. */
      leadsMoved: number;
      /** The stage's overall rate, for comparison (4 dp). */
      overallRate: number | null;
      /** Utilisation of the constraint stage (4 dp); null without capacity. */
      utilisation: number | null;
      sweep: SweepRange;
    }
  | {
      code: 'raise-points' | 'lower-points';
      stage: string;
      definition: string;
      category: 'fit' | 'engagement';
      rule: string;
      /** The rule's fixed points; null when its points are a rule (computed per lead). */
      points: number | null;
      /** The value suggested for fixed points; null otherwise. */
      to: number | null;
      evidence: GroupInsight;
      overallRate: number | null;
      /** Null when the points are a rule: edit the head policy instead. */
      sweep: SweepRange | null;
    }
  | {
      code: 'add-rule';
      stage: string;
      definition: string;
      /** A lead field no scoring rule reads, and the value that converts above the stage's rate. */
      attribute: string;
      value: string;
      evidence: GroupInsight;
      overallRate: number | null;
    };

/** Why there is nothing to show: no funnel, no constraint stage, or the constraint has no next stage. */
export type InsightsUnknown = 'no-funnel' | 'no-constraint' | 'no-next-stage' | 'unknown-stage';

/** What `revops insights` reports: what converts at the constraint and the stage after it. */
export interface InsightsReport {
  schemaVersion: 1;
  kind: 'insights';
  stamp: Report['stamp'];
  window: { start: string; end: string };
  /** The stage looked at first, and how it was chosen. */
  constraint: { stage: string | null; source: 'declared' | 'measured' | 'option' | null; utilisation: number | null };
  /** The lead definition whose scores and rules are grouped by; null without one. */
  definition: string | null;
  /** Groups with fewer matured items are shown, marked `small`, never ranked or suggested. */
  minimumSample: number;
  /** Values kept per attribute (the largest); the rest are summed into `other`. */
  maxGroups: number;
  /** Width of a score band, in points. */
  bandWidth: number;
  stages: StageInsight[];
  suggestions: Suggestion[];
  /**
   * Why there is no suggestion: no lead definition, a constraint that is not a lead stage (scoring
   * does not decide what enters it), or no group clear of the stage's rate; null when there are some.
   */
  noSuggestion: 'no-lead-definition' | 'not-a-lead-stage' | 'no-clear-signal' | null;
  unknown: InsightsUnknown | null;
  data: Report['data'];
  warnings: EngineWarning[];
  isMasked: boolean;
}
