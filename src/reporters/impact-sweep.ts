import { createColors } from 'picocolors';
import type { ImpactSweepReport, SweepFigures, SweepRow } from '../core/report/impact-sweep.js';
import { formatDecimal, formatNumber, formatPercent, formatRatio } from './figures.js';
import { unknownText } from './impact-projection.js';
import { amount, describeSides, NONE, signed, signedMoney } from './impact-phrases.js';
import { renderMarkdownTable } from './markdown-escape.js';
import { describePartialData } from './partial-data.js';
import { phraseWarning } from './phrase-warning.js';
import { escapeMarkdown, terminalOutput, terminalText } from './sanitize.js';
import { renderTextTable, wrapText } from './text-table.js';
import type { Align } from './text-table.js';

/**
 * `revops impact --sweep`: one row per value. Cells are plain text phrased like the impact
 * report's; each output escapes them (the table helpers escape every cell).
 */

const WIDTH = 100;

/** The SLA names of the rows, in order: one column each. */
function slaNames(r: ImpactSweepReport): string[] {
  return [...new Set(r.rows.flatMap((x) => x.figures?.slas.map((s) => s.name) ?? []))];
}

function headers(r: ImpactSweepReport): string[] {
  const last = r.sweep.path.slice(r.sweep.path.lastIndexOf('.') + 1);
  const currency = r.rows.find((x) => x.figures?.currency != null)?.figures?.currency;
  return [
    last,
    `${r.entryStage.stage ?? 'entry'}/week`,
    'constraint',
    `won revenue${currency === undefined || currency === null ? '' : ` (${currency})`}`,
    'change',
    'range of change',
    'goal (flow)',
    'headcount cost',
    ...slaNames(r),
    'payout to as-of (replayed)',
    'guardrails',
  ];
}

function alignOf(r: ImpactSweepReport): Align[] {
  return headers(r).map((_, i) => (i === 0 || i === 2 ? 'left' : 'right'));
}

function valueCell(row: SweepRow): string {
  const marks = [row.isBase ? 'base' : '', row.isHead ? 'head' : ''].filter((m) => m !== '');
  return `${amount(row.value)}${marks.length === 0 ? '' : ` (${marks.join(', ')})`}`;
}

function revenueCells(f: SweepFigures): string[] {
  const w = f.wonRevenue;
  if (w.head === null || w.delta === null) return [NONE, `${NONE} (${unknownText[w.unknown ?? 'not-computed']})`, NONE];
  // A range that is one point (the change adds or removes no lead with an uncertain rate) shows that point.
  const range =
    w.deltaLow === null || w.deltaHigh === null
      ? NONE
      : w.deltaLow === w.deltaHigh
        ? signedMoney(w.deltaLow)
        : `${signedMoney(w.deltaLow)} to ${signedMoney(w.deltaHigh)}`;
  return [amount(w.head), signedMoney(w.delta), range];
}

function slaCell(f: SweepFigures, name: string): string {
  const s = f.slas.find((x) => x.name === name);
  if (s === undefined) return NONE;
  return s.modelled === null ? 'queue grows' : formatPercent(s.modelled);
}

/** The cells of one row: figures, or the value and why the policy checks rejected it. */
function rowCells(row: SweepRow, slas: readonly string[]): string[] {
  const f = row.figures;
  const blank = Array.from({ length: 8 + slas.length }, () => '');
  if (f === null) return [valueCell(row), 'rejected', ...blank.slice(1)];
  const perWeek = f.entryPerWeek;
  const util = f.constraint.utilisation.head;
  return [
    valueCell(row),
    perWeek.head === null
      ? NONE
      : `${formatNumber(perWeek.head, 2)}${perWeek.delta === null ? '' : ` (${signed(perWeek.delta, (x) => formatNumber(x, 2))})`}`,
    [
      f.constraint.stage.head ?? NONE,
      formatRatio(util),
      f.constraint.crossesCapacity === 'over' || (util !== null && util > 1) ? '(over)' : '',
      f.constraint.isMoved ? '(moved)' : '',
    ]
      .filter((x) => x !== '')
      .join(' '),
    ...revenueCells(f),
    formatPercent(f.goalAttainment.head),
    f.headcountCost.teams === 0 ? 'none' : f.headcountCost.total === null ? NONE : signedMoney(f.headcountCost.total),
    ...slas.map((name) => slaCell(f, name)),
    f.payout.length === 0 ? NONE : f.payout.map((p) => signedMoney(p.delta, p.currency)).join('; '),
    f.guardrails.length === 0 ? 'none' : String(f.guardrails.length),
  ];
}

/** Why each rejected value is rejected: the policy checks' errors, located. */
function rejectedLines(r: ImpactSweepReport): string[] {
  return r.rows
    .filter((row) => row.figures === null)
    .map((row) => {
      const why = row.issues.map((i) => `${i.message} (${i.file}:${i.line}:${i.column})`).join('; ');
      return `${amount(row.value)} is rejected by the policy checks: ${why === '' ? NONE : why}`;
    });
}

/** Each guardrail a row crosses, with the values that cross it. */
function guardrailLines(r: ImpactSweepReport): string[] {
  const values = new Map<string, string[]>();
  for (const row of r.rows)
    for (const g of row.figures?.guardrails ?? []) values.set(g.id, [...(values.get(g.id) ?? []), amount(row.value)]);
  return [...values].map(([id, v]) => `Guardrail ${id} is crossed at ${v.join(', ')}.`);
}

function describeSweep(r: ImpactSweepReport): string {
  const s = r.sweep;
  const own = (label: string, v: string | null) => `${label} ${v === null ? NONE : formatDecimal(v)}`;
  return `${s.policy.kind} ${s.policy.name}: ${s.path} from ${formatDecimal(s.from)} to ${formatDecimal(s.to)} in steps of ${formatDecimal(s.step)} (${own('base', s.baseValue)}, ${own('head', s.headValue)}), ${r.rows.length} values, each against the base`;
}

function notes(r: ImpactSweepReport): string[] {
  const lines = [
    ...rejectedLines(r),
    ...guardrailLines(r),
    `${r.entryStage.stage ?? 'entry'}/week: arrivals a week at the stage lead classes qualify into (${r.entryStage.name ?? NONE}), and the change from the base; the constraint's utilisation; won revenue: the flow projection to the goal period's end, its change from the base and the range of that change; goal (flow): the goal's actual to as-of plus that revenue, of its target; headcount cost: of the capacity changes, to the period's end; SLAs: compliance modelled for the head ("queue grows": no steady state); every figure is the one revops impact reports for the head with that value.`,
  ];
  const partial = describePartialData(r.data);
  if (partial !== undefined) lines.unshift(`${partial}.`);
  for (const w of r.warnings) lines.push(`Warning: ${phraseWarning(w)}`);
  return lines;
}

/** The sweep for a terminal. */
export function renderImpactSweepTerminal(r: ImpactSweepReport, options: { color: boolean }): string {
  const c = createColors(options.color);
  const cols = headers(r);
  const out = [
    c.bold(
      `revops impact --sweep · ${terminalText(describeSides(r))} · as of ${r.stamp.asOf.slice(0, 16).replace('T', ' ')} UTC`,
    ),
    '',
    ...wrapText(describeSweep(r), WIDTH, '  '),
    '',
    ...renderTextTable(
      cols,
      r.rows.map((row) => rowCells(row, slaNames(r))),
      alignOf(r),
    ),
    '',
    ...notes(r).flatMap((n) => wrapText(n, WIDTH, '  ')),
  ];
  return terminalOutput(`${out.join('\n')}\n`);
}

/** The sweep as markdown (a comment or a job summary). */
export function renderImpactSweepMarkdown(r: ImpactSweepReport): string {
  const cols = headers(r);
  const out = [
    `### revops impact --sweep`,
    '',
    `${escapeMarkdown(describeSides(r))} · as of ${r.stamp.asOf.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    escapeMarkdown(describeSweep(r)),
    '',
    ...renderMarkdownTable(
      cols,
      r.rows.map((row) => rowCells(row, slaNames(r))),
      alignOf(r),
    ),
    '',
    ...notes(r).map((n) => `- ${escapeMarkdown(n)}`),
  ];
  return `${out.join('\n')}\n`;
}
