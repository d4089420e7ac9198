import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataAccounting } from '../../src/core/report/index.js';
import { runRevops } from '../helpers/cli.js';
import type { CliRun } from '../helpers/cli.js';
import { olistEvaluateArgs } from '../helpers/olist.js';

/**
 * End to end on the Olist-shaped export read with joins (test/fixtures/olist-joins): the deals
 * file has no lead date and no source, so each deal looks both up in its MQL, and the users are
 * the distinct sales reps of the deals file. No file is reshaped.
 */

interface Deals {
  total: number;
  cycleDays: { won: { count: number; median: number; p90: number } };
  byOwner: { ownerId: string; won: number }[];
}

const fixture = 'test/fixtures/olist-joins';
const args = olistEvaluateArgs;

describe('revops evaluate on the Olist-shaped export with lookups and derived users', () => {
  let run: CliRun;
  let report: { data: DataAccounting; deals: Deals };

  beforeAll(async () => {
    run = await runRevops(args(fixture));
    report = JSON.parse(run.stdout) as typeof report;
    // A whole CLI run: slower than a hook's default 10 s on a loaded machine.
  }, 60_000);

  it('runs clean: every row of both files is evaluated, for deals and for the users read from them', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(
      report.data.files.map((f) => [f.file.split('/').pop(), f.entity, f.rowsRead, f.rowsEvaluated, f.rowsRejected]),
    ).toEqual([
      ['olist_marketing_qualified_leads_dataset.csv', 'leads', 10, 10, 0],
      ['olist_closed_deals_dataset.csv', 'users', 4, 4, 0],
      ['olist_closed_deals_dataset.csv', 'opportunities', 4, 4, 0],
    ]);
    expect(report.data.issues).toEqual([]);
    // Four deal rows, two sales reps: the users the evaluation has.
    expect(report.data.files.find((f) => f.entity === 'users')?.distinctRows).toBe(2);
    expect(report.data.files.find((f) => f.entity === 'opportunities')).not.toHaveProperty('distinctRows');
  });

  it("times each deal from its MQL's first contact, looked up in the leads file, to its won date", () => {
    // The deal's created_at is its MQL's first contact (a day, 00:00 UTC); won dates are São Paulo
    // times. In days: m01 01-02 → 01-20 12:00Z = 18.5; m10 12-20 → 01-10 14:00Z = 21.583;
    // m04 01-09 → 02-05 17:30Z = 27.729; m06 01-20 → 02-25 12:00Z = 36.5.
    // Median (21.583 + 27.729) ÷ 2 = 24.66; p90 is rank ⌈3.6⌉ = 4: 36.5.
    expect(report.deals.cycleDays.won).toMatchObject({ count: 4, median: 24.66, p90: 36.5 });
  });

  it('credits the deals to the two sales reps the users were derived from', () => {
    expect(report.deals.byOwner.map((o) => [o.ownerId, o.won])).toEqual([
      ['sr1', 2],
      ['sr2', 2],
    ]);
  });
});

describe('revops evaluate when a deal names an MQL the leads file lacks', () => {
  let dir: string;
  let run: CliRun;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'olist-joins-'));
    cpSync(fixture, dir, { recursive: true });
    appendFileSync(
      join(dir, 'export', 'olist_closed_deals_dataset.csv'),
      'm99,s09,sdr1,sr1,2018-02-10 10:00:00,pet,online_medium,cat,,,,reseller,,0.0\n',
    );
    run = await runRevops(args(dir));
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('rejects that deal, counted and located at its key, and keeps the others', () => {
    const report = JSON.parse(run.stdout) as { data: DataAccounting };
    const deals = report.data.files.find((f) => f.entity === 'opportunities');
    expect(deals).toMatchObject({ rowsRead: 5, rowsEvaluated: 4, rowsRejected: 1 });
    expect(report.data.totals).toMatchObject({ rowsRead: 20, rowsEvaluated: 19, rowsRejected: 1 });
    expect(report.data.issues.map((i) => [i.code, i.line, i.column, i.columnName, i.field, i.raw])).toEqual([
      ['data.lookup-no-match', 6, 1, 'mql_id', 'source', 'm99'],
    ]);
  });
});
