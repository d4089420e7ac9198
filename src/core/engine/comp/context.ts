import type { PipelineData } from '../../data/types.js';
import type { CacSection } from '../../report/cac.js';
import type { Period } from '../periods.js';
import type { Policy } from '../../policy/types.js';
import type { EngineContext } from '../context.js';
import type { CreditIndex } from './credit.js';
import type { Decimal } from './money.js';

/** What compensation is computed against: the engine context, the data and the shared goal's results. */
export interface CompContext extends EngineContext {
  data: PipelineData;
  /**
   * For each opportunity of `data`, the row index of its lead (`lead_id`), -1 for none, when
   * already known (prepared data); otherwise leads are indexed by id.
   */
  leadOfOpportunity?: Int32Array;
  /** Who gets credit for each opportunity, when already known (it depends on the data only). */
  credit?: CreditIndex;
  goal: Policy<'RevenueGoal'> | undefined;
  /**
   * Attainment (fraction, e.g. 0.82) of the shared goal over [start,end), exact (never
   * rounded: gates compare it and pay multiplies it): the goal metric in that span ÷ the goal
   * target prorated to the span's share of the goal period. null when there is no goal, or
   * its metric is unknown (won deals without amounts).
   */
  goalAttainment(start: number, end: number): Decimal | null;
  /** Whether the RevenueGoal's constraint metric met its target over [start,end); null when unknown. */
  constraintMet(start: number, end: number): boolean | null;
  /**
   * CAC per given payout periods, from the CAC engine (the evaluation's `cac` section, measured
   * over these periods). Absent where no spend data is read (comp policy tests): blended_cac is
   * then unknown.
   */
  measureCac?(periods: readonly Period[]): CacSection;
}
