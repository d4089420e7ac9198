import { createColors } from 'picocolors';
import type { PolicyTestReport } from '../core/testing/run-policy-tests.js';
import { renderOutcomeCoverage } from './outcome-coverage-terminal.js';
import { terminalOutput, terminalText as t } from './sanitize.js';
import { formatValue } from './trace-text.js';

export interface PolicyTestTerminalOptions {
  color: boolean;
  /** `file:line` of a data path in a file. */
  locate: (file: string, path: readonly (string | number)[]) => string;
  showCoverage: boolean;
}

/** An expected value; a range `{min, max}` reads as words. */
function formatExpected(value: unknown): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return formatValue(value);
  const { min, max } = value as { min?: number; max?: number };
  if (min !== undefined && max !== undefined) return `from ${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return formatValue(value);
}

/** Pass/fail per case with the differences, then outcome coverage, for the terminal. */
export function renderPolicyTestTerminal(report: PolicyTestReport, options: PolicyTestTerminalOptions): string {
  const c = createColors(options.color);
  const out: string[] = [];
  let suite = '';
  for (const result of report.cases) {
    if (result.suite !== suite) {
      suite = result.suite;
      out.push(c.bold(t(suite)) + c.dim(` (${t(result.file)})`));
    }
    const mark = result.status === 'passed' ? c.green('✓') : c.red('✗');
    out.push(`  ${mark} ${t(result.name)}`);
    if (result.status === 'passed') continue;
    out.push(c.dim(`      at ${t(options.locate(result.file, result.path))}`));
    if (result.error !== undefined) out.push(`      ${c.red('error:')} ${t(result.error)}`);
    for (const diff of result.diffs) {
      out.push(
        `      ${t(diff.field)}: expected ${c.green(t(formatExpected(diff.expected)))}, got ${c.red(t(formatValue(diff.actual)))}`,
      );
    }
  }
  if (options.showCoverage) out.push(...renderOutcomeCoverage(report, c));
  const summary = `${report.passed} passed, ${report.failed} failed`;
  out.push('', report.failed === 0 ? c.green(`✔ ${summary}`) : c.red(`✖ ${summary}`));
  return terminalOutput(out.join('\n') + '\n');
}
