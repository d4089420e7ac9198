import type { ImpactReport } from '../core/report/impact.js';
import { formatRatio } from './figures.js';
import { escapeMarkdown, mermaidLabel } from './markdown-escape.js';

/** The declared utilisation ceiling at the constraint (head's, else base's), or null when the goal declares none. */
function declaredCeiling(r: ImpactReport): { stage: string; max: number } | null {
  const d = r.constraint.declared;
  const side = d?.head ?? d?.base ?? null;
  if (side === null || side.metric !== 'utilisation' || side.target.max === undefined) return null;
  return { stage: side.stage, max: side.target.max };
}

/** A y-axis top that shows the 1.0 line and every bar with room: at least 1.1, in steps of 0.1. */
function axisTop(values: readonly number[]): number {
  const highest = Math.max(1, ...values);
  return Math.ceil(highest * 10 + 1) / 10;
}

/**
 * The impact comment's utilisation chart (Mermaid `xychart-beta`): base as bars, head as the first
 * line, full capacity (1.0) and the declared target as flat lines, the y-axis from 0. Mermaid draws
 * no legend, so the title names each series; a sentence after the chart gives the same figures in
 * words (its text alternative). Only stages with a utilisation on both sides: a chart has no "—".
 */
export function renderUtilisationChart(r: ImpactReport): string[] {
  const charted = r.stages.filter(
    (s): s is typeof s & { utilisation: { base: number; head: number } } =>
      s.utilisation.base !== null && s.utilisation.head !== null,
  );
  if (charted.length === 0) return [];
  const ceiling = declaredCeiling(r);
  const base = charted.map((s) => s.utilisation.base);
  const head = charted.map((s) => s.utilisation.head);
  const target = ceiling === null ? '' : `, target ${formatRatio(ceiling.max)} at ${mermaidLabel(ceiling.stage)}`;
  const words = charted
    .map((s) => `${s.stage} ${formatRatio(s.utilisation.base)} → ${formatRatio(s.utilisation.head)}`)
    .join(', ');
  return [
    '```mermaid',
    'xychart-beta',
    `  title "Utilisation per stage: bars base, lines head, 1.0 full${target}"`,
    `  x-axis [${charted.map((s) => `"${mermaidLabel(s.stage)}"`).join(', ')}]`,
    `  y-axis "utilisation" 0 --> ${axisTop([...base, ...head])}`,
    `  bar [${base.join(', ')}]`,
    `  line [${head.join(', ')}]`,
    `  line [${charted.map(() => 1).join(', ')}]`,
    ...(ceiling === null ? [] : [`  line [${charted.map(() => ceiling.max).join(', ')}]`]),
    '```',
    '',
    escapeMarkdown(
      `Utilisation base → head (1.0 is full capacity${ceiling === null ? '' : `; the goal's target at ${ceiling.stage} is ≤ ${formatRatio(ceiling.max)}`}): ${words}.`,
    ),
    '',
  ];
}
