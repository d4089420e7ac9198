import type { CompMetric } from '../../report/comp.js';
import type { MetricDefinition } from './metric-types.js';
import { meetingsHeld, salCount, sqlCount } from './metrics-activity.js';
import { opportunitiesCreated, sourcedPipelineAmount, sourcedWonAmount, wonAmount } from './metrics-deals.js';
import { blendedCac } from './metrics-cac.js';
import { constraintTargetMet, goalAttainment } from './metrics-shared.js';

/** Every metric a comp plan can pay on, by name (one definition each, documented where it is written). */
export const compMetricDefinitions: Readonly<Record<CompMetric, MetricDefinition>> = {
  won_amount: wonAmount,
  sourced_won_amount: sourcedWonAmount,
  sourced_pipeline_amount: sourcedPipelineAmount,
  opportunities_created: opportunitiesCreated,
  sal_count: salCount,
  sql_count: sqlCount,
  meetings_held: meetingsHeld,
  goal_attainment: goalAttainment,
  constraint_target_met: constraintTargetMet,
  blended_cac: blendedCac,
};
