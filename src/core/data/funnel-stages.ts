import type { PolicySet } from '../policy/types.js';
import { BooleanCoercer } from './coerce.js';
import type { Problem } from './tally.js';
import type { Cell } from './coerce-failure.js';
import type { FieldPlan } from './field-plan.js';

/**
 * The stages of the Funnel the data is read for. Plain data, so another thread can be
 * given it. Stage values of the data are checked against `ids`; an opportunity export with
 * a `stage` but no `won` gets `won` from the terminal stages.
 */
export interface FunnelStages {
  funnel: string;
  ids: string[];
  /** Display names of the stages, by position in `ids` (the id when none is given). */
  names: string[];
  won: string[];
  lost: string[];
}

/** The stages of the Funnel the engine evaluates (the first one), if any. */
export function funnelStagesOf(set: Pick<PolicySet, 'Funnel'>): FunnelStages | undefined {
  const funnel = set.Funnel[0];
  if (funnel === undefined) return undefined;
  const { stages } = funnel.spec;
  return {
    funnel: funnel.metadata.name,
    ids: stages.map((s) => s.id),
    names: stages.map((s) => s.name ?? s.id),
    won: stages.filter((s) => s.terminal === 'won').map((s) => s.id),
    lost: stages.filter((s) => s.terminal === 'lost').map((s) => s.id),
  };
}

/** Distinct unknown stage values tracked per field; further ones are counted together. */
const MAX_TRACKED = 100;

/**
 * Counts the stage values of a file that are not stages of the Funnel, with the line each
 * first appears on; the rows are kept. Reported once per value when the file is read.
 */
export class StageCheck {
  private readonly ids: Set<string>;
  readonly unknown = new Map<string, { rows: number; line: number }>();
  /** Rows with an unknown value beyond the tracked ones. */
  untracked = 0;

  constructor(readonly stages: FunnelStages) {
    this.ids = new Set(stages.ids);
  }

  note(cell: Cell, line: number): void {
    if (typeof cell !== 'string' || this.ids.has(cell)) return;
    const seen = this.unknown.get(cell);
    if (seen !== undefined) seen.rows++;
    else if (this.unknown.size < MAX_TRACKED) this.unknown.set(cell, { rows: 1, line });
    else this.untracked++;
  }

  /** The stage a value names ignoring case (its id or its name), as a `values` entry to add. */
  private suggest(value: string): string | undefined {
    const lower = value.trim().toLowerCase();
    const at = this.stages.ids.findIndex(
      (id, i) => id.toLowerCase() === lower || this.stages.names[i]!.toLowerCase() === lower,
    );
    return at < 0
      ? undefined
      : `Did you mean the stage \`${this.stages.ids[at]}\`? Map it under the field's \`values\`: \`${JSON.stringify(value)}: ${this.stages.ids[at]}\`.`;
  }

  /** One warning per unknown value: how many rows have it and where it first appears. */
  problems(field: string, columnName: string | undefined): Problem[] {
    const list = this.stages.ids.map((id) => `\`${id}\``).join(', ');
    const hint = "Translate the export's stage labels to stage ids with `values` in the mapping.";
    const base = {
      code: 'data.unmapped-value' as const,
      severity: 'warning' as const,
      field,
      hint,
      ...(columnName === undefined ? {} : { columnName }),
    };
    const problems: Problem[] = [...this.unknown].map(([value, { rows, line }]) => ({
      ...base,
      line,
      raw: value,
      hint: this.suggest(value) ?? hint,
      message: `\`${value}\` is not a stage of the Funnel \`${this.stages.funnel}\` (${list}): ${rows} ${rows === 1 ? 'row has' : 'rows have'} it, first on line ${line}; the rows are kept.`,
    }));
    if (this.untracked > 0)
      problems.push({
        ...base,
        line: 0,
        message: `${this.untracked} more rows have other values that are not stages of the Funnel \`${this.stages.funnel}\`.`,
      });
    return problems;
  }
}

/**
 * `won` read from the column of `stage`: true for a stage the Funnel ends won, false for
 * one it ends lost, empty (open) for any other. Through the stage's own `values` when it
 * has them, so an export label (`Closed Won`) counts by the stage id it maps to.
 */
export function planWonFromStage(stage: FieldPlan, stages: FunnelStages, isKept: boolean): FieldPlan {
  const terminal = (id: Cell): Cell =>
    typeof id !== 'string' ? null : stages.won.includes(id) ? true : stages.lost.includes(id) ? false : null;
  const values = new Map<string, Cell>();
  if (stage.values !== undefined) for (const [raw, id] of stage.values) values.set(raw, terminal(id));
  if (stage.values === undefined || stage.otherwise === 'keep') {
    for (const id of [...stages.won, ...stages.lost]) if (!values.has(id)) values.set(id, terminal(id));
  }
  return {
    field: 'won',
    type: 'boolean',
    isRequired: false,
    slot: stage.slot,
    values,
    otherwise: 'empty',
    coercer: new BooleanCoercer(undefined),
    emptyValue: null,
    isKept,
  };
}

/** The warning that `won` comes from `stage` (or, without a Funnel to tell, that every deal reads as open). */
export function wonFromStageNote(stages: FunnelStages | undefined, column: string): { message: string; hint: string } {
  const hint = 'Map `won` (true when closed won, false when closed lost) to say it explicitly.';
  if (stages === undefined || stages.won.length + stages.lost.length === 0) {
    return {
      message: `Opportunities have a \`stage\` (column \`${column}\`) but no \`won\`, and no Funnel names won or lost stages: every opportunity reads as open.`,
      hint,
    };
  }
  const names = (ids: string[]): string => (ids.length === 0 ? 'none' : ids.map((id) => `\`${id}\``).join(', '));
  return {
    message: `Opportunities have no \`won\`: it is read from \`stage\` (column \`${column}\`): won at the Funnel's won stages (${names(stages.won)}), lost at its lost stages (${names(stages.lost)}), open at any other.`,
    hint,
  };
}
