import type { Delta } from './impact.js';
import type { Money } from './comp.js';

/**
 * Why one person's pay in one period changed, as a coded fact (reporters write the sentence).
 * - `person-joined` / `person-left`: on the plan in that period under one side only;
 * - `component-added` / `component-removed`: the component exists under one side only;
 * - `gate-failed` / `gate-passed`: a gate holding the component fails under the head only / the base only;
 * - `cap-hit` / `cap-released`: the cap lowers the factor under the head only / the base only;
 * - `cap-changed`: the cap lowers the factor on both sides, to different factors;
 * - `tier-crossed`: the attainment reaches another tier band (indices from 0);
 * - `metric-moved`: the measured metric differs (value and attainment per side);
 * - `metric-unknown`: the metric could not be known on a side and counted as 0;
 * - `target-changed`: the period target differs;
 * - `multiplier-applied` / `multiplier-lost`: a team multiplier applies under the head only / the base only;
 * - `base-pay-changed`: the components a multiplier multiplies, or a clawback takes back, pay differently;
 * - `terms-changed`: the same measurements pay differently (weight, tiers, target variable, SPIF or clawback terms).
 */
export type PayoutReason =
  | {
      code:
        | 'person-joined'
        | 'person-left'
        | 'component-added'
        | 'component-removed'
        | 'base-pay-changed'
        | 'terms-changed';
    }
  | {
      code: 'gate-failed' | 'gate-passed';
      gate: string;
      metric: string;
      min: Delta<number | null>;
      /** The gate's attainment per side, 4 dp; null when it could not be measured. */
      value: Delta<number | null>;
    }
  | { code: 'cap-hit' | 'cap-released' | 'cap-changed'; factor: Delta<number | null> }
  | { code: 'tier-crossed'; metric: string; tier: Delta<number | null>; attainment: Delta<number | null> }
  | { code: 'metric-moved'; metric: string; value: Delta<string | null>; attainment: Delta<number | null> }
  | { code: 'metric-unknown'; metric: string; sides: ('base' | 'head')[] }
  | { code: 'target-changed'; metric: string; target: Delta<string | null> }
  | {
      code: 'multiplier-applied' | 'multiplier-lost';
      multiplier: string;
      metric: string;
      value: Delta<number | null>;
      min: Delta<number | null>;
    };

export type PayoutReasonCode = PayoutReason['code'];

/** One person in one period whose pay from one part changed. */
export interface PayoutLineChange {
  /** Person id (a pseudonym when masked). */
  personId: string;
  period: string;
  payout: Delta<Money>;
  /** Every reason found, most direct first; never empty. */
  reasons: PayoutReason[];
}

/** The lines sharing one reason (by code and gate, multiplier or metric), with what they add up to. */
export interface PayoutReasonSummary {
  code: PayoutReasonCode;
  /** The gate, multiplier or metric the reason is about; null for reasons about a person or the terms. */
  subject: string | null;
  /** Periods where it applies, in time order. */
  periods: string[];
  people: number;
  lines: number;
  /** Sum of the payout changes of those lines; a line with several reasons counts under each. */
  delta: Money;
  /** The reason on the first such line (its values). */
  example: PayoutReason;
  /** Whether every such line has exactly the example's values. */
  isUniform: boolean;
}

/** One part of a plan's pay: a component, or the team multipliers, SPIFs or clawbacks on top of the components. */
export interface PayoutPartChange {
  part: 'component' | 'multipliers' | 'spiffs' | 'clawbacks';
  /** Component id; null for the other parts. */
  id: string | null;
  /** The component's metric (the head's, else the base's); null for the other parts. */
  metric: string | null;
  payout: Delta<Money>;
  reasons: PayoutReasonSummary[];
  /** The person-periods whose pay from this part changed, by person then period. */
  lines: PayoutLineChange[];
}

/** A gate that failed on one side: the components it held back, where and for how many. */
export interface GateHold {
  gate: string;
  metric: string;
  min: number;
  /** The components it held (ids). */
  components: string[];
  periods: string[];
  people: number;
  lines: number;
  /** Lowest and highest attainment of the gate's metric among the failed lines (4 dp); null when none could be measured. */
  lowest: number | null;
  highest: number | null;
}

/** One comp plan's payout, base vs head, broken down so that its parts add up exactly to the total. */
export interface PlanPayoutChange {
  plan: string;
  currency: string;
  /** Whether the plan exists under each side. */
  exists: { base: boolean; head: boolean };
  total: Delta<Money>;
  /** Every component (in the head's order, then the base's), then multipliers, SPIFs and clawbacks when they pay on a side. */
  parts: PayoutPartChange[];
  /** Gates that failed on each side: the plan may pay 0 because of them even when nothing changes. */
  heldByGates: { base: GateHold[]; head: GateHold[] };
  /** Whether the plan pays exactly 0 on a side where some gate failed. */
  isZeroByGate: { base: boolean; head: boolean };
}
