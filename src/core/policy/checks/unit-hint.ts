import type { PolicyKind } from '../../schemas/index.js';
import { unitPhrases } from '../../schemas/units.js';
import { unitFields } from './unit-fields.js';
import { judgeUnitValue } from './unit-values.js';

function isMatch(pattern: readonly string[], path: readonly (string | number)[]): boolean {
  return pattern.length === path.length && pattern.every((p, i) => p === '*' || p === String(path[i]));
}

function readAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

/**
 * The fix for a number the schema refused as too large when it is a unit mistake (`weight: 80`
 * meant `0.8`): the schema layer keeps its code, and the hint names the value meant.
 */
export function suggestUnitFix(
  kind: PolicyKind,
  data: unknown,
  path: readonly (string | number)[],
): string | undefined {
  const field = unitFields.find((f) => f.kind === kind && isMatch(f.path, path));
  if (field === undefined) return undefined;
  const holder = readAt(data, path.slice(0, -1));
  const spec = readAt(data, ['spec']);
  if (holder === null || typeof holder !== 'object' || spec === null || typeof spec !== 'object') return undefined;
  const range =
    typeof field.range === 'function'
      ? field.range(holder as Record<string, unknown>, spec as Record<string, unknown>)
      : field.range;
  if (range === undefined) return undefined;
  const finding = judgeUnitValue(String(path[path.length - 1]), readAt(data, path), range);
  return finding?.code === 'unit.ratio-as-percent' ? `${finding.hint} ${unitPhrases[range.unit]}` : undefined;
}
