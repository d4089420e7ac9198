import type { Issue, Severity } from '../issue.js';
import { countBySeverity, formatPath, sortKeepingFileOrder } from '../issue.js';
import type { LoadResult } from '../policy/load.js';
import { locatePath } from '../policy/locate.js';
import type { WaiverRef } from './waiver-list.js';
import { isExpired, isWaivableCode, listWaivers, markOf, oneYearAfter } from './waiver-list.js';

export interface PolicyWaiverOptions {
  /** The run's day, `YYYY-MM-DD` (see `dayOf`). */
  today: string;
  /** The policy directory the files were listed under: a waiver's `file` is relative to it. */
  dir: string;
  /**
   * How bad an expired waiver is: `validate` fails on it (`error`); a command that only reads
   * the policies (`evaluate`, `impact`) warns, so a waiver expiring on the base branch does not
   * block the pull request that renews it. Either way it waives nothing.
   */
  expired: Severity;
}

type Located = Omit<Issue, 'file' | 'line' | 'column' | 'path'>;

/** A policy file's path under `dir`, as a waiver names it. */
function relativeTo(dir: string, file: string): string {
  const prefix = dir === '.' || dir === '' ? '' : `${dir.replace(/\/+$/, '')}/`;
  return prefix !== '' && file.startsWith(prefix) ? file.slice(prefix.length) : file.replace(/^\.\//, '');
}

function matchesIssue(ref: WaiverRef, issue: Issue, result: LoadResult, dir: string): boolean {
  const want = ref.entry.validate;
  if (want === undefined || want.code !== issue.code || !isWaivableCode(issue.code)) return false;
  if (want.path !== undefined && want.path !== issue.path) return false;
  if (want.file !== undefined && relativeTo(dir, issue.file) !== want.file.replace(/^\.\//, '')) return false;
  if (want.name !== undefined || want.kind !== undefined) {
    const summary = result.files.find((f) => f.file === issue.file);
    if (want.name !== undefined && summary?.name !== want.name) return false;
    if (want.kind !== undefined && summary?.kind !== want.kind) return false;
  }
  return true;
}

/**
 * Applies the Waiver policies of a loaded set to its `validate` findings: a finding a waiver
 * in force matches keeps its place and severity but carries the waiver (`Issue.waiver`), and
 * counts as neither error nor warning. Adds, located at the waiver: an expired waiver
 * (`options.expired`), one that expires more than a year after `today` (warning), and a
 * `validate` waiver that matches no finding (warning).
 */
export function applyPolicyWaivers(result: LoadResult, options: PolicyWaiverOptions): LoadResult {
  const all = listWaivers(result.set.Waiver);
  if (all.length === 0) return result;
  const validateWaivers = all.filter((w) => w.entry.validate !== undefined);
  const matched = new Set<WaiverRef>();
  const issues = result.issues.map((issue) => {
    for (const ref of validateWaivers) {
      if (!matchesIssue(ref, issue, result, options.dir)) continue;
      matched.add(ref);
      if (!isExpired(ref.entry, options.today)) return { ...issue, waiver: markOf(ref) };
    }
    return issue;
  });
  const limit = oneYearAfter(options.today);
  const report = (ref: WaiverRef, leaf: string, found: Located): void => {
    const path = ['spec', 'waivers', ref.index, leaf];
    const parsed = result.parsed.get(ref.policy.file);
    const position = parsed === undefined ? { line: 0, column: 0 } : locatePath(parsed.doc, parsed.lineCounter, path);
    issues.push({ ...found, file: ref.policy.file, path: formatPath(path), ...position });
  };
  for (const ref of all) {
    const { entry } = ref;
    const who = `owner ${entry.owner}`;
    if (isExpired(entry, options.today))
      report(ref, 'expires', {
        code: 'waiver.expired',
        severity: options.expired,
        message: `This waiver expired on ${entry.expires} (${who}); the finding it accepted counts again.`,
        hint: 'Fix the finding and remove the waiver, or renew it with a new `expires` date and reason.',
      });
    else if (entry.expires > limit)
      report(ref, 'expires', {
        code: 'waiver.far-expiry',
        severity: 'warning',
        message: `This waiver runs until ${entry.expires}, more than a year from ${options.today}.`,
        hint: `Waive for a shorter time (at most until ${limit}) and renew it if the finding is still accepted then.`,
      });
    if (entry.validate !== undefined && !matched.has(ref))
      report(ref, 'validate', {
        code: 'waiver.unmatched',
        severity: 'warning',
        message: `This waiver matches no finding: no \`${entry.validate.code}\` ${describeWhere(entry.validate)}.`,
        hint: 'Remove the waiver if the finding is fixed, or correct its code, file, kind, name or path (as `validate` prints them).',
      });
  }
  sortKeepingFileOrder(issues);
  const files = result.files.map((summary) => ({
    ...summary,
    ...countBySeverity(issues.filter((i) => i.file === summary.file)),
  }));
  return { ...result, files, issues };
}

function describeWhere(want: NonNullable<WaiverRef['entry']['validate']>): string {
  const parts: string[] = [];
  if (want.file !== undefined) parts.push(`in ${want.file}`);
  if (want.kind !== undefined || want.name !== undefined)
    parts.push(`in ${[want.kind, want.name].filter((p) => p !== undefined).join(' ')}`);
  if (want.path !== undefined) parts.push(`at ${want.path}`);
  return parts.length === 0 ? 'anywhere' : parts.join(' ');
}
