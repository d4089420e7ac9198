import type { ImpactReport } from '../core/report/impact.js';
import type { ImpactSweepReport } from '../core/report/impact-sweep.js';
import type { Report } from '../core/report/index.js';
import type { LoadResult } from '../core/policy/load.js';
import type { PolicyTestReport } from '../core/testing/run-policy-tests.js';
import type { ExplanationOutput, ExplanationRenderOptions } from './explanation-formats.js';
import { renderExplanationJson, renderExplanationTerminal } from './explanation-formats.js';
import { renderImpactHtml } from './html/impact-html.js';
import { renderReportHtml } from './html/report-html.js';
import { renderImpactMarkdown } from './impact-markdown.js';
import { renderImpactSweepMarkdown, renderImpactSweepTerminal } from './impact-sweep.js';
import { renderInsightsMarkdown } from './insights-markdown.js';
import { renderInsightsTerminal } from './insights-terminal.js';
import type { InsightsReport } from '../core/insights/types.js';
import { renderImpactTerminal } from './impact-terminal.js';
import { renderPolicySummary } from './policy-summary.js';
import { renderPolicyTestTerminal } from './policy-test-terminal.js';
import type { PolicyTestTerminalOptions } from './policy-test-terminal.js';
import { renderReportJson } from './report-json.js';
import { renderReportMarkdown } from './report-markdown.js';
import { renderReportTerminal } from './report-terminal.js';
import { jsonText } from './sanitize.js';
import { renderValidationGithub } from './validation-github.js';
import { renderValidationJson } from './validation-json.js';
import { renderValidationTerminal } from './validation-terminal.js';

/** Options every renderer takes. */
export interface RenderOptions {
  color: boolean;
}

/** `validate`'s terminal output may end with an overview of the policies of `dir`. */
export interface ValidationRenderOptions extends RenderOptions {
  summary?: { dir: string };
}

/** Each output a command writes: what it renders, with which options, in which formats. */
interface Outputs {
  report: { input: Report; options: RenderOptions; format: 'terminal' | 'markdown' | 'json' | 'html' };
  impact: { input: ImpactReport; options: RenderOptions; format: 'terminal' | 'markdown' | 'json' | 'html' };
  'impact-sweep': { input: ImpactSweepReport; options: RenderOptions; format: 'terminal' | 'markdown' | 'json' };
  validation: { input: LoadResult; options: ValidationRenderOptions; format: 'terminal' | 'json' | 'github' };
  'policy-test': { input: PolicyTestReport; options: PolicyTestTerminalOptions; format: 'terminal' | 'json' };
  explanation: { input: ExplanationOutput; options: ExplanationRenderOptions; format: 'terminal' | 'json' };
  insights: { input: InsightsReport; options: RenderOptions; format: 'terminal' | 'markdown' | 'json' };
}

/** The kinds of output: one per command that writes a report. */
export type OutputKind = keyof Outputs;
/** The formats an output kind is rendered in. */
export type OutputFormat<K extends OutputKind> = Outputs[K]['format'];

type Renderers = {
  [K in OutputKind]: Record<
    Outputs[K]['format'],
    (input: Outputs[K]['input'], options: Outputs[K]['options']) => string
  >;
};

/** One line per format of each output: a new format or section is a reporter file plus a line here. */
const renderers: Renderers = {
  report: {
    terminal: renderReportTerminal,
    markdown: renderReportMarkdown,
    json: renderReportJson,
    html: (report) => renderReportHtml(report),
  },
  impact: {
    terminal: renderImpactTerminal,
    markdown: renderImpactMarkdown,
    json: (report) => jsonText(report),
    html: (report) => renderImpactHtml(report),
  },
  'impact-sweep': {
    terminal: renderImpactSweepTerminal,
    markdown: renderImpactSweepMarkdown,
    json: (report) => jsonText(report),
  },
  validation: {
    terminal: (result, options) =>
      renderValidationTerminal(result, options) +
      (options.summary === undefined ? '' : renderPolicySummary(result.set, { ...options, dir: options.summary.dir })),
    json: renderValidationJson,
    github: renderValidationGithub,
  },
  'policy-test': { terminal: renderPolicyTestTerminal, json: (report) => jsonText(report) },
  explanation: { terminal: renderExplanationTerminal, json: renderExplanationJson },
  insights: { terminal: renderInsightsTerminal, markdown: renderInsightsMarkdown, json: (report) => jsonText(report) },
};

/** The formats of an output kind, the first being the default (for `--format`). */
export function listOutputFormats<K extends OutputKind>(kind: K): readonly OutputFormat<K>[] {
  return Object.keys(renderers[kind]) as OutputFormat<K>[];
}

/** Renders an output in one of its formats. */
export function renderOutput<K extends OutputKind>(
  kind: K,
  format: OutputFormat<K>,
  input: Outputs[K]['input'],
  options: Outputs[K]['options'],
): string {
  const render = (renderers[kind] as Record<string, (i: Outputs[K]['input'], o: Outputs[K]['options']) => string>)[
    format
  ];
  if (render === undefined) throw new Error(`No ${String(format)} renderer for ${kind}.`);
  return render(input, options);
}
