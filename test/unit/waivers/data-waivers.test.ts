import { describe, expect, it } from 'vitest';
import type { DataIssue, FileAccounting } from '../../../src/core/data/types.js';
import type { Policy, WaiverEntry } from '../../../src/core/policy/types.js';
import type { DataAccounting } from '../../../src/core/report/index.js';
import { listUnmatchedDataWaivers } from '../../../src/core/waivers/data-waivers.js';

const issue = (code: DataIssue['code'], file: string, columnName: string): DataIssue => ({
  code,
  severity: 'error',
  message: 'x',
  file,
  line: 2,
  column: 16,
  path: '',
  entity: 'leads',
  columnName,
});
const file = (name: string, issueCount: number): FileAccounting =>
  ({ file: name, entity: 'leads', issueCount }) as FileAccounting;
const data = (issues: DataIssue[], files: FileAccounting[]): DataAccounting =>
  ({ files, issues, totals: { rowsRead: 0, rowsEvaluated: 0, rowsRejected: 0, issueCount: 0 } }) as DataAccounting;
const waiver = (data: WaiverEntry['data'], expires = '2027-01-31'): Policy<'Waiver'> => ({
  kind: 'Waiver',
  file: 'waivers.yaml',
  metadata: { name: 'known', owner: 'revops', description: 'x' },
  spec: { waivers: [{ data, owner: 'data-team', reason: 'sync fix', expires } as WaiverEntry] },
});

const badCount = issue('data.bad-number', 'data/leads.csv', 'employee_count');
const leadsFile = file('data/leads.csv', 1);

// Each row: the waiver, the run's data issues and files, and whether the waiver is said to match nothing.
const cases: [string, Policy<'Waiver'>, DataAccounting, boolean][] = [
  [
    'matches the issue by code, file and column',
    waiver({ code: 'data.bad-number', file: 'leads.csv', column: 'employee_count' }),
    data([badCount], [leadsFile]),
    false,
  ],
  ['matches by code alone', waiver({ code: 'data.bad-number' }), data([badCount], [leadsFile]), false],
  [
    'the issue is fixed: no issue at all',
    waiver({ code: 'data.bad-number' }),
    data([], [file('data/leads.csv', 0)]),
    true,
  ],
  ['another code', waiver({ code: 'data.bad-date' }), data([badCount], [leadsFile]), true],
  [
    'another column',
    waiver({ code: 'data.bad-number', column: 'annual_revenue' }),
    data([badCount], [leadsFile]),
    true,
  ],
  ['another entity', waiver({ code: 'data.bad-number', entity: 'opportunities' }), data([badCount], [leadsFile]), true],
  [
    'expired: it waives nothing and is not said here (validate says it)',
    waiver({ code: 'data.bad-date' }, '2026-12-05'),
    data([badCount], [leadsFile]),
    false,
  ],
  [
    'a file kept fewer issues than it found: a match may be among those left out',
    waiver({ code: 'data.bad-date' }),
    data([badCount], [file('data/leads.csv', 501)]),
    false,
  ],
  [
    'issues left out of another entity file do not hide the miss',
    waiver({ code: 'data.bad-date', entity: 'leads' }),
    data([badCount], [leadsFile, { ...file('data/opps.csv', 900), entity: 'opportunities' }]),
    true,
  ],
];

describe('a data waiver that matches nothing', () => {
  it.each(cases)('%s', (_name, w, run, isUnmatched) => {
    const warnings = listUnmatchedDataWaivers(run, [w], '2026-12-06');
    expect(warnings).toEqual(
      isUnmatched
        ? [
            {
              code: 'waiver.unmatched',
              waiver: 'known',
              index: 0,
              dataCode: w.spec.waivers[0]!.data!.code,
              entity: w.spec.waivers[0]!.data!.entity ?? null,
              file: w.spec.waivers[0]!.data!.file ?? null,
              column: w.spec.waivers[0]!.data!.column ?? null,
            },
          ]
        : [],
    );
  });
});
