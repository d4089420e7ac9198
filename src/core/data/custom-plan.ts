import type { CustomFieldSource, FieldMappingSpec, FieldSource } from '../policy/types.js';
import type { CoercionFailure } from './coerce-failure.js';
import type { Cell, TextCoercer } from './coerce-failure.js';
import type { RecentCopies } from './coerce.js';
import { MappingError, planField } from './field-plan.js';
import type { EntityPlan, FieldPlan } from './field-plan.js';

/**
 * Adds the custom fields an entity mapping declares to its plan, after the canonical ones.
 * Each is read and checked like a canonical field of its type (never required); a source
 * that names none of `column`, `derive` and `const` reads the column of the field's name.
 * A `decimal` is checked as exact decimal text and held as a number: rules read every
 * numeric field as a number, canonical decimals too, and only rules read custom fields.
 */
export function planCustomFields(
  plan: EntityPlan,
  custom: Readonly<Record<string, CustomFieldSource>>,
  spec: FieldMappingSpec | undefined,
  keep: ReadonlySet<string> | undefined,
  recent: RecentCopies,
  dayZone: string | undefined,
): void {
  for (const [name, declared] of Object.entries(custom)) {
    const type = declared.type;
    const given: FieldSource = { ...declared };
    delete (given as Partial<CustomFieldSource>).type;
    delete (given as Partial<CustomFieldSource>).description;
    const source =
      given.column === undefined && given.derive === undefined && given.const === undefined
        ? { ...given, column: name }
        : given;
    const isKept = keep === undefined || keep.has(name);
    let field: FieldPlan;
    try {
      field = planField(plan, name, type, false, source, spec?.timeZone, isKept ? recent : undefined, dayZone);
    } catch (error) {
      if (error instanceof MappingError) throw error;
      throw new MappingError(`Custom field \`${name}\`: ${(error as Error).message}.`, name);
    }
    field.isCustom = true;
    if (type === 'decimal') holdAsNumber(field);
    plan.fields.push(field);
  }
}

/** A decimal field turned into a number field whose text is still checked as a decimal. */
function holdAsNumber(field: FieldPlan): void {
  field.type = 'number';
  field.coercer = new DecimalAsNumber(field.coercer);
  if (typeof field.emptyValue === 'string') field.emptyValue = Number(field.emptyValue);
  if (typeof field.constValue === 'string') field.constValue = Number(field.constValue);
  if (field.values !== undefined)
    for (const [raw, value] of field.values) if (typeof value === 'string') field.values.set(raw, Number(value));
}

/** Reads exact decimal text (see `NumberCoercer`) and gives its number. */
class DecimalAsNumber implements TextCoercer {
  constructor(private readonly decimal: TextCoercer) {}

  fromText(text: string): Cell | CoercionFailure {
    const cell = this.decimal.fromText(text);
    return typeof cell === 'string' ? Number(cell) : cell;
  }
}
