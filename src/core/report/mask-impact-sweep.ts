import type { ImpactSweepReport } from './impact-sweep.js';
import { maskDataAccounting } from './mask-issues.js';
import { Pseudonyms } from './mask-pseudonyms.js';
import type { PseudonymDigest } from './mask-pseudonyms.js';
import { maskWarnings } from './mask-warnings.js';

/** The sweep report with data issues and warnings masked as `maskImpact` masks them (rows name no lead or person). */
export function maskImpactSweep(report: ImpactSweepReport, digest: PseudonymDigest): ImpactSweepReport {
  const masked: ImpactSweepReport = structuredClone(report);
  masked.isMasked = true;
  masked.data = maskDataAccounting(masked.data);
  masked.warnings = maskWarnings(masked.warnings, new Pseudonyms('deal', digest));
  return masked;
}
