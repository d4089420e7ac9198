import type { Row } from '../data/types.js';
import type { LeadClasses } from '../engine/replay-classes.js';
import type { ClassTransition } from '../report/impact.js';

const EXAMPLES = 3;

/**
 * How many leads (created by as-of) change class between the base and head lead
 * definitions, per (from, to) pair, with the first few lead ids in data order as examples.
 * Leads that keep their class are not listed.
 */
export function countClassTransitions(
  base: LeadClasses | undefined,
  head: LeadClasses | undefined,
  leads: readonly Row[],
  asOf: number,
): { moved: number; leads: number; transitions: ClassTransition[] } {
  const out = new Map<string, ClassTransition>();
  let moved = 0;
  let total = 0;
  for (let i = 0; i < leads.length; i++) {
    const lead = leads[i] as Row;
    if (typeof lead.created_at !== 'number' || lead.created_at > asOf) continue;
    total++;
    const from = base === undefined ? '(none)' : (base.classIds[base.classOf[i] as number] as string);
    const to = head === undefined ? '(none)' : (head.classIds[head.classOf[i] as number] as string);
    if (from === to) continue;
    moved++;
    const key = `${from}\u0000${to}`;
    const entry = out.get(key) ?? { from, to, count: 0, examples: [] };
    entry.count++;
    if (entry.examples.length < EXAMPLES && typeof lead.id === 'string') entry.examples.push(lead.id);
    out.set(key, entry);
  }
  const transitions = [...out.values()].sort(
    (a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );
  return { moved, leads: total, transitions };
}
