import { canonicalModel } from '../../model/canonical.js';
import type { EntityName } from '../../model/canonical.js';
import { scopedOperators } from '../../logic/operators.js';
import type { CheckContext, SemanticCheck } from './context.js';
import { listLogicRules } from './logic-rules.js';

type Path = (string | number)[];

const comparisons: ReadonlySet<string> = new Set(['==', '===', '!=', '!==', '<', '<=', '>', '>=']);

/** The field a `{"var": "name"}` reads when it is a date or date-time of `entity`, else undefined. */
function dateFieldOf(arg: unknown, entity: EntityName): string | undefined {
  if (arg === null || typeof arg !== 'object' || Array.isArray(arg)) return undefined;
  const entries = Object.entries(arg);
  if (entries.length !== 1 || entries[0]?.[0] !== 'var') return undefined;
  const value = entries[0][1];
  const name = Array.isArray(value) ? value[0] : value;
  if (typeof name !== 'string') return undefined;
  const type = canonicalModel[entity][name]?.type;
  return type === 'date' || type === 'datetime' ? name : undefined;
}

function visit(
  ctx: CheckContext,
  site: { policy: Parameters<CheckContext['report']>[0] },
  rule: unknown,
  path: Path,
  entity: EntityName,
): void {
  if (Array.isArray(rule)) {
    rule.forEach((item, i) => visit(ctx, site, item, [...path, i], entity));
    return;
  }
  if (rule === null || typeof rule !== 'object') return;
  const [op, args] = Object.entries(rule)[0] ?? [];
  if (op === undefined) return;
  const list = Array.isArray(args) ? args : [args];
  if (comparisons.has(op)) {
    const field = list.map((a) => dateFieldOf(a, entity)).find((f) => f !== undefined);
    const textAt = list.findIndex((a) => typeof a === 'string');
    if (field !== undefined && textAt >= 0) {
      ctx.report(site.policy, Array.isArray(args) ? [...path, op, textAt] : [...path, op], {
        code: 'logic.date-compared-to-text',
        message: `\`${field}\` is a date-time (epoch milliseconds in every row), so \`${op}\` against the text ${JSON.stringify(list[textAt])} is never what it reads: it gives the same answer on every row.`,
        hint: 'Measure time with `days_since`, `days_between` or `hours_since`, e.g. {"<": [{"days_since": [{"var": "created_at"}]}, 30]}; test for an empty one with {"!": {"var": "mql_at"}}.',
      });
    }
  }
  // Element rules read their elements, not the row's fields: only the list argument is checked.
  if (scopedOperators.has(op) && Array.isArray(args)) {
    visit(ctx, site, args[0], [...path, op, 0], entity);
    return;
  }
  if (Array.isArray(args)) args.forEach((a, i) => visit(ctx, site, a, [...path, op, i], entity));
  else visit(ctx, site, args, [...path, op], entity);
}

/**
 * A date or date-time field compared with a text (`{"<": [{"var": "created_at"}, "2026-02-01"]}`):
 * rows hold date-times as epoch milliseconds, so the comparison is false (or, for `!=`, true) on
 * every row — a rule that silently never matches. Refused, with the operators that measure time.
 */
export const logicDatesNotText: SemanticCheck = {
  name: 'logicDatesNotText',
  run(ctx) {
    for (const site of listLogicRules(ctx.set)) {
      if (site.entity !== undefined) visit(ctx, site, site.rule, site.path, site.entity);
    }
  },
};
