import { suggestName } from '../did-you-mean.js';
import type { PolicyIssueCode, Severity } from '../../issue.js';
import type { PolicyKind } from '../../schemas/index.js';
import type { Policy, PolicySet } from '../types.js';

export interface Finding {
  code: PolicyIssueCode;
  message: string;
  hint?: string;
  severity?: Severity;
  /** Point at the key of the last path segment instead of its value. */
  at?: 'key' | 'value';
}

/**
 * A policy file that never reached the semantic checks (its YAML did not parse, or it failed
 * its schema), with what it declares as far as that can be read. A reference to it is not
 * checked, rather than reported as missing.
 */
export interface UncheckedFile {
  file: string;
  kind?: PolicyKind;
  name?: string;
  reason: 'read' | 'parse' | 'schema';
}

export interface CheckContext {
  set: PolicySet;
  /** Files that failed before the semantic checks; empty when every file passed. */
  unchecked: readonly UncheckedFile[];
  report(policy: Policy, path: readonly (string | number)[], finding: Finding): void;
}

/** One semantic rule over the whole policy set. Adding a check is a file plus one line in the index. */
export interface SemanticCheck {
  name: string;
  run(ctx: CheckContext): void;
}

/**
 * The failed file that may hold the `kind` policy named `name` (any of that kind without a
 * name). A file whose kind or name could not be read may hold anything.
 */
export function findUnchecked(ctx: CheckContext, kind: PolicyKind, name?: string): UncheckedFile | undefined {
  const fits = (u: UncheckedFile): boolean =>
    (u.kind === undefined || u.kind === kind) && (name === undefined || u.name === undefined || u.name === name);
  const exact = ctx.unchecked.find((u) => u.kind === kind && u.name === name);
  return exact ?? ctx.unchecked.find(fits);
}

/** One line where a check could not run because the policy it needs is in a file that failed. */
export function reportNotChecked(
  ctx: CheckContext,
  policy: Policy,
  path: readonly (string | number)[],
  what: string,
  failed: UncheckedFile,
): void {
  const why = { read: 'could not be read', parse: 'did not parse', schema: 'failed its schema' }[failed.reason];
  ctx.report(policy, path, {
    code: 'ref.not-checked',
    severity: 'warning',
    message: `not checked: ${what} — ${failed.file} ${why}.`,
  });
}

export function policiesOf<K extends PolicyKind>(ctx: CheckContext, kind: K): Policy<K>[] {
  return ctx.set[kind];
}

/** The one Funnel of the set, when there is exactly one. */
export function theFunnel(ctx: CheckContext): Policy<'Funnel'> | undefined {
  return ctx.set.Funnel.length === 1 ? ctx.set.Funnel[0] : undefined;
}

/** True for a real calendar date `YYYY-MM-DD` (2024-02-30 is not one). */
export function isValidDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m === null) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A hint naming the closest IANA time zone, e.g. `America/New_York` for `America/New_Yrok`. */
export function timeZoneHint(zone: string): string {
  const suggestion = suggestName(zone, Intl.supportedValuesOf('timeZone'));
  const example = 'Use a name such as `America/New_York`, `Europe/London` or `UTC`.';
  return suggestion === undefined ? example : `Did you mean \`${suggestion}\`? ${example}`;
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Reports every id that appears more than once in a list. */
export function reportDuplicateIds(
  ctx: CheckContext,
  policy: Policy,
  items: readonly { id: string }[] | undefined,
  path: readonly (string | number)[],
  what: string,
): void {
  const seen = new Map<string, number>();
  (items ?? []).forEach((item, index) => {
    const first = seen.get(item.id);
    if (first === undefined) {
      seen.set(item.id, index);
      return;
    }
    ctx.report(policy, [...path, index, 'id'], {
      code: 'id.duplicate',
      message: `${what} id \`${item.id}\` is used twice (first at ${path.join('.')}[${first}]).`,
      hint: 'Ids must be unique; rename one of them.',
    });
  });
}
