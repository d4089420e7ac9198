import type { createColors } from 'picocolors';
import type { Outcome, OutcomeItemKind, PolicyTestReport } from '../core/testing/run-policy-tests.js';
import { terminalText as t } from './sanitize.js';

/** How a missing outcome reads: what the tests never saw. */
const missingText: Readonly<Record<Outcome, string>> = {
  fired: 'never fired',
  'not-fired': 'always fired',
  met: 'never met',
  missed: 'never missed',
  breached: 'never breached',
  reached: 'never reached',
  'not-reached': 'always reached',
  applied: 'never applied',
  'not-applied': 'always applied',
  hit: 'never hit',
  'not-hit': 'always hit',
  passed: 'never passed',
  failed: 'never failed',
  paid: 'never paid',
  'not-paid': 'always paid',
};

const itemText: Readonly<Record<OutcomeItemKind, string>> = {
  exclusion: 'exclusion',
  'hand-raiser': 'hand-raiser',
  'scoring-rule': 'scoring rule',
  'class-threshold': 'class threshold',
  'sla-target': 'SLA target',
  'escalation-step': 'escalation step',
  recycle: 'recycle rule',
  tier: 'tier',
  cap: 'cap',
  gate: 'gate',
  'team-multiplier': 'team multiplier',
  spiff: 'SPIF',
  clawback: 'clawback',
};

const kindText = { LeadDefinition: 'lead definition', HandoffSla: 'handoff SLA', CompPlan: 'comp plan' } as const;

/** What the missing outcomes of an item read as, e.g. `never fired`; both missing: no test reaches it. */
export function describeMissing(missing: readonly Outcome[]): string {
  return missing.length > 1 ? 'no test reaches it' : missing.map((o) => missingText[o]).join(', ');
}

/** Outcome coverage per policy with each decision the tests did not see go both ways, at file:line. */
export function renderOutcomeCoverage(report: PolicyTestReport, c: ReturnType<typeof createColors>): string[] {
  const out = ['', c.bold('Outcome coverage') + c.dim(' (a decision is covered when the tests see it go both ways)')];
  for (const cov of report.coverage) {
    const pct = cov.total === 0 ? 100 : (100 * cov.covered) / cov.total;
    const untested = cov.cases === 0 ? c.yellow('  no tests') : '';
    out.push(
      `  ${`${kindText[cov.kind]} ${t(cov.policy)}`.padEnd(40)} ${String(cov.covered).padStart(4)} / ${String(cov.total).padEnd(4)} ${pct.toFixed(1)} %${untested}`,
    );
    for (const item of cov.uncovered.slice(0, 50))
      out.push(
        c.yellow(`      ${t(item.at)}  ${itemText[item.kind]} \`${t(item.id)}\`: ${describeMissing(item.missing)}`),
      );
    if (cov.uncovered.length > 50) out.push(c.dim(`      … and ${cov.uncovered.length - 50} more`));
  }
  const { covered, total } = report.coverageCount;
  out.push(`  total ${report.coveragePercent.toFixed(1)} % (${covered} / ${total} decisions)`);
  return out;
}
