import type { LoadResult } from '../core/policy/load.js';
import { countBySeverity } from '../core/issue.js';
import { jsonText } from './sanitize.js';

/** Version of the `validate --format json` document; bumped on any incompatible change. */
export const VALIDATION_SCHEMA_VERSION = 1;

export function renderValidationJson(result: Pick<LoadResult, 'files' | 'issues'>): string {
  const totals = countBySeverity(result.issues);
  const document = {
    schemaVersion: VALIDATION_SCHEMA_VERSION,
    ok: totals.errors === 0,
    summary: { files: result.files.length, ...totals },
    files: result.files,
    issues: result.issues,
  };
  return jsonText(document);
}
