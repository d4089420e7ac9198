import type { Policy } from '../types.js';
import type { SemanticCheck } from './context.js';
import { unitFields } from './unit-fields.js';
import { judgeUnitValue } from './unit-values.js';

interface Match {
  path: (string | number)[];
  holder: Record<string, unknown>;
  key: string;
  value: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Every value at a path pattern (`*` = each list item or map entry), with the object holding it. */
export function findValues(root: unknown, pattern: readonly string[]): Match[] {
  let frontier: { path: (string | number)[]; node: unknown; holder?: Record<string, unknown> }[] = [
    { path: [], node: root },
  ];
  for (const segment of pattern) {
    const next: typeof frontier = [];
    for (const { path, node } of frontier) {
      if (segment === '*' && Array.isArray(node))
        node.forEach((item, i) => next.push({ path: [...path, i], node: item }));
      else if (segment === '*' && isRecord(node))
        for (const key of Object.keys(node)) next.push({ path: [...path, key], node: node[key], holder: node });
      else if (isRecord(node) && Object.hasOwn(node, segment))
        next.push({ path: [...path, segment], node: node[segment], holder: node });
    }
    frontier = next;
  }
  return frontier.flatMap(({ path, node, holder }) =>
    holder === undefined ? [] : [{ path, holder, key: String(path[path.length - 1]), value: node }],
  );
}

/**
 * Numbers written in the wrong unit: a utilisation target of 85 (a ratio: 0.85), a payout-cost
 * guardrail of 0.05 (percent: 5), an SLA of 0 minutes, negative money. The fields and their
 * sane ranges are the table in `unit-fields.ts`.
 */
export const unitsSane: SemanticCheck = {
  name: 'unitsSane',
  run(ctx) {
    for (const field of unitFields) {
      for (const policy of ctx.set[field.kind] as Policy[]) {
        const spec = policy.spec as unknown as Record<string, unknown>;
        for (const match of findValues({ spec }, field.path)) {
          const range = typeof field.range === 'function' ? field.range(match.holder, spec) : field.range;
          const finding = range === undefined ? undefined : judgeUnitValue(match.key, match.value, range);
          if (finding !== undefined) ctx.report(policy, match.path, finding);
        }
      }
    }
  },
};
