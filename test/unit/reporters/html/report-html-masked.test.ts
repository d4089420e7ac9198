import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, loadData, loadPolicies } from '../../../../src/index.js';
import type { Report } from '../../../../src/index.js';
import { renderReportHtml } from '../../../../src/reporters/html/report-html.js';
import { examplePolicies, repoRoot } from '../../../helpers/paths.js';

describe('evaluate --format html, masked', () => {
  let example: Report;
  beforeAll(async () => {
    const policies = await loadPolicies(examplePolicies);
    example = evaluate(policies, await loadData(join(repoRoot, 'examples', 'data')));
  });

  it('shows a data issue’s raw value as — (masked), never a blank cell', () => {
    const r = structuredClone(example);
    r.isMasked = true;
    r.data.issues = [
      {
        code: 'data.bad-number',
        severity: 'error',
        message: 'not a number',
        file: 'data/leads.csv',
        path: '',
        line: 7,
        column: 3,
        entity: 'leads',
      },
    ];
    const html = renderReportHtml(r);
    const row = [...html.matchAll(/<tr>(.*?)<\/tr>/gs)]
      .map((m) =>
        (m[1] ?? '')
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .find((t) => t.includes('not a number'));
    expect(row).toMatch(/^data\/leads\.csv 7 3 — \(masked\) not a number/);
  });
});
