import { beforeAll, describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import type { CliRun } from '../helpers/cli.js';

/**
 * test/fixtures/stage-without-won: a deal export mapped as a new user would — `stage`
 * mapped, `won` not — whose every line ends in a comma, with a 2^53+1 amount.
 */
const dir = 'test/fixtures/stage-without-won';
const args = ['evaluate', '--policies', `${dir}/policies`, '--data', `${dir}/export`, '--mapping', 'deals', '--quiet'];

interface Issue {
  code: string;
  severity: string;
  line: number;
  column: number;
  message: string;
  raw?: string;
  hint?: string;
}

interface Report {
  deals: { total: number; open: number; won: number; lost: number; wonAmount: string; averageWonAmount: string | null };
  data: { files: { rowsRead: number; rowsEvaluated: number; rowsRejected: number; status: string }[]; issues: Issue[] };
}

describe('revops evaluate on an export with a stage but no won, and a trailing comma on every line', () => {
  let json: CliRun;
  let terminal: CliRun;
  let report: Report;

  beforeAll(async () => {
    json = await runRevops([...args, '--format', 'json']);
    terminal = await runRevops(args);
    report = JSON.parse(json.stdout) as Report;
  });

  it('reads every row: the unnamed, empty last column is ignored with a warning', () => {
    expect(json.code, json.stderr).toBe(0);
    expect(report.data.files[0]).toMatchObject({ status: 'read', rowsRead: 6, rowsEvaluated: 6, rowsRejected: 0 });
    expect(report.data.issues.find((i) => i.code === 'data.header-empty')).toMatchObject({
      severity: 'warning',
      line: 1,
      column: 7,
    });
    expect(terminal.stdout).toContain(
      'deals.csv:1:7 Column 7 has no name; it is ignored while it is empty on every row',
    );
  });

  it('reads won and lost from the terminal stages the mapped stage names, and says so', () => {
    expect(report.deals).toMatchObject({ total: 6, open: 3, won: 2, lost: 1 });
    const note = report.data.issues.find((i) => i.code === 'data.missing-column');
    expect(note?.severity).toBe('warning');
    expect(note?.message).toBe(
      "Opportunities have no `won`: it is read from `stage` (column `status`): won at the Funnel's won stages (`won`), lost at its lost stages (`lost`), open at any other.",
    );
  });

  it('flags a stage value the Funnel does not have, with how many rows have it and where it first is', () => {
    const unknown = report.data.issues.filter((i) => i.code === 'data.unmapped-value');
    expect(unknown).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 5,
        raw: 'Negotiation',
        message:
          '`Negotiation` is not a stage of the Funnel `deals` (`opportunity`, `won`, `lost`): 2 rows have it, first on line 5; the rows are kept.',
      }),
    ]);
    expect(terminal.stdout).toContain('deals.csv:5 `Negotiation` is not a stage of the Funnel `deals`');
  });

  it('sums an amount beyond 2^53 exactly', () => {
    expect(report.deals.wonAmount).toBe('9007199254740994.00');
    expect(report.deals.averageWonAmount).toBe('4503599627370497.00');
    expect(terminal.stdout).toContain('2 won (9,007,199,254,740,994.00 USD)');
  });
});
