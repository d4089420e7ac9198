import { canonicalModel, entityNames } from '../model/canonical.js';
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

/** Every canonical field name, of any entity: the others a selection holds are custom fields. */
const canonicalNames: ReadonlySet<string> = new Set(entityNames.flatMap((e) => Object.keys(canonicalModel[e])));

/**
 * A custom field the rules read (it is in `keep`, see `selectFieldsRead`) that this file's
 * mapping does not declare — declared by another FieldMapping than the run's, or read without
 * one — is empty in every row: said once per file, never silent.
 */
export function noteUndeclaredReads(plan: EntityPlan, keep: ReadonlySet<string> | undefined, isMapped: boolean): void {
  for (const name of keep ?? []) {
    if (canonicalNames.has(name) || plan.fields.some((f) => f.field === name)) continue;
    plan.notes.push({
      field: name,
      message: `Rules read \`${name}\`, a custom field of ${plan.entity} that ${isMapped ? "this file's mapping does not declare" : 'a file read without a mapping cannot have'}: it is empty in every row.`,
      hint: 'Read the data through the FieldMapping that declares it (`--mapping <name>`), or declare it under `custom:` of this one.',
    });
  }
}
