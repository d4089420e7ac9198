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

export interface CheckContext {
  set: PolicySet;
  report(policy: Policy, path: readonly (string | number)[], finding: Finding): void;
}

/** One semantic rule over the whole policy set. Adding a check is a file plus one line in the index. */
export interface SemanticCheck {
  name: string;
  run(ctx: CheckContext): void;
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
