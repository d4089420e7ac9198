import { RevopsError } from '../errors.js';
import type { EntityName, FieldType } from '../model/canonical.js';
import { canonicalModel } from '../model/canonical.js';
import { compileRule, walkRule } from '../logic/compile.js';
import type { CompiledRule } from '../logic/compile.js';
import type { FieldMappingSpec, FieldSource } from '../policy/types.js';
import type { MappedLookup } from './join-graph.js';
import { coerceJsonValue, createCoercer, RecentCopies, StringChecker, StringCoercer } from './coerce.js';
import { CoercionFailure } from './coerce-failure.js';
import type { Cell, TextCoercer } from './coerce-failure.js';
import { noteUndeclaredReads, planCustomFields } from './custom-plan.js';
import { planWonFromStage, StageCheck, wonFromStageNote } from './funnel-stages.js';
import type { FunnelStages } from './funnel-stages.js';

/** How one canonical field of a file is filled, prepared once per file. */
export interface FieldPlan {
  field: string;
  type: FieldType;
  isRequired: boolean;
  /** Index into the file's source columns (`EntityPlan.columns`); -1 for `const` and `derive`. */
  slot: number;
  constValue?: Cell;
  derive?: CompiledRule;
  values?: Map<string, Cell>;
  otherwise: 'keep' | 'error' | 'empty';
  coercer: TextCoercer;
  /** What an empty cell means (missing, unless the mapping lists `""` as a value). */
  emptyValue: Cell;
  /** The value goes into the row; when false it is only checked (see `LoadPipelineOptions.keep`). */
  isKept: boolean;
  /** Counts stage values the Funnel does not have (the rows are kept; see `StageCheck`). */
  stageCheck?: StageCheck;
  /** Filled after the row is built, from another entity's row (see `lookup.ts`); empty until then. */
  lookup?: MappedLookup['lookup'];
  /** A custom field the mapping declares (see `planCustomFields`): its column is expected. */
  isCustom?: boolean;
}

/** What a file is read for, besides its mapping: the reporting zone and the Funnel's stages. */
export interface PlanContext {
  /**
   * The reporting time zone (UTC when not given): a date without a time in a date-time field is the
   * first instant of that day there.
   */
  timeZone?: string;
  /** Stage values are checked against them; `won` is read from a terminal `stage` when the file has no `won`. */
  stages?: FunnelStages;
}

/** Every field of one entity file and the columns they read. */
export interface EntityPlan {
  entity: EntityName;
  fields: FieldPlan[];
  /** Distinct source columns (headers or JSON keys) read by `column` fields, by slot. */
  columns: string[];
  /** Columns that `derive` rules read. */
  deriveColumns: Set<string>;
  isCaseInsensitive: boolean;
  /** Canonical fields read through a FieldMapping's `fields`: their columns are expected to exist. */
  isMapped: boolean;
  /** The Funnel's stages, when known. */
  stages?: FunnelStages;
  /** Warnings about the plan itself (e.g. `won` read from `stage`), reported once per file. */
  notes: { message: string; hint: string; field: string }[];
  /** Whether a `won` read from `stage` would be kept in the rows. */
  keepsWon: boolean;
}

/** A mapping that cannot be applied; the file it concerns is not read. */
export class MappingError extends RevopsError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super('mapping', message);
    this.name = 'MappingError';
  }
}

/**
 * Plans an entity file: through a FieldMapping's entity, or by canonical column names
 * without one. Fields outside `keep` (when given) are checked like every other but left
 * out of the rows. See `PlanContext` for the rest.
 */
export function planEntity(
  entity: EntityName,
  spec?: FieldMappingSpec,
  keep?: ReadonlySet<string>,
  context: PlanContext = {},
): EntityPlan {
  const dayZone = context.timeZone;
  const entityMapping = spec?.entities[entity];
  const plan: EntityPlan = {
    entity,
    fields: [],
    columns: [],
    deriveColumns: new Set(),
    isCaseInsensitive: spec?.columnCase === 'insensitive',
    isMapped: entityMapping?.fields !== undefined,
    notes: [],
    keepsWon: keep === undefined || keep.has('won'),
  };
  if (context.stages !== undefined) plan.stages = context.stages;
  const recent = new RecentCopies();
  // A lookup's key is read from the row once it is built, so the row keeps it.
  const lookupKeys = new Set(Object.values(entityMapping?.fields ?? {}).flatMap((f) => f.lookup?.key ?? []));
  for (const [field, fieldSpec] of Object.entries(canonicalModel[entity])) {
    const source = entityMapping?.fields === undefined ? { column: field } : entityMapping.fields[field];
    if (source === undefined && fieldSpec.required === true) {
      throw new MappingError(`The mapping of ${entity} gives no source for the required field \`${field}\`.`, field);
    }
    if (source === undefined) continue;
    try {
      const isKept = keep === undefined || keep.has(field) || lookupKeys.has(field);
      plan.fields.push(
        planField(
          plan,
          field,
          fieldSpec.type,
          fieldSpec.required === true,
          source,
          spec?.timeZone,
          isKept ? recent : undefined,
          dayZone,
        ),
      );
    } catch (error) {
      if (error instanceof MappingError) throw error;
      throw new MappingError(`Field \`${field}\`: ${(error as Error).message}.`, field);
    }
  }
  if (entityMapping?.custom !== undefined) planCustomFields(plan, entityMapping.custom, spec, keep, recent, dayZone);
  noteUndeclaredReads(plan, keep, entityMapping !== undefined);
  if (plan.fields.length === 0) throw new MappingError(`The mapping of ${entity} maps no field.`);
  checkStages(plan);
  return plan;
}

/**
 * Stage values are checked against the Funnel; a mapping of opportunities that gives
 * `stage` from a column but no `won` reads `won` from it (see `planWonFromStage`), with
 * a note, so closed deals are not silently open.
 */
function checkStages(plan: EntityPlan): void {
  const stage = plan.fields.find((f) => f.field === 'stage');
  if (stage === undefined) return;
  if (plan.stages !== undefined) {
    // A stage left out of the rows is still checked: its text is read, not only looked at.
    if (stage.coercer instanceof StringChecker) stage.coercer = new StringCoercer();
    stage.stageCheck = new StageCheck(plan.stages);
  }
  if (plan.entity !== 'opportunities' || !plan.isMapped || stage.slot < 0 || plan.fields.some((f) => f.field === 'won'))
    return;
  plan.notes.push({ ...wonFromStageNote(plan.stages, plan.columns[stage.slot]!), field: 'won' });
  if (plan.stages !== undefined) plan.fields.push(planWonFromStage(stage, plan.stages, plan.keepsWon));
}

/** `recent` undefined: the field is not kept, so its text is checked but never copied. */
export function planField(
  plan: EntityPlan,
  field: string,
  type: FieldType,
  isRequired: boolean,
  source: FieldSource,
  zone: string | undefined,
  recent: RecentCopies | undefined,
  dayZone: string | undefined,
): FieldPlan {
  const given = (['column', 'derive', 'const', 'lookup'] as const).filter((k) => source[k] !== undefined);
  if (given.length !== 1) throw new Error('give exactly one of `column`, `derive`, `const` or `lookup`');
  const isKept = recent !== undefined;
  const coercer =
    type === 'string' && !isKept ? new StringChecker() : createCoercer(type, source, zone, recent, dayZone);
  const emptyValue = 'emptyValue' in coercer ? (coercer.emptyValue as Cell) : null;
  const fieldPlan: FieldPlan = {
    field,
    type,
    isRequired,
    slot: -1,
    otherwise: source.otherwise ?? 'error',
    coercer,
    emptyValue,
    isKept,
  };
  if (source.values !== undefined) {
    fieldPlan.values = new Map();
    for (const [raw, value] of Object.entries(source.values)) {
      fieldPlan.values.set(raw, expectCell(fieldPlan, value, `\`values\` maps \`${raw}\` to`));
    }
  }
  if (source.column !== undefined) {
    let slot = plan.columns.indexOf(source.column);
    if (slot === -1) slot = plan.columns.push(source.column) - 1;
    fieldPlan.slot = slot;
  } else if (source.const !== undefined) {
    fieldPlan.constValue = expectCell(fieldPlan, source.const, '`const` is');
  } else if (source.lookup !== undefined) {
    fieldPlan.lookup = { on: 'id', ...source.lookup };
  } else {
    // Ignoring the case of columns covers the columns a rule reads too: both sides are lower-cased.
    const rule = plan.isCaseInsensitive ? lowerVarPaths(source.derive) : source.derive;
    fieldPlan.derive = compileRule(rule, { path: ['spec', 'entities', plan.entity, 'fields', field, 'derive'] });
    collectVars(rule, plan.deriveColumns);
  }
  return fieldPlan;
}

/** A value written in the mapping itself (`const`, `values`), checked against the field type once. */
function expectCell(plan: FieldPlan, value: string | number | boolean | null, what: string): Cell {
  if (value === null) return null;
  const cell =
    typeof value === 'string'
      ? value === ''
        ? null
        : plan.coercer.fromText(plan.type === 'string' ? value : value.trim())
      : coerceJsonValue(value, plan.type, plan.coercer);
  if (cell instanceof CoercionFailure)
    throw new Error(`${what} \`${String(value)}\`, which is not a valid ${plan.type}: ${cell.message}`);
  return cell;
}

/** The top-level names a rule reads (`var`, `missing`, `missing_some`), so they count as used columns. */
function collectVars(rule: unknown, into: Set<string>): void {
  walkRule(rule, [], (node) => {
    const add = (path: unknown): void => {
      if (typeof path === 'string' && path !== '') into.add(path.split('.')[0]!);
    };
    const first = node.args[0]?.value;
    if (node.op === 'var') add(Array.isArray(first) ? first[0] : first);
    else if (node.op === 'missing')
      for (const arg of node.args) (Array.isArray(arg.value) ? arg.value : [arg.value]).forEach(add);
    else if (node.op === 'missing_some')
      (Array.isArray(node.args[1]?.value) ? (node.args[1]!.value as unknown[]) : []).forEach(add);
  });
}

/** A copy of a rule whose `var`/`missing` paths start with a lower-cased column name. */
function lowerVarPaths(rule: unknown): unknown {
  if (Array.isArray(rule)) return rule.map(lowerVarPaths);
  if (rule === null || typeof rule !== 'object') return rule;
  const lowerPath = (path: unknown): unknown => {
    if (typeof path !== 'string') return path;
    const dot = path.indexOf('.');
    return dot === -1 ? path.toLowerCase() : path.slice(0, dot).toLowerCase() + path.slice(dot);
  };
  const entries = Object.entries(rule).map(([op, arg]): [string, unknown] => {
    if (op === 'var')
      return [op, Array.isArray(arg) ? [lowerPath(arg[0]), ...arg.slice(1).map(lowerVarPaths)] : lowerPath(arg)];
    if (op === 'missing') return [op, Array.isArray(arg) ? arg.map(lowerPath) : lowerPath(arg)];
    if (op === 'missing_some' && Array.isArray(arg))
      return [op, [arg[0], Array.isArray(arg[1]) ? arg[1].map(lowerPath) : arg[1]]];
    return [op, lowerVarPaths(arg)];
  });
  return Object.fromEntries(entries);
}
