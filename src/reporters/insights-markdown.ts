import type { InsightsReport, StageInsight } from '../core/insights/types.js';
import { formatCount, formatInstant, plural } from './figures.js';
import {
  attributeTitle,
  describeAttributeNotes,
  describeConstraint,
  describeNoSuggestion,
  describeStageOverall,
  describeUnknown,
  GROUP_ALIGN,
  GROUP_HEADERS,
  groupRows,
  phraseSuggestion,
  stageHeading,
} from './insights-phrases.js';
import { escapeMarkdown as e, renderMarkdownDetails, renderMarkdownTable } from './markdown-escape.js';
import { describePartialData } from './partial-data.js';
import { phraseWarning } from './phrase-warning.js';

/** A command line in a code span, only when it holds nothing but safe characters (policy ids are); else escaped text. */
function code(command: string): string {
  return /^[A-Za-z0-9 _.=:'/[\]-]+$/.test(command) ? `\`${command}\`` : e(command);
}

function renderStage(s: StageInsight, r: InsightsReport): string[] {
  const out = [`### ${stageHeading(s, e)}`, '', describeStageOverall(s), ''];
  for (const a of s.attributes) {
    const rows = renderMarkdownTable(GROUP_HEADERS, groupRows(a), GROUP_ALIGN);
    const n = describeAttributeNotes(a, r);
    out.push(...renderMarkdownDetails(attributeTitle(a, r), n === null ? rows : [...rows, '', e(n)]));
  }
  return out;
}

/** `revops insights` as GitHub markdown: suggestions first, each attribute's table folded. */
export function renderInsightsMarkdown(r: InsightsReport): string {
  const s = r.stamp;
  const out = [
    '## What converts at the constraint',
    '',
    `As of ${formatInstant(s.asOf)}, window ${r.window.start.slice(0, 10)} → ${r.window.end.slice(0, 10)}${r.isMasked ? ', identifiers masked' : ''}. Data: ${plural(r.data.files.length, 'file')}, ${formatCount(r.data.totals.rowsRead)} rows read, ${formatCount(r.data.totals.rowsRejected)} rejected.`,
    '',
  ];
  const partial = describePartialData(r.data);
  if (partial !== undefined) out.push(`> **${e(partial)}**`, '');
  if (r.unknown !== null) {
    out.push(describeUnknown(r, e), '');
  } else {
    out.push(describeConstraint(r, e), '', '### Suggested', '');
    r.suggestions.forEach((sg, i) => {
      const p = phraseSuggestion(sg, e);
      out.push(`${i + 1}. ${p.text}${p.command === null ? '' : ` Try: ${code(p.command)}`}`);
    });
    const none = describeNoSuggestion(r);
    if (none !== null) out.push(e(none));
    out.push('');
    for (const stage of r.stages) out.push(...renderStage(stage, r));
    out.push(
      e(
        `Lift = a group's rate ÷ the stage's rate. "above"/"below": the group's whole 95 % interval lies above/below the stage's rate. Groups with fewer than ${formatCount(r.minimumSample)} matured items are marked "small sample" and not ranked.`,
      ),
      '',
    );
  }
  for (const w of r.warnings) out.push(`- ${e(phraseWarning(w))}`);
  out.push(
    '',
    `<sub>revops-policy ${e(s.engineVersion)} · policies \`${s.policyHash.slice(0, 12)}\` · data \`${s.dataHash.slice(0, 12)}\`</sub>`,
    '',
  );
  return out.join('\n');
}
