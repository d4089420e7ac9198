import type { DataIssue } from '../data/types.js';
import type { Policy } from '../policy/types.js';
import type { DataAccounting } from '../report/index.js';
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
