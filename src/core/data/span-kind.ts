import { BooleanCoercer, StringChecker, StringCoercer } from './coerce.js';
import { DateTimeCoercer } from './coerce-date.js';
import { NumberCoercer } from './coerce-number.js';
import type { Cell } from './coerce-failure.js';
import type { FieldPlan } from './field-plan.js';

/**
 * How a cell given as a span of the text is read: the common plain forms by the row
 * builders themselves, others by their coercer's `fromSpan`, and `Cut` ones (mapped through
 * `values`, or without a plain form) cut out and resolved as text.
 */
export const SpanKind = {
  Cut: 0,
  PlainUtc: 1,
  Whole: 2,
  Checked: 3,
  Text: 4,
  Boolean: 5,
  Coercer: 6,
} as const;
export type SpanKind = (typeof SpanKind)[keyof typeof SpanKind];

export function spanKindOf(plan: FieldPlan): SpanKind {
  const coercer = plan.coercer;
  if (plan.values !== undefined || coercer.fromSpan === undefined) return SpanKind.Cut;
  if (coercer instanceof DateTimeCoercer && coercer.readsPlainUtc) return SpanKind.PlainUtc;
  if (coercer instanceof NumberCoercer && plan.type !== 'decimal') return SpanKind.Whole;
  if (coercer instanceof StringChecker) return SpanKind.Checked;
  if (coercer instanceof StringCoercer) return SpanKind.Text;
  if (coercer instanceof BooleanCoercer) return SpanKind.Boolean;
  return SpanKind.Coercer;
}

/**
 * A cell given as a span, read in place: its value, or undefined when it must be cut out
 * and resolved as text. Each common coercer is called from a site of its own, so the
 * engine can inline it.
 */
export function readSpan(kind: SpanKind, plan: FieldPlan, text: string, start: number, end: number): Cell | undefined {
  switch (kind) {
    case SpanKind.PlainUtc:
      return (plan.coercer as DateTimeCoercer).fromSpan(text, start, end);
    case SpanKind.Whole:
      return (plan.coercer as NumberCoercer).fromSpan(text, start, end);
    case SpanKind.Checked:
      return (plan.coercer as StringChecker).fromSpan(text, start, end);
    case SpanKind.Text:
      return (plan.coercer as StringCoercer).fromSpan(text, start, end);
    case SpanKind.Boolean:
      return (plan.coercer as BooleanCoercer).fromSpan(text, start, end);
    default:
      return plan.coercer.fromSpan!(text, start, end);
  }
}
