import type { LoadResult } from '../core/policy/load.js';
import { countBySeverity } from '../core/issue.js';
import { phraseWaivedCount, phraseWaiver } from './phrase-waiver.js';
import { workflowCommandData as escapeData, workflowCommandProperty as escapeProperty } from './sanitize.js';

/** `::error file=…,line=…,col=…::message` lines, which GitHub shows on the pull request diff. */
export function renderValidationGithub(result: Pick<LoadResult, 'files' | 'issues'>): string {
  const lines = result.issues.map((issue) => {
    const props = [`file=${escapeProperty(issue.file)}`];
    if (issue.line > 0) props.push(`line=${issue.line}`, `col=${issue.column}`);
    props.push(`title=${escapeProperty(`revops ${issue.code}`)}`);
    const text = issue.hint === undefined ? issue.message : `${issue.message} ${issue.hint}`;
    // A waived finding is a notice: visible on the diff, failing nothing.
    if (issue.waiver !== undefined)
      return `::notice ${props.join(',')}::${escapeData(`${issue.severity} ${phraseWaiver(issue.waiver)}: ${text}`)}`;
    return `::${issue.severity} ${props.join(',')}::${escapeData(text)}`;
  });
  const { errors, warnings } = countBySeverity(result.issues);
  lines.push(
    `revops validate: ${errors} error(s), ${warnings} warning(s)${phraseWaivedCount(result.issues)} in ${result.files.length} file(s)`,
  );
  return lines.join('\n') + '\n';
}
