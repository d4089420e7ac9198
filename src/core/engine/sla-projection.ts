import { SLA_FLAG, SLA_STATUS } from './sla/index.js';
import type { SlaRowOutcomes } from './sla/index.js';
import { round } from './stats.js';

/**
 * An SLA's compliance if every observed wait were `factor` times as long: met when the
 * scaled wait of a stopped item is within its target; open breached and recycled items stay
 * breached; pending items stay undecided. Null when none is decided.
 */
export function projectCompliance(outcomes: SlaRowOutcomes, factor: number): number | null {
  let met = 0;
  let decided = 0;
  const { status, target, waitMs, flags, thresholds } = outcomes;
  for (let i = 0; i < status.length; i++) {
    const s = status[i];
    if (s !== SLA_STATUS.met && s !== SLA_STATUS.breached) continue;
    decided++;
    const within = thresholds.withinMs[target[i] as number];
    const isStopped =
      ((flags[i] as number) & SLA_FLAG.stopped) !== 0 && ((flags[i] as number) & SLA_FLAG.recycled) === 0;
    if (isStopped && within !== undefined && (waitMs[i] as number) * factor <= within) met++;
  }
  return decided === 0 ? null : round(met / decided, 4);
}
