import type { DataIssue } from '../data/types.js';
import type { Policy } from '../policy/types.js';
import type { DataAccounting, EngineWarning } from '../report/index.js';
import type { WaiverRef } from './waiver-list.js';
import { isExpired, listWaivers, markOf } from './waiver-list.js';

/** `leads.csv` names `data/leads.csv` and `exports/2026/leads.csv`: a path under the data directory, matched from its end. */
function isSameFile(issueFile: string, wanted: string): boolean {
  const want = wanted.replace(/^\.\//, '');
  return issueFile === want || issueFile.endsWith(`/${want}`);
}

function matchesDataIssue(ref: WaiverRef, issue: DataIssue): boolean {
  const want = ref.entry.data;
  if (want === undefined || want.code !== issue.code) return false;
  if (want.entity !== undefined && want.entity !== issue.entity) return false;
  if (want.file !== undefined && !isSameFile(issue.file, want.file)) return false;
  return want.column === undefined || want.column === issue.columnName;
}

/**
 * Marks each data issue a `data` waiver in force on `today` accepts (its code, and the entity,
 * file and column it names): the issue stays listed and counted, with its waiver. Rows stay
 * rejected either way: a waiver accepts a known problem, it does not repair the row.
 */
export function markDataWaivers(
  data: DataAccounting,
  waivers: readonly Policy<'Waiver'>[],
  today: string,
): DataAccounting {
  const inForce = listWaivers(waivers, 'data').filter((w) => !isExpired(w.entry, today));
  if (inForce.length === 0) return data;
  const issues = data.issues.map((issue) => {
    const ref = inForce.find((w) => matchesDataIssue(w, issue));
    return ref === undefined ? issue : { ...issue, waiver: markOf(ref) };
  });
  return { ...data, issues };
}

/** Whether some file the waiver could concern found issues the report does not keep (the cap). */
function mayHideMatch(ref: WaiverRef, data: DataAccounting): boolean {
  const want = ref.entry.data;
  return data.files.some(
    (f) =>
      (want?.entity === undefined || want.entity === f.entity) &&
      (want?.file === undefined || isSameFile(f.file, want.file)) &&
      f.issueCount > data.issues.filter((i) => i.file === f.file).length,
  );
}

/**
 * A warning for each `data` waiver in force on `today` that matches no data issue of the run,
 * as `validate` warns of a `validate` waiver that matches nothing: the problem it accepts is
 * fixed, or the waiver names it wrongly and waives nothing. When a file the waiver concerns
 * kept fewer issues than it found (the cap), a match may be among those left out: no warning.
 */
export function listUnmatchedDataWaivers(
  data: DataAccounting,
  waivers: readonly Policy<'Waiver'>[],
  today: string,
): EngineWarning[] {
  return listWaivers(waivers, 'data')
    .filter((ref) => !isExpired(ref.entry, today))
    .filter((ref) => !data.issues.some((issue) => matchesDataIssue(ref, issue)) && !mayHideMatch(ref, data))
    .map((ref) => {
      const want = ref.entry.data!;
      return {
        code: 'waiver.unmatched',
        waiver: ref.policy.metadata.name,
        index: ref.index,
        dataCode: want.code,
        entity: want.entity ?? null,
        file: want.file ?? null,
        column: want.column ?? null,
      };
    });
}
