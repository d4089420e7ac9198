import type { FieldType } from '../model/canonical.js';

/** A data path: YAML keys and list indexes, e.g. `['spec', 'exclusions', 0, 'when', 'and', 1]`. */
export type LogicPath = (string | number)[];

/** A rule compiled once, evaluated on any number of rows. Throws only `RuleEvaluationError`. */
export type CompiledRule = (data: Readonly<Record<string, unknown>>) => unknown;

/** Receives every operator node a compiled rule evaluates, with its path and result. */
export interface CoverageSink {
  hit(path: readonly (string | number)[], value: unknown): void;
}

/** Business time of a Calendar policy: working hours in its time zone, minus holidays. */
export interface BusinessCalendar {
  name?: string;
  /** Working hours from one instant to another (epoch ms); negative when `toMs` is earlier. */
  hoursBetween(fromMs: number, toMs: number): number;
  /**
   * The earliest instant at which `hours` working hours have passed since `fromMs` (the latest
   * before it, for negative hours).
   */
  addBusinessHours(fromMs: number, hours: number): number;
}

/** What a rule is compiled against. */
export interface CompileOptions {
  /** Epoch ms of the run's as-of time, for `hours_since` and `days_since`. */
  asOf?: number;
  /** Calendars by policy name, for `business_hours_between`. */
  calendars?: ReadonlyMap<string, BusinessCalendar>;
  /**
   * Types of the row's fields. A `var` of a numeric field (`decimal` values are exact
   * decimal strings in rows) reads as a number, so comparisons are numeric.
   */
  fieldTypes?: Readonly<Record<string, FieldType>>;
  /** Called for every operator node evaluated; without it compiled rules do no coverage work. */
  coverage?: CoverageSink;
  /** Data path of the rule inside its policy, e.g. `['spec', 'exclusions', 0, 'when']`. */
  path?: LogicPath;
}

/**
 * One evaluated node of a rule, for `revops explain`. Operator nodes carry their `op`;
 * literal arguments appear as `op: 'value'` nodes, and arrays holding operators as
 * `op: 'array'`. Arguments that were never evaluated (short-circuited, or an empty list
 * for an element rule) appear once with `isSkipped` and no value. An element rule of
 * `map`, `filter`, `reduce`, `all`, `none` or `some` appears once per element evaluated.
 */
export interface TraceNode {
  path: LogicPath;
  op: string;
  value: unknown;
  args: TraceNode[];
  isSkipped?: boolean;
}

/** A compiled node: evaluates against the row, or an element inside `map`/`filter`/…. */
export type Evaluate = (data: unknown) => unknown;

/** What an operator is built from. */
export interface OperatorInput {
  op: string;
  /** The arguments as written, as a list (`{"!": x}` has `[x]`). */
  raw: readonly unknown[];
  /** Compiled arguments; element-scoped ones evaluate against the element. */
  args: readonly Evaluate[];
  /**
   * The value of argument `i` when it is a literal and literal fast paths are allowed
   * (not while tracing, so every argument is evaluated, and seen, through `args`).
   */
  literal(i: number): { value: unknown } | undefined;
  /**
   * When argument `i` is a `var` of one literal field name, how to read it, so the operator
   * can read the row itself instead of calling the argument. Undefined while tracing or
   * collecting coverage, where every node must run on its own.
   */
  field(i: number): FieldRead | undefined;
  /** Path of this operator node. */
  path: LogicPath;
  options: CompileOptions;
  /** Inside an element scope: `var` reads the element, not the row. */
  isScoped: boolean;
}

/** A `var` of one field, fused into the operator that uses it (see `readField`). */
export interface FieldRead {
  key: string;
  /** The value when the field is absent: the default of the `var`, or null. */
  notFound: unknown;
  /** A numeric field of the row: numeric strings (exact decimals) read as numbers. */
  isNumeric: boolean;
}

/** The implementation of one operator. */
export interface OperatorDefinition {
  /** Arguments evaluated against each element (with `var` relative to it) rather than the row. */
  scopedArgs?: readonly number[];
  /** Arguments that must be literals (a calendar name, a pattern); they are read from `raw`, never evaluated. */
  literalArgs?: readonly number[];
  build(input: OperatorInput): Evaluate;
}
