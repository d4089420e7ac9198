import type { SlaAssumption } from '../core/report/impact.js';
import { formatRatio } from './figures.js';

/** The SLA queue model's assumption in words: the one place each code becomes a sentence. */
export function phraseSlaAssumption(a: SlaAssumption): string {
  switch (a.code) {
    case 'no-capacity':
      return 'The SLA starts at a stage without a capacity (or at another stage under the head), so nothing is modelled: the replayed change counts.';
    case 'no-steady-state':
      return `At utilisation ${formatRatio(a.headUtilisation)} the queue has no steady state: it grows every week and waits grow with it, so no compliance is projected (M/M/1 queue, same service and targets).`;
    case 'no-base-demand':
      return 'The base has no demand at the stage, so nothing is modelled: the replayed change counts.';
    case 'wait-scaling':
      return `Waits scale with utilisation as ρ/(1−ρ) (an M/M/1 queue): ${formatRatio(a.baseUtilisation)} → ${formatRatio(a.headUtilisation)} multiplies every base wait by ${formatRatio(a.waitFactor)}; service and targets unchanged.`;
  }
}
