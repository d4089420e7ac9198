import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DataIssue } from '../../../../src/core/data/types.js';
import type { ImpactReport } from '../../../../src/core/report/impact.js';
import { renderImpactHtml } from '../../../../src/reporters/html/impact-html.js';
import { repoRoot } from '../../../helpers/paths.js';

function loadReport(): ImpactReport {
  const file = join(repoRoot, 'test', 'fixtures', 'github', 'impact-two-approvals.json');
  return JSON.parse(readFileSync(file, 'utf8')) as ImpactReport;
}

/** A table row of the page as text, found by the start of its text. */
function rowStarting(html: string, start: string): string | undefined {
  return [...html.matchAll(/<tr>(.*?)<\/tr>/gs)]
    .map((m) =>
      (m[1] ?? '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .find((t) => t.startsWith(start));
}

const issue: DataIssue = {
  code: 'data.bad-number',
  severity: 'error',
  message: 'not a number',
  file: 'data/leads.csv',
  path: '',
  line: 7,
  column: 3,
  entity: 'leads',
};

describe('renderImpactHtml: guardrails and data issues', () => {
  it('says a guardrail on changed policy kinds is crossed because a CompPlan changed, or that none did', () => {
    const r = loadReport();
    const rule = {
      ...structuredClone(r.guardrails[0]!),
      id: 'comp-change',
      description: null,
      metric: null,
      threshold: null,
      value: null,
      changedKinds: ['CompPlan' as const],
    };
    r.guardrails = [
      { ...rule, isCrossed: false, crossings: [] },
      {
        ...rule,
        id: 'comp-change-crossed',
        isCrossed: true,
        crossings: [{ code: 'policies-changed', policies: [{ kind: 'CompPlan', name: 'ae-new-business' }] }],
      },
    ];
    const html = renderImpactHtml(r);
    expect(rowStarting(html, 'comp-change ')).toMatch(/^comp-change — no CompPlan changed not crossed/);
    expect(rowStarting(html, 'comp-change-crossed')).toMatch(/^comp-change-crossed — CompPlan changed crossed/);
    expect(html).not.toContain('cannot be measured on this change');
  });

  it('shows a data issue’s raw value as — (masked) when the report is masked, never a blank cell', () => {
    const r = loadReport();
    r.isMasked = true;
    r.data.issues = [issue];
    expect(rowStarting(renderImpactHtml(r), 'data/leads.csv:7:3')).toBe('data/leads.csv:7:3 — (masked) not a number');
  });
});
