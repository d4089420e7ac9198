import type { Pseudonyms } from './mask-pseudonyms.js';
import type { EngineWarning } from './warnings.js';

/**
 * Warnings with the opportunity ids they quote replaced by pseudonyms, and the messages of
 * rules that failed on a row's values left out (null): such a message can quote the row.
 * The other warnings name policies only and stay as they are.
 */
export function maskWarnings<T extends EngineWarning>(warnings: readonly T[], deals: Pseudonyms): T[] {
  return warnings.map((w): T => {
    switch (w.code) {
      case 'comp.clawback-unpriced':
        return { ...w, opportunityId: deals.of(w.opportunityId) };
      case 'comp.spiff-rule-failed':
        return { ...w, opportunityId: deals.of(w.opportunityId), error: null };
      case 'classify.rule-failed':
        return { ...w, firstError: null };
      default:
        return w;
    }
  });
}
