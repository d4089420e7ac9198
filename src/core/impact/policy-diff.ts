import type { Policy, PolicySet } from '../policy/types.js';
import { policyKinds } from '../schemas/kinds.js';
import type { PolicyChange } from '../report/impact.js';

type Change = PolicyChange['changes'][number];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Items of a list named by `id` when every item has a distinct one. */
function idsOf(list: readonly unknown[]): string[] | undefined {
  const ids = list.map((item) => (isRecord(item) && typeof item.id === 'string' ? item.id : undefined));
  if (ids.some((id) => id === undefined) || new Set(ids).size !== ids.length) return undefined;
  return ids as string[];
}

/**
 * Every value that differs between two specs, as paths: object keys joined with `.`, list
 * items named `[id=…]` when they carry ids (so reordering is not a change and a rule keeps
 * its name), else `[index]`. JSON Logic rules and other leaves compare by value.
 */
export function diffValues(before: unknown, after: unknown, path: string, out: Change[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (isRecord(before) && isRecord(after) && !isLogic(before) && !isLogic(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])])
      diffValues(before[key], after[key], path === '' ? key : `${path}.${key}`, out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const a = idsOf(before);
    const b = idsOf(after);
    if (a !== undefined && b !== undefined) {
      const byId = (list: readonly unknown[], ids: string[]) => new Map(ids.map((id, i) => [id, list[i]]));
      const left = byId(before, a);
      const right = byId(after, b);
      for (const id of [...new Set([...a, ...b])]) diffValues(left.get(id), right.get(id), `${path}[id=${id}]`, out);
      return;
    }
    if (
      before.every((v) => !isRecord(v) && !Array.isArray(v)) &&
      after.every((v) => !isRecord(v) && !Array.isArray(v))
    ) {
      out.push({ path, before, after });
      return;
    }
    for (let i = 0; i < Math.max(before.length, after.length); i++)
      diffValues(before[i], after[i], `${path}[${i}]`, out);
    return;
  }
  out.push({ path, before: before ?? null, after: after ?? null });
}

/** A JSON Logic node (one operator key): compared whole, so the change reads as a rule. */
function isLogic(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return keys.length === 1 && !/^[a-z][a-zA-Z]*$/.test(keys[0] as string);
}

/**
 * The semantic difference between two policy sets: policies added, removed, renamed (same
 * kind and file, new name) or changed, and for a change every value that differs (by
 * path, with ids). Formatting, comments and key order are not changes.
 */
export function diffPolicySets(base: PolicySet, head: PolicySet): PolicyChange[] {
  const out: PolicyChange[] = [];
  for (const kind of policyKinds) {
    if (kind === 'PolicyTest') continue;
    const left = new Map((base[kind] as Policy[]).map((p) => [p.metadata.name, p]));
    const right = new Map((head[kind] as Policy[]).map((p) => [p.metadata.name, p]));
    const removed = [...left.values()].filter((p) => !right.has(p.metadata.name));
    const added = [...right.values()].filter((p) => !left.has(p.metadata.name));
    for (const p of added) {
      const was = removed.find((r) => r.file === p.file);
      if (was !== undefined) {
        removed.splice(removed.indexOf(was), 1);
        const changes: Change[] = [];
        diffValues(was.spec, p.spec, 'spec', changes);
        out.push({ kind, name: p.metadata.name, file: p.file, change: 'renamed', from: was.metadata.name, changes });
      } else out.push({ kind, name: p.metadata.name, file: p.file, change: 'added', changes: [] });
    }
    for (const p of removed) out.push({ kind, name: p.metadata.name, file: p.file, change: 'removed', changes: [] });
    for (const [name, p] of left) {
      const q = right.get(name);
      if (q === undefined) continue;
      const changes: Change[] = [];
      diffValues(p.spec, q.spec, 'spec', changes);
      if (changes.length > 0) out.push({ kind, name, file: q.file, change: 'changed', changes });
    }
  }
  return out.sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}
