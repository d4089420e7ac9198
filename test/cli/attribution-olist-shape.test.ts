import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttributionSection } from '../../src/core/report/index.js';
import { evaluateOlist } from '../helpers/olist.js';
import type { CliRun } from '../helpers/cli.js';

/**
 * End to end on the Olist-shaped export (test/fixtures/olist-shape, synthetic): the MQL's
 * `origin` is the lead source, a closed deal is won on its `won_date`. The oracle below reads
 * the two CSV files itself (no engine code) and counts the deals won in the window per origin.
 */
const dir = 'test/fixtures/olist-shape';

function readCsv(file: string): Record<string, string>[] {
  const [head = '', ...lines] = readFileSync(`${dir}/export/${file}`, 'utf8').trim().split('\n');
  const names = head.split(',');
  // The fixture has no quoted cells: a plain split is the whole grammar.
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i] ?? '', cell])));
}

/** Won deals per origin with a won date in [2018-01-01, as-of) — São Paulo local dates, all far from the bounds. */
function wonPerOrigin(): Map<string | null, number> {
  const origin = new Map(readCsv('olist_marketing_qualified_leads_dataset.csv').map((r) => [r.mql_id, r.origin]));
  const out = new Map<string | null, number>();
  for (const deal of readCsv('olist_closed_deals_dataset.csv')) {
    const day = (deal.won_date ?? '').slice(0, 10);
    if (day < '2018-01-01' || day >= '2018-03-01') continue;
    const o = origin.get(deal.mql_id ?? '');
    const key = o === undefined || o === '' ? null : o;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

describe('attribution on an Olist-shaped export (origin = lead source)', () => {
  let run: CliRun;
  let attribution: AttributionSection;

  beforeAll(async () => {
    run = await evaluateOlist(dir);
    attribution = (JSON.parse(run.stdout) as { attribution: AttributionSection }).attribution;
  });

  it('credits each won deal to its MQL’s origin, as the CSV files count them', () => {
    expect(run.code, run.stderr).toBe(0);
    const table = attribution.tables.find((t) => t.model === 'first-touch' && t.dimension === 'source');
    const engine = new Map(table?.rows.filter((r) => r.wonDeals > 0).map((r) => [r.key, r.wonDeals]));
    const oracle = wonPerOrigin();
    expect(oracle.size).toBeGreaterThan(1);
    expect(engine).toEqual(oracle);
  });

  it('says amounts are unknown rather than 0, and gives first-touch only (no campaign touches)', () => {
    // The deals file has no amount column mapped: every won row's amount is unknown.
    const table = attribution.tables.find((t) => t.model === 'first-touch' && t.dimension === 'source');
    expect(table?.rows.filter((r) => r.wonDeals > 0).every((r) => r.wonAmount === null)).toBe(true);
    expect(attribution.multiTouchUnknown).toBe('no-campaign-touches');
    expect(attribution.tables.every((t) => t.model === 'first-touch')).toBe(true);
  });

  it('splits sourced deals by the one rule: no origin listed as sales, so all are marketing-sourced', () => {
    const won = attribution.sourced.find((s) => s.basis === 'won');
    const total = [...wonPerOrigin().values()].reduce((x, y) => x + y, 0);
    const unattributed = wonPerOrigin().get(null) ?? 0;
    expect(won?.marketing.deals).toBe(total - unattributed);
    expect(won?.sales.deals).toBe(0);
    expect(won?.unattributed.deals).toBe(unattributed);
  });
});
