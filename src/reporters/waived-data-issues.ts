import type { WaiverMark } from '../core/issue.js';
import type { DataAccounting } from '../core/report/index.js';
import { formatCount } from './figures.js';
import { phraseWaiver } from './phrase-waiver.js';

/**
 * One line per waiver and code of the data issues it accepts, e.g. "3 data.bad-number issues
 * waived (revops, until 2027-03-31, legacy column)". Untrusted text: callers escape it.
 */
export function describeWaivedDataIssues(data: DataAccounting): string[] {
  const groups = new Map<string, { code: string; mark: WaiverMark; count: number }>();
  for (const issue of data.issues) {
    if (issue.waiver === undefined) continue;
    const key = JSON.stringify([issue.code, issue.waiver]);
    const group = groups.get(key) ?? { code: issue.code, mark: issue.waiver, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()].map(
    (g) => `${formatCount(g.count)} ${g.code} issue${g.count === 1 ? '' : 's'} ${phraseWaiver(g.mark)}`,
  );
}
