import type { LogicPath } from './types.js';

/** One operator node met while walking a rule. */
export interface OperatorVisit {
  op: string;
  /** Arguments as a list (`{"!": x}` has `[x]`), with the path of each. */
  args: readonly { value: unknown; path: LogicPath }[];
  path: LogicPath;
}

/** Calls `visit` for every operator node of a rule, outermost first, in document order. */
export function walkRule(rule: unknown, path: LogicPath, visit: (node: OperatorVisit) => void): void {
  if (Array.isArray(rule)) {
    rule.forEach((item, i) => walkRule(item, [...path, i], visit));
    return;
  }
  if (rule === null || typeof rule !== 'object') return;
  const keys = Object.keys(rule);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) return;
  const value = (rule as Record<string, unknown>)[op];
  const args = Array.isArray(value)
    ? value.map((v, i) => ({ value: v, path: [...path, op, i] }))
    : [{ value, path: [...path, op] }];
  visit({ op, args, path });
  for (const arg of args) walkRule(arg.value, arg.path, visit);
}

/** The path of every operator node of a rule (a clause), as coverage reports them. */
export function listClauses(rule: unknown, path: readonly (string | number)[] = []): LogicPath[] {
  const clauses: LogicPath[] = [];
  walkRule(rule, [...path], (node) => clauses.push(node.path));
  return clauses;
}
