import { escapeHtml } from '../sanitize.js';
import type { HtmlFigure } from './figure.js';
import { renderFigure } from './figure.js';

/** One fact of a stage box: a label in our words and its figure (two for base → head). */
export interface FlowFact {
  label: string;
  figures: HtmlFigure[];
}

/** One stage of the funnel as a box of the flow. */
export interface FlowStage {
  /** The stage's name from the policy (untrusted: escaped and marked `data-label`). */
  name: string;
  facts: FlowFact[];
  /** Words that mark the stage (e.g. `constraint`); null for an unmarked stage. */
  mark: string | null;
}

/**
 * The funnel as a flow: an ordered list of stage boxes, left to right, wrapping on a narrow
 * screen; a marked stage gets a coloured border and its mark in words (never colour alone).
 * Several figures in one fact read as a change (`base → head`); the impact page can reuse this.
 */
export function renderStageFlow(stages: readonly FlowStage[], label: string): string {
  const items = stages.map((stage) => {
    const cls = stage.mark === null ? '' : ' class="constraint"';
    const mark = stage.mark === null ? '' : `<div class="mark">${escapeHtml(stage.mark)}</div>`;
    const facts = stage.facts
      .map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${f.figures.map((x) => renderFigure(x)).join(' → ')}</dd>`)
      .join('');
    return `<li${cls}><div class="stage-name" data-label>${escapeHtml(stage.name)}</div>${mark}<dl>${facts}</dl></li>`;
  });
  return `<ol class="flow" aria-label="${escapeHtml(label)}">${items.join('')}</ol>`;
}
