import { coerceJsonValue } from './coerce.js';
import { CoercionFailure } from './coerce-failure.js';
import type { Cell } from './coerce-failure.js';
import type { FieldPlan } from './field-plan.js';

/**
 * Turns one raw value — CSV text, a JSON value or a derived result — into the field's
 * canonical value: `values` first (with `otherwise`), then the type. Surrounding spaces
 * are ignored for every type but `string`; an empty value is missing.
 */
export function resolveCell(raw: unknown, plan: FieldPlan): Cell | CoercionFailure {
  if (raw === undefined || raw === null) return null;
  if (plan.values !== undefined && (typeof raw !== 'object' || raw === null)) {
    const key = typeof raw === 'string' ? raw : String(raw);
    const mapped = plan.values.get(key);
    if (mapped !== undefined) return mapped;
    if (key !== '' && plan.otherwise !== 'keep') {
      if (plan.otherwise === 'empty') return null;
      return new CoercionFailure(
        'data.unmapped-value',
        `\`${key}\` is not one of the values the mapping translates.`,
        'Add it under `values`, or set `otherwise: keep` (use it as it is) or `otherwise: empty`.',
      );
    }
  }
  if (typeof raw !== 'string') return coerceJsonValue(raw, plan.type, plan.coercer);
  if (raw === '') return plan.emptyValue;
  if (plan.type === 'string') return plan.coercer.fromText(raw);
  const text = raw.trim();
  return text === '' ? plan.emptyValue : plan.coercer.fromText(text);
}
