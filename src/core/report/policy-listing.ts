import type { Issue } from '../issue.js';
import type { Policy, PolicySet } from '../policy/types.js';
import { policyKinds } from '../schemas/kinds.js';
import type { Report } from './index.js';

/**
 * The report's `policies` section: every policy evaluated (file, kind, name, in file then
 * name order) and the warnings validation left, so a reader sees what the figures rest on.
 */
export function listReportPolicies(set: PolicySet, issues: readonly Issue[]): Report['policies'] {
  return {
    files: policyKinds
      .flatMap((kind) => set[kind] as Policy[])
      .map((p) => ({ file: p.file, kind: p.kind, name: p.metadata.name }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name)),
    // A waived error is listed too: a waived finding stays visible.
    warnings: issues.filter((i) => i.severity !== 'error' || i.waiver !== undefined),
  };
}
