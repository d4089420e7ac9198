import type { CacFigure } from './cac.js';
import type { AttributionImpact } from './impact-attribution.js';
import type { ApprovalRule } from '../policy/types.js';
import type { PolicyKind } from '../schemas/index.js';
import type { EngineWarning } from './warnings.js';
import type { WaiverMark } from '../issue.js';
import type { DataAccounting } from './index.js';
import type { DeclaredConstraint } from './constraint.js';
import type { PlanPayoutChange } from './impact-payouts.js';
import type { ProjectionSection } from './projection.js';
import type { ImpactPeriods } from './impact-periods.js';

/** A figure under the base and the head policies. */
export interface Delta<T = number | null> {
  base: T;
  head: T;
  /** head − base; null when either is missing. */
  delta: T;
}

/** One change in one policy, by meaning rather than by text line. */
export interface PolicyChange {
  kind: string;
  name: string;
  file: string;
  change: 'added' | 'removed' | 'changed' | 'renamed';
  /** The base name of a renamed policy. */
  from?: string;
  /** Each changed value: a path through the spec where list items are named by their `id`. */
  changes: { path: string; before: unknown; after: unknown }[];
}

/** How many leads move from one class to another, with a few examples. */
export interface ClassTransition {
  from: string;
  to: string;
  count: number;
  /** Up to three lead ids (pseudonyms when masked). */
  examples: string[];
}

export interface StageImpact {
  stage: string;
  /** Null on a side whose funnel has no such stage. */
  arrivals: Delta;
  throughputPerWeek: Delta;
  conversionCohort: Delta;
  utilisation: Delta;
}

/** What one side's RevenueGoal declares for its constraint, and its metric measured against that side's own target. */
export type DeclaredSide = DeclaredConstraint;

/**
 * What the SLA queue model assumed, as a coded fact (reporters phrase it):
 * - `no-capacity`: the SLA starts at a stage without a capacity on a side (or at different stages):
 *   nothing is modelled, the replayed change counts;
 * - `no-steady-state`: at head utilisation ≥ 1 the queue grows every week; nothing is projected;
 * - `no-base-demand`: the base has no demand at the stage: nothing is modelled, the replayed change counts;
 * - `wait-scaling`: an M/M/1 queue, waits scale with ρ ÷ (1 − ρ) from base to head utilisation
 *   (the unrounded factor is `SlaImpact.waitFactor`); service and targets unchanged.
 */
export type SlaAssumption =
  | { code: 'no-capacity' }
  | { code: 'no-steady-state'; headUtilisation: number }
  | { code: 'no-base-demand' }
  | { code: 'wait-scaling'; baseUtilisation: number; headUtilisation: number; waitFactor: number };

/** A queue model of an SLA's response time when its stage's demand changes. */
export interface SlaImpact {
  name: string;
  /** Which sides measured the SLA: one only when it is renamed, added, removed or its events do not relate there. */
  measuredOn: 'both' | 'base' | 'head';
  stage: string | null;
  /**
   * Compliance measured on the data under each policy set (items new under the head are untouched,
   * so breached or pending).
   */
  replayed: Delta;
  /** Compliance the queue model projects for the head: base waits scaled by the model's factor. */
  modelled: number | null;
  /** modelled − base compliance, in percentage points. */
  modelledChangePts: number | null;
  medianResponseHours: { base: number | null; modelled: number | null };
  utilisation: Delta;
  /** Factor applied to every base wait; null when nothing is modelled (no capacity, no base demand, no steady state). */
  waitFactor: number | null;
  assumption: SlaAssumption;
}

export interface MoneyDelta {
  currency: string;
  base: string;
  head: string;
  delta: string;
  /** delta ÷ base × 100, 2 dp; null when base is 0. */
  deltaPct: number | null;
}

export interface GuardrailResult {
  id: string;
  description: string | null;
  metric: string | null;
  threshold: { above?: number; below?: number } | null;
  /** The metric's value for this change; null when it cannot be measured. */
  value: number | boolean | null;
  isCrossed: boolean;
  /** Why it is crossed, as coded facts (reporters phrase them); empty when it is not crossed. */
  crossings: GuardrailCrossing[];
  /**
   * Who must approve when it is crossed. `requires: any`: `minApprovals` different people among
   * the users and team members; `all`: every user and one member per team, each a different
   * person (`minApprovals` is then their count).
   */
  approvers: { users: string[]; teams: string[]; requires: ApprovalRule; minApprovals: number };
  /** A waiver of this crossed guardrail, when there is one (see `GuardrailWaiver`). */
  waiver?: GuardrailWaiver;
  /** The policy kinds whose change crosses it (`changedKinds`), when the rule watches any. */
  changedKinds?: PolicyKind[];
}

/**
 * A waiver of a crossed guardrail. `applied`: on the base branch and in force, so the guardrail
 * needs no approval (it stays crossed and shown); `proposed`: only in the head, so it takes
 * effect after merge and lifts nothing (a change cannot waive its own guardrail); `expired`:
 * on the base but past its date, lifting nothing. Owner and reason come from a policy file (untrusted).
 */
export interface GuardrailWaiver extends WaiverMark {
  status: 'applied' | 'proposed' | 'expired';
}

/**
 * One reason a guardrail is crossed. `value` is the metric's value (4 dp), `limit` the
 * guardrail's threshold; `data-changed` names no file: the files are in the report's `inputs`.
 * `policies-changed` names policies from the head's tree (untrusted: reporters escape them).
 */
export type GuardrailCrossing =
  | { code: 'above'; metric: string; value: number; limit: number }
  | { code: 'below'; metric: string; value: number; limit: number }
  | { code: 'is-true'; metric: string }
  | { code: 'data-changed' }
  | { code: 'unmeasurable'; metric: string; reason: UnmeasurableReason }
  | { code: 'policies-changed'; policies: { kind: string; name: string }[] };

/**
 * Why a guardrail metric cannot be measured on a change (names come from either tree: untrusted):
 * - `no-figure`: neither side has the figure (e.g. no SLA, no goal forecast);
 * - `from-zero`: a change in % of a base of 0;
 * - `counted-as-zero`: a payout built on a metric counted as 0 is no known cost;
 * - `currency-from-zero`: payouts in `currency` go from 0 to more than 0;
 * - `stage-unmeasured`: `stage` has a figure on one side only (`side` is the one without);
 * - `sla-one-side`: SLA `sla` is measured on `side` only (renamed, removed, added or unrelated events);
 * - `sla-unknown`: SLA `sla` is on both sides but its change cannot be computed.
 */
export type UnmeasurableReason =
  | { code: 'no-figure' }
  | { code: 'from-zero' }
  | { code: 'counted-as-zero' }
  | { code: 'currency-from-zero'; currency: string }
  | { code: 'stage-unmeasured'; stage: string; side: 'base' | 'head' }
  | { code: 'sla-one-side'; sla: string; side: 'base' | 'head' }
  | { code: 'sla-unknown'; sla: string };

/** Blended and paid CAC over the window, base and head, and blended's change in % of the base (null when unknown). */
export interface CacImpact {
  currency: string | null;
  blended: { base: CacFigure; head: CacFigure };
  paid: { base: CacFigure; head: CacFigure };
  /** New customers won in the window on each side. */
  customers: { base: number; head: number };
  /** Head minus base new customers. */
  customersDelta: number;
  /** Sales cost over the window on each side, to cents. */
  salesCost: { base: string; head: string };
  changePct: number | null;
  /** Paid CAC's change in % of the base, 2 dp; null when either side is unknown or the base is 0. */
  paidChangePct: number | null;
  /** Head minus base sales cost, exact. */
  salesCostDelta: string;
}

/** One data file that differs between the base and the head commit. */
export interface DataFileChange {
  /** Path in the repository (untrusted: the head's tree names it). */
  file: string;
  change: 'added' | 'removed' | 'changed';
  /**
   * Lines added, removed and changed (a removed and an added line with the same first field,
   * e.g. the same CSV id); null when the rows were not compared (see `note`).
   */
  rows: { added: number; removed: number; changed: number } | null;
  /** What else differs, e.g. "header changed", "a symbolic link at the head"; null when nothing. */
  note: string | null;
}

/** Where the replayed data came from, and what the change does to the data and the mappings. */
export interface ImpactInputs {
  /** Where the data was read: the base commit, the head commit or the working tree. */
  dataFrom: 'base' | 'head' | 'worktree';
  dataDir: string;
  /** Data files that differ between base and head (empty when both sides read the same files). */
  dataChanges: DataFileChange[];
  /** FieldMapping policies added, removed, renamed or changed, as `kind name change`. */
  mappingChanges: string[];
  /** Whether data or a mapping changed: the `data_changed` guardrail metric. */
  isChanged: boolean;
  /** Why the data was read where it was, when that is worth saying; null otherwise. */
  note: string | null;
}

/** The difference a policy change makes, evaluated on one data set read once. */
/**
 * The constraint's recent history (base policies) beside the stages the change works on: "the
 * constraint was sal for the last 3 months; this change optimises mql".
 */
export interface LeadingIndicator {
  /** The base's latest constraint and the months in a row it has held; null when none is measured. */
  constraint: { stage: string; periods: number; since: string } | null;
  /** Stages whose definition, capacity or SLA the change touches, in funnel order, with the changes (kind, name, path). */
  optimises: { stage: string; because: string[] }[];
  /** Whether one of them is that constraint; null without one. */
  isOnConstraint: boolean | null;
}

export interface ImpactReport {
  schemaVersion: 1;
  kind: 'impact';
  base: { ref: string; sha: string | null; policyHash: string };
  head: { ref: string; sha: string | null; policyHash: string };
  stamp: {
    engine: 'revops-policy';
    engineVersion: string;
    dataHash: string;
    asOf: string;
    asOfSource: 'option' | 'data';
    generatedAt?: string;
  };
  /** Where the data came from and what the change does to data and mappings (shown first). */
  inputs: ImpactInputs;
  /** Whether any policy changed in meaning. */
  hasChanges: boolean;
  policyChanges: PolicyChange[];
  classTransitions: { moved: number; leads: number; transitions: ClassTransition[] };
  stages: StageImpact[];
  constraint: {
    stage: Delta<string | null>;
    isMoved: boolean;
    utilisation: Delta;
    /**
     * Whether the change takes the constraint over its capacity (`over`: base demand within
     * capacity, head above it) or back within it (`under`); null when neither (or unknown).
     */
    crossesCapacity: 'over' | 'under' | null;
    /**
     * The RevenueGoal's declared metric under each side, each with its own target and verdict; null
     * when neither declares one.
     */
    declared: { base: DeclaredSide | null; head: DeclaredSide | null } | null;
  };
  /** Where the constraint has been (base history) and which stages the change works on. */
  leadingIndicator: LeadingIndicator;
  slas: SlaImpact[];
  comp: {
    total: MoneyDelta[];
    byPlan: (MoneyDelta & { plan: string })[];
    byTeam: (MoneyDelta & { team: string })[];
    byPerson: (MoneyDelta & { plan: string; personId: string; name: string | null })[];
    /**
     * Metrics each side could not know and counted as 0 in these payouts (sorted); empty when every
     * metric was known.
     */
    countedAsZero: { base: string[]; head: string[] };
    /** Each plan by component (and multipliers, SPIFs, clawbacks) with the coded reason of every change, and the gates that failed on each side. */
    plans: PlanPayoutChange[];
  };
  /**
   * projectedAttainment is each side's display figure (4 dp); projectedAttainmentExact the exact
   * ones and their exact difference.
   */
  goal: {
    forecast: Delta<string | null>;
    projectedAttainment: Delta;
    projectedAttainmentExact: Delta<string | null>;
    currency: string | null;
  } | null;
  /**
   * Lead volume: arrivals at the first stage a lead class qualifies leads into (see
   * `volumeStageOf`), base and head; `stage` and `stageName` as the funnel calls it.
   */
  /** Arrivals at the stage lead classes qualify into; null on a side whose funnel has no such stage. */
  mqlVolume: Delta & { stage: string | null; stageName: string | null };
  /** The change carried through the constrained funnel to won deals, revenue, the goal forecast and cost. */
  projection: ProjectionSection;
  /** CAC over the window under each side, sales heads priced at the base's cost per head (see `impact/cac-impact.ts`). */
  cac?: CacImpact;
  /** First-touch pipeline and won revenue per lead source, base vs head (see `impact/attribution-impact.ts`). */
  attribution?: AttributionImpact;
  /** Per-period series under each side (constraint arrivals vs capacity, SLA compliance by week), for charts. */
  periods?: ImpactPeriods;
  guardrails: GuardrailResult[];
  data: DataAccounting;
  warnings: EngineWarning[];
  isMasked: boolean;
}
