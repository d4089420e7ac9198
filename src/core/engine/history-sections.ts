import type { Policy } from '../policy/types.js';
import type { AttributionSection } from '../report/attribution.js';
import type { ConstraintHistorySection } from '../report/constraint-history.js';
import { measureAttribution } from './attribution.js';
import type { Capacities } from './constraint.js';
import { traceConstraintHistory } from './constraint-history.js';
import type { EngineContext, TimeWindow } from './context.js';
import { activityIndexFor } from './prepared-data.js';
import type { PreparedData } from './prepared-data.js';
import { findSourcing } from './sourcing.js';
import type { StageTrack } from './stages.js';

/** The attribution and constraint-history sections of one evaluation. */
export function measureHistorySections(input: {
  prepared: PreparedData;
  funnel: Policy<'Funnel'> | undefined;
  goal: Policy<'RevenueGoal'> | undefined;
  tracks: readonly StageTrack[];
  capacities: Capacities;
  measureMetric: (stage: string, metric: string, window: TimeWindow) => number | null;
  ctx: EngineContext;
}): { attribution: AttributionSection | null; constraintHistory: ConstraintHistorySection | null } {
  const { prepared, ctx } = input;
  const hasTouches = prepared.data.activities.columns.campaign !== undefined;
  const attribution = measureAttribution({
    data: prepared.data,
    leadOfOpportunity: prepared.leadOfOpportunity,
    activitiesByLead: hasTouches ? activityIndexFor(prepared, 'lead') : undefined,
    // Nothing after as-of counts: the window ends just after it.
    window: ctx.window,
    sourcing: findSourcing(input.funnel),
  });
  const candidates = input.tracks
    .filter((t) => t.stage.terminal === undefined && input.capacities.get(t.stage.id)?.perWeek != null)
    .map((t) => t.stage.id);
  const constraintHistory =
    input.funnel === undefined
      ? null
      : traceConstraintHistory({
          candidates,
          goal: input.goal,
          measureMetric: input.measureMetric,
          window: ctx.window,
          timeZone: ctx.timeZone,
        });
  return { attribution, constraintHistory };
}
