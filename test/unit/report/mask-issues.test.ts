import { describe, expect, it } from 'vitest';
import type { DataIssue } from '../../../src/core/data/types.js';
import { maskDataAccounting, maskDataIssues } from '../../../src/core/report/mask-issues.js';
import type { DataAccounting } from '../../../src/core/report/index.js';

function issue(fields: Partial<DataIssue> & Pick<DataIssue, 'code' | 'message'>): DataIssue {
  return { severity: 'error', file: 'leads.csv', path: '', line: 7, column: 3, entity: 'leads', ...fields };
}

describe('maskDataIssues', () => {
  it('rebuilds the message of a rejected cell from its code and field: no copy of the value, trimmed or cut, survives', () => {
    const value = `  ${'j'.repeat(150)}.doe@acme.com  `;
    const [masked] = maskDataIssues([
      issue({
        code: 'data.bad-datetime',
        field: 'created_at',
        columnName: 'Created Date',
        raw: `${value.slice(0, 120)}…`,
        message: `\`Created Date\` (created_at): \`${value.trim()}\` is not an ISO 8601 date-time.`,
        hint: 'Declare the format.',
      }),
    ]);
    expect(masked).toEqual(
      issue({
        code: 'data.bad-datetime',
        field: 'created_at',
        columnName: 'Created Date',
        message: '`Created Date` (created_at): the value is not a date-time of the expected format (value masked).',
        hint: 'Declare the format.',
      }),
    );
    expect(JSON.stringify(masked)).not.toMatch(/jjj|acme/);
  });

  it('masks what a JSON parser quotes from a broken record, and codes it does not know', () => {
    const masked = maskDataIssues([
      issue({
        code: 'data.bad-json',
        raw: '{"email": "jane@acme.com"',
        message: 'The line is not valid JSON: Unterminated string in JSON at position 25 ("jane@acme.com").',
      }),
      issue({
        code: 'data.duplicate-id' as DataIssue['code'],
        field: 'id',
        message: 'The id jane@acme.com appears twice.',
      }),
    ]);
    expect(masked.map((i) => i.message)).toEqual([
      'The record is not valid JSON (value masked).',
      '`id`: the row was rejected (data.duplicate-id) (value masked).',
    ]);
    expect(JSON.stringify(masked)).not.toContain('jane');
  });

  it('keeps messages that hold no row content, and drops header names (a header-less file has data there)', () => {
    const ragged = issue({ code: 'data.ragged-row', message: 'The row has 3 fields; the header has 4.' });
    const duplicate = issue({
      code: 'data.header-duplicate',
      columnName: 'jane@acme.com',
      message: 'Column `jane@acme.com` appears twice (columns 1 and 3).',
    });
    const [keptRagged, maskedDuplicate] = maskDataIssues([ragged, duplicate]);
    expect(keptRagged).toEqual(ragged);
    expect(maskedDuplicate).toEqual(
      issue({ code: 'data.header-duplicate', message: 'A column name appears twice (value masked).' }),
    );
  });

  it("drops the ignored column names of a failed file and the header names in a missing column's hint: without a header row they are its first row", () => {
    const file = {
      file: 'leads.csv',
      entity: 'leads',
      format: 'csv',
      rowsRead: 0,
      rowsEvaluated: 0,
      rowsRejected: 0,
      fields: [] as string[],
      issueCount: 1,
    } as const;
    const data: DataAccounting = {
      files: [
        { ...file, status: 'failed', ignoredColumns: ['L1', 'jane@acme.com'] },
        { ...file, file: 'users.csv', entity: 'users', status: 'read', ignoredColumns: ['Nickname'] },
      ],
      totals: { rowsRead: 0, rowsEvaluated: 0, rowsRejected: 0, issueCount: 1 },
      issues: [
        issue({
          code: 'data.missing-column',
          field: 'id',
          columnName: 'id',
          message: 'The required field `id` is read from column `id`, which the file does not have.',
          hint: 'The header has: L1, jane@acme.com.',
        }),
      ],
      absent: [],
      ignoredFiles: [],
    };
    const masked = maskDataAccounting(data);
    expect(masked.files.map((f) => f.ignoredColumns)).toEqual([[], ['Nickname']]);
    const { hint, ...withoutHint } = data.issues[0]!;
    expect(hint).toContain('jane@acme.com');
    expect(masked.issues).toEqual([withoutHint]);
    expect(data.files[0]!.ignoredColumns).toHaveLength(2);
  });
});
