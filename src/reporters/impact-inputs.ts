import { describeInputChanges } from './phrase-guardrail.js';
import type { ImpactReport } from '../core/report/impact.js';

/**
 * The line an impact report starts with when the change touches data or mappings, or when the
 * data was not read at the base; null otherwise. Plain text holding file names from the head's tree:
 * each reporter escapes it with its own sanitiser (see `sanitize.ts`).
 */
export function describeInputs(r: ImpactReport): string | null {
  const i = r.inputs;
  const parts: string[] = [];
  if (i.isChanged) parts.push(`This change edits data or mappings (data_changed): ${describeInputChanges(r, 10)}.`);
  if (i.isChanged && i.dataFrom === 'base') parts.push("The figures replay the base's data and mapping.");
  if (i.note !== null) parts.push(`Note: ${i.note}`);
  return parts.length === 0 ? null : parts.join(' ');
}
