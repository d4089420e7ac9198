import { createColors } from 'picocolors';
import type { Issue } from '../core/issue.js';
import { countBySeverity } from '../core/issue.js';
import type { LoadResult } from '../core/policy/load.js';
import { phraseWaivedCount, phraseWaiver } from './phrase-waiver.js';
import { terminalOutput, terminalText as t } from './sanitize.js';

export interface TerminalOptions {
  color: boolean;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Problems grouped by file, each with `line:col`, severity, message, code and the fix. */
export function renderValidationTerminal(
  result: Pick<LoadResult, 'files' | 'issues'>,
  options: TerminalOptions,
): string {
  const c = createColors(options.color);
  const out: string[] = [];
  const byFile = new Map<string, Issue[]>();
  for (const issue of result.issues) {
    const list = byFile.get(issue.file) ?? [];
    list.push(issue);
    byFile.set(issue.file, list);
  }
  for (const [file, issues] of byFile) {
    out.push(c.underline(t(file)));
    for (const issue of issues) {
      const where = issue.line > 0 ? `${issue.line}:${issue.column}` : '-';
      const severity =
        issue.waiver !== undefined
          ? c.dim('waived ')
          : issue.severity === 'error'
            ? c.red('error  ')
            : c.yellow('warning');
      out.push(`  ${c.dim(where.padEnd(8))} ${severity}  ${t(issue.message)}  ${c.dim(t(issue.code))}`);
      if (issue.hint !== undefined) out.push(`  ${' '.repeat(8)} ${' '.repeat(7)}  ${c.cyan('fix:')} ${t(issue.hint)}`);
      if (issue.waiver !== undefined)
        out.push(`  ${' '.repeat(8)} ${' '.repeat(7)}  ${c.dim(`${issue.severity} ${t(phraseWaiver(issue.waiver))}`)}`);
    }
    out.push('');
  }
  const { errors, warnings } = countBySeverity(result.issues);
  const filesWithProblems = byFile.size;
  const waived = phraseWaivedCount(result.issues);
  if (errors > 0) {
    out.push(
      c.red(
        `✖ ${plural(errors, 'error')}, ${plural(warnings, 'warning')}${waived} in ${filesWithProblems} of ${plural(result.files.length, 'file')}`,
      ),
    );
  } else if (warnings > 0) {
    out.push(
      c.yellow(`⚠ ${plural(result.files.length, 'policy file')} valid, ${plural(warnings, 'warning')}${waived}`),
    );
  } else {
    out.push(c.green(`✔ ${plural(result.files.length, 'policy file')} valid${waived}`));
  }
  return terminalOutput(out.join('\n') + '\n');
}
