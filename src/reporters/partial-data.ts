import type { DataAccounting } from '../core/report/index.js';

/**
 * What a partial run (`--allow-partial-data`) lacks, as one plain-text sentence that
 * reports put first; undefined when nothing is missing. Renderers escape it.
 */
export function describePartialData(data: DataAccounting): string | undefined {
  const missing = data.missing ?? [];
  if (missing.length === 0) return undefined;
  const items = missing.map((m) => `${m.entity} (${m.file ?? 'no file'}: ${m.reason.replace(/\.$/, '')})`);
  return `Partial data — these figures leave out ${items.join('; ')}`;
}
