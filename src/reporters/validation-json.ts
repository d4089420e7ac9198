import type { LoadResult } from '../core/policy/load.js';
import { countBySeverity } from '../core/issue.js';
import { jsonText } from './sanitize.js';

/** Version of the `validate --format json` document; bumped on any incompatible change. */
export const VALIDATION_SCHEMA_VERSION = 1;

export function renderValidationJson(result: Pick<LoadResult, 'files' | 'issues'>): string {
  // Waived issues are listed with their `waiver`, and counted apart: they fail nothing.
  const totals = countBySeverity(result.issues);
  const waived = result.issues.filter((i) => i.waiver !== undefined).length;
  const document = {
    schemaVersion: VALIDATION_SCHEMA_VERSION,
    ok: totals.errors === 0,
    summary: { files: result.files.length, ...totals, ...(waived === 0 ? {} : { waived }) },
    files: result.files,
    issues: result.issues,
  };
  return jsonText(document);
}
