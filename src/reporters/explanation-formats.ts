import type { LeadExplanation } from '../core/engine/explain.js';
import { renderExplainTerminal } from './explain-terminal.js';
import { jsonText } from './sanitize.js';

/** What `revops explain` shows: the explanation, the moment it is as of, and whether identifiers are masked. */
export interface ExplanationOutput {
  explanation: LeadExplanation;
  /** ISO instant. */
  asOf: string;
  isMasked: boolean;
}

export interface ExplanationRenderOptions {
  color: boolean;
  /** `file:line` of a data path in the lead definition. */
  locate: (path: readonly (string | number)[]) => string;
}

/** The explanation for a terminal, under a line that says when it is as of. */
export function renderExplanationTerminal(output: ExplanationOutput, options: ExplanationRenderOptions): string {
  const head = `As of ${output.asOf}${output.isMasked ? ', identifiers masked' : ''}\n`;
  return head + renderExplainTerminal(output.explanation, options);
}

/** The explanation as JSON, with its as-of instant. */
export function renderExplanationJson(output: ExplanationOutput): string {
  return jsonText({ ...output.explanation, asOf: output.asOf });
}
