import { createColors } from 'picocolors';
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
import { describePartialData } from './partial-data.js';
import { phraseWarning } from './phrase-warning.js';
import { terminalOutput, terminalText as t } from './sanitize.js';
import { renderTextTable, wrapText } from './text-table.js';

const WIDTH = 100;

type Colors = ReturnType<typeof createColors>;

/** Wrapped text; `text` is already escaped for the terminal (wrapText escapes again, idempotently). */
function para(text: string, indent = '  '): string[] {
  return wrapText(text, WIDTH - indent.length, indent).map((l, i) => (i === 0 ? indent + l : l));
}

function renderStage(s: StageInsight, r: InsightsReport, c: Colors): string[] {
  const out = ['', c.bold(stageHeading(s, t)), ...para(describeStageOverall(s)).map((l) => c.dim(l))];
  for (const a of s.attributes) {
    out.push('', `  ${c.bold(t(attributeTitle(a, r)))}`);
    out.push(...renderTextTable(GROUP_HEADERS, groupRows(a), GROUP_ALIGN, '  '));
    const n = describeAttributeNotes(a, r);
    if (n !== null) out.push(...para(n).map((l) => c.dim(l)));
  }
  return out;
}

/** `revops insights` for a terminal: the suggestions first, then each stage's tables. */
export function renderInsightsTerminal(r: InsightsReport, options: { color: boolean }): string {
  const c = createColors(options.color);
  const s = r.stamp;
  const out = [
    c.bold(
      `revops insights · as of ${formatInstant(s.asOf)}${s.asOfSource === 'data' ? ' (the latest timestamp in the data)' : ''}`,
    ),
    c.dim(
      `window ${r.window.start.slice(0, 10)} → ${r.window.end.slice(0, 10)}${r.isMasked ? ', identifiers masked' : ''}`,
    ),
  ];
  const partial = describePartialData(r.data);
  if (partial !== undefined) out.push(...para(t(partial), '').map((l) => c.yellow(l)));
  const totals = r.data.totals;
  out.push(
    c.dim(
      `data: ${plural(r.data.files.length, 'file')}, ${formatCount(totals.rowsRead)} rows read, ${formatCount(totals.rowsEvaluated)} evaluated, ${formatCount(totals.rowsRejected)} rejected`,
    ),
    '',
  );
  if (r.unknown !== null) {
    out.push(...para(describeUnknown(r, t), ''));
  } else {
    out.push(...para(describeConstraint(r, t), ''));
    out.push('', c.bold('SUGGESTED'));
    r.suggestions.forEach((sg, i) => {
      const p = phraseSuggestion(sg, t);
      out.push(...para(`${i + 1}. ${p.text}`));
      if (p.command !== null) out.push(`     try: ${t(p.command)}`);
    });
    const none = describeNoSuggestion(r);
    if (none !== null) out.push(...para(none));
    for (const stage of r.stages) out.push(...renderStage(stage, r, c));
    out.push(
      '',
      ...para(
        `Lift = a group's rate ÷ the stage's rate. "above"/"below": the group's whole 95 % interval lies above/below the stage's rate. Groups with fewer than ${formatCount(r.minimumSample)} matured items are marked "small sample" and not ranked.`,
        '',
      ).map((l) => c.dim(l)),
    );
  }
  for (const w of r.warnings) out.push(...para(`warning: ${t(phraseWarning(w))}`, '').map((l) => c.yellow(l)));
  out.push(
    '',
    c.dim(`revops-policy ${s.engineVersion} · policies ${s.policyHash.slice(0, 12)} · data ${s.dataHash.slice(0, 12)}`),
  );
  return terminalOutput(`${out.join('\n')}\n`);
}
