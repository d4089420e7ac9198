import { maskDataAccounting } from '../report/mask-issues.js';
import { Pseudonyms } from '../report/mask-pseudonyms.js';
import type { PseudonymDigest } from '../report/mask-pseudonyms.js';
import { maskWarnings } from '../report/mask-warnings.js';
import type { InsightsReport } from './types.js';

/**
 * The insights with the values of attributes that identify people (owners) replaced by the same
 * pseudonyms `evaluate` and `impact` use, raw cell values left out of the data accounting, and
 * deal ids in warnings masked.
 */
export function maskInsights(report: InsightsReport, digest: PseudonymDigest): InsightsReport {
  const masked = structuredClone(report);
  const personal = masked.stages.flatMap((s) => s.attributes.filter((a) => a.isPersonal));
  const ids = personal.flatMap((a) => a.groups.flatMap((g) => (g.value === null ? [] : [g.value])));
  const people = new Pseudonyms('person', digest, ids);
  for (const attribute of personal) for (const g of attribute.groups) g.value = people.of(g.value);
  masked.data = maskDataAccounting(masked.data);
  masked.warnings = maskWarnings(masked.warnings, new Pseudonyms('deal', digest));
  masked.isMasked = true;
  return masked;
}
