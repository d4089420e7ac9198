import { describeInputChanges } from '../core/impact/guardrails.js';
import type { ImpactReport } from '../core/report/impact.js';

/** Control, bidi and zero-width characters a file name from the head's tree may carry, and `::`. */
// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]|:(?=:)/g;

/**
 * The line an impact report starts with when the change touches data or mappings, or when the
 * data was not read at the base; null otherwise. Plain text: each reporter escapes it.
 */
export function describeInputs(r: ImpactReport): string | null {
  const i = r.inputs;
  const parts: string[] = [];
  if (i.isChanged) parts.push(`This change edits data or mappings (data_changed): ${describeInputChanges(r, 10)}.`);
  if (i.isChanged && i.dataFrom === 'base') parts.push('The figures replay the base\'s data and mapping.');
  if (i.note !== null) parts.push(`Note: ${i.note}`);
  return parts.length === 0 ? null : parts.join(' ').replace(unsafe, (c) => (c === ':' ? ': ' : '?'));
}
