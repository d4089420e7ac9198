import type { Report } from '../report/index.js';
import type { SlaAssumption, SlaImpact } from '../report/impact.js';
import { round } from '../engine/stats.js';

/**
 * Models an SLA's response under the head policies from the base data. The SLA's stage is
 * the one its start event enters; its team works that stage's queue at the stage's capacity.
 * Assumption (an M/M/1 queue): the mean wait grows with utilisation ρ as ρ ÷ (1 − ρ), so
 * every base wait is multiplied by [ρh ÷ (1 − ρh)] ÷ [ρb ÷ (1 − ρb)], the service itself is
 * unchanged, and the targets are the base targets. At ρh ≥ 1 there is no steady state: the
 * queue grows every week, and compliance keeps falling; the model then projects nothing, as it
 * does without a capacity at the stage on both sides or without base demand there.
 */
export function modelSla(
  name: string,
  stage: string | null,
  base: Report,
  head: Report,
  projectCompliance: (factor: number) => number | null,
): SlaImpact {
  const b = base.slas.find((s) => s.name === name);
  const h = head.slas.find((s) => s.name === name);
  const ub = stage === null ? null : (base.constraint?.stages.find((s) => s.stage === stage)?.utilisation ?? null);
  const uh = stage === null ? null : (head.constraint?.stages.find((s) => s.stage === stage)?.utilisation ?? null);
  const baseCompliance = b?.compliance ?? null;
  let factor: number | null = null;
  let assumption: SlaAssumption;
  // Without a queue to scale, the model projects nothing (never "unchanged"): the replayed change stands.
  if (ub === null || uh === null) {
    assumption = { code: 'no-capacity' };
  } else if (uh >= 1) {
    assumption = { code: 'no-steady-state', headUtilisation: uh };
  } else if (ub <= 0) {
    assumption = { code: 'no-base-demand' };
  } else {
    factor = uh / (1 - uh) / (ub / (1 - Math.min(ub, 0.999)));
    assumption = { code: 'wait-scaling', baseUtilisation: ub, headUtilisation: uh, waitFactor: round(factor, 4) };
  }
  const modelled = factor === null ? null : projectCompliance(factor);
  return {
    name,
    measuredOn: b !== undefined && h !== undefined ? 'both' : b !== undefined ? 'base' : 'head',
    stage,
    replayed: {
      base: baseCompliance,
      head: h?.compliance ?? null,
      delta: baseCompliance === null || h?.compliance == null ? null : round(h.compliance - baseCompliance, 4),
    },
    modelled,
    modelledChangePts:
      modelled === null || baseCompliance === null ? null : round((modelled - baseCompliance) * 100, 2),
    medianResponseHours: {
      base: b?.response.medianHours ?? null,
      modelled: factor === null || b?.response.medianHours == null ? null : round(b.response.medianHours * factor, 2),
    },
    utilisation: { base: ub, head: uh, delta: ub === null || uh === null ? null : round(uh - ub, 4) },
    waitFactor: factor === null ? null : round(factor, 4),
    assumption,
  };
}
