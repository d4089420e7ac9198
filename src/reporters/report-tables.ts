import type { Report } from '../core/report/index.js';
import type { CompPlanResult } from '../core/report/comp.js';
import type { SlaResult } from '../core/report/sla.js';
import { formatCount, formatHours, formatMoney, formatNumber, formatPercent, formatRatio } from './figures.js';
import type { Align } from './text-table.js';

/** A table as data: both the terminal and the markdown report render these, so they never disagree. */
export interface TableModel {
  headers: string[];
  rows: string[][];
  align: Align[];
}

const right = (n: number): Align[] => Array.from({ length: n }, () => 'right' as const);

export function classesTable(k: NonNullable<Report['classification']>): TableModel {
  return {
    headers: ['class', 'stage', 'leads', 'share'],
    rows: k.classes.map((r) => [r.class, r.stage ?? '', formatCount(r.count), formatPercent(r.share)]),
    align: ['left', 'left', 'right', 'right'],
  };
}

/** Per stage: flow, conversion (cohort and period basis) and time in stage. */
export function funnelTable(f: NonNullable<Report['funnel']>): TableModel {
  const open = (s: (typeof f.stages)[number], text: string): string => (s.terminal === null ? text : '');
  return {
    headers: ['stage', 'arrivals', 'advanced', 'dropped', 'open now', 'cohort', 'period', 'median', 'p90', 'w/ open'],
    rows: f.stages.map((s) => [
      s.id,
      formatCount(s.arrivals),
      open(s, formatCount(s.advanced)),
      open(s, formatCount(s.dropped)),
      open(s, formatCount(s.openAtAsOf)),
      formatPercent(s.conversionCohort),
      formatPercent(s.conversionPeriod),
      open(s, formatHours(s.timeInStageHours.median)),
      open(s, formatHours(s.timeInStageHours.p90)),
      open(s, formatHours(s.timeInStageWithOpenHours.median)),
    ]),
    align: ['left', ...right(9)],
  };
}

/** Per stage: demand against capacity, the peak week, queue growth and Little's law (`!` flags a gap). */
export function loadTable(k: NonNullable<Report['constraint']>): TableModel {
  return {
    headers: ['stage', 'demand', 'capacity', 'util', 'peak week', 'queue +/wk', 'WIP', "Little's"],
    rows: k.stages.map((s) => [
      s.stage === k.stage ? `${s.stage} ◀` : s.stage,
      formatNumber(s.demandPerWeek),
      s.capacityPerWeek === null ? '—' : `${formatNumber(s.capacityPerWeek, 0)} ${s.capacityBasis}`,
      formatRatio(s.utilisation),
      s.peakWeek === null ? '—' : `${formatRatio(s.peakWeekUtilisation)} ${s.peakWeek}`,
      formatNumber(s.queueGrowthPerWeek),
      `${formatCount(s.wipStart)} → ${formatCount(s.wipEnd)}`,
      s.littlesLaw.ratio === null ? '—' : `${formatRatio(s.littlesLaw.ratio)}${s.littlesLaw.isFlagged ? ' !' : ''}`,
    ]),
    align: ['left', ...right(7)],
  };
}

/** One SLA's targets and their total. */
export function slaTargetsTable(sla: SlaResult): TableModel {
  const rows = sla.targets.map((t) => [
    t.id,
    t.within,
    formatCount(t.eligible),
    formatCount(t.met),
    formatCount(t.breached),
    formatCount(t.pending),
    formatPercent(t.compliance),
  ]);
  rows.push([
    'all',
    '',
    formatCount(sla.eligible),
    formatCount(sla.met),
    formatCount(sla.breached),
    formatCount(sla.pending),
    formatPercent(sla.compliance),
  ]);
  return {
    headers: ['target', 'within', 'eligible', 'met', 'breached', 'pending', 'compliance'],
    rows,
    align: ['left', 'left', ...right(5)],
  };
}

/** One SLA per team (and, with `byOwner`, per owner): the teams own the handoffs. */
export function slaGroupsTable(sla: SlaResult, by: 'team' | 'owner'): TableModel {
  const counts = (c: SlaResult['byTeam'][number]): string[] => [
    formatCount(c.eligible),
    formatCount(c.met),
    formatCount(c.breached),
    formatCount(c.pending),
    formatPercent(c.compliance),
  ];
  const rows =
    by === 'team'
      ? sla.byTeam.map((t) => [t.team ?? '(no team)', ...counts(t)])
      : sla.byOwner.map((o) => [
          o.ownerId === null ? '(no owner)' : o.name === null ? o.ownerId : `${o.ownerId} ${o.name}`,
          ...counts(o),
        ]);
  return { headers: [by, 'eligible', 'met', 'breached', 'pending', 'compliance'], rows, align: ['left', ...right(5)] };
}

/** One plan's payout per person and period (`*` marks a period partly inside the window), with totals. */
export function compPlanTable(plan: CompPlanResult): TableModel {
  const rows = plan.people.map((person) => {
    // The first line of each period, looked up once per person: linear in the periods.
    const byPeriod = new Map<string, string>();
    for (const x of person.periods) if (!byPeriod.has(x.period)) byPeriod.set(x.period, x.total);
    return [
      person.name === null ? person.id : `${person.id} ${person.name}`,
      ...plan.periods.map((p) => {
        const total = byPeriod.get(p.label);
        return total === undefined ? '' : formatMoney(total, null);
      }),
      formatMoney(person.total, null),
    ];
  });
  rows.push([
    'total',
    ...plan.totals.periods.map((p) => formatMoney(p.total, null)),
    formatMoney(plan.totals.total, null),
  ]);
  const labels = plan.periods.map((p) => (p.covered < 1 ? `${p.label}*` : p.label));
  return { headers: ['person', ...labels, 'total'], rows, align: ['left', ...right(labels.length + 1)] };
}

/** Rows read, evaluated and rejected per data file. */
export function dataTable(report: Report): TableModel {
  return {
    headers: ['file', 'entity', 'read', 'evaluated', 'rejected', 'status'],
    rows: report.data.files.map((f) => [
      f.file,
      f.distinctRows === undefined ? f.entity : `${f.entity} (${formatCount(f.distinctRows)} distinct)`,
      formatCount(f.rowsRead),
      formatCount(f.rowsEvaluated),
      formatCount(f.rowsRejected),
      f.status,
    ]),
    align: ['left', 'left', ...right(3), 'left'],
  };
}
