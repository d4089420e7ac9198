import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InsightsReport } from '../../src/core/insights/types.js';
import { runRevops } from '../helpers/cli.js';
import { expectValidInsightsReport } from '../helpers/insights-schema.js';
import { fixturesDir } from '../helpers/paths.js';

const maven = join(fixturesDir, 'maven');
const args = [
  'insights',
  '-q',
  '--policies',
  join(maven, 'policies'),
  '--data',
  join(maven, 'export'),
  '--mapping',
  'maven',
  '--as-of',
  '2017-12-31T00:00:00Z',
];

/**
 * The oracle: the opportunity → won conversion per product read straight from the CSV. Deals
 * engaged in 2017 (the goal period, the window) by as-of 2017-12-31; the lag is the nearest-rank
 * p90 of close − engage over those closed by as-of; matured = engaged at least the lag before
 * as-of; advanced = matured and won. Dates are days (UTC midnight), so day arithmetic is exact.
 */
function expectedByProduct() {
  const [, ...lines] = readFileSync(join(maven, 'export', 'sales_pipeline.csv'), 'utf8')
    .trim()
    .split(/\r?\n/);
  const day = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const asOf = day('2017-12-31');
  const deals = lines
    .map((l) => l.split(','))
    .filter((c) => (c[5] ?? '') !== '' && day(c[5] as string) >= day('2017-01-01') && day(c[5] as string) <= asOf)
    .map((c) => ({
      product: c[2] as string,
      engaged: day(c[5] as string),
      closed: (c[6] ?? '') === '' ? null : day(c[6] as string),
      won: c[4] === 'Won',
    }));
  const spans = deals
    .filter((d) => d.closed !== null && d.closed <= asOf && d.closed >= d.engaged)
    .map((d) => (d.closed as number) - d.engaged)
    .sort((a, b) => a - b);
  const lag = spans[Math.ceil(0.9 * spans.length) - 1] as number;
  const byProduct = new Map<string, { entered: number; matured: number; advanced: number }>();
  for (const d of deals) {
    const g = byProduct.get(d.product) ?? { entered: 0, matured: 0, advanced: 0 };
    byProduct.set(d.product, g);
    g.entered++;
    if (d.engaged > asOf - lag) continue;
    g.matured++;
    if (d.won && d.closed !== null && d.closed <= asOf && d.closed >= d.engaged) g.advanced++;
  }
  return { lag, left: spans.length, byProduct };
}

describe('revops insights on the Maven export (opportunity → won)', () => {
  let report: InsightsReport;

  beforeAll(async () => {
    const run = await runRevops([...args, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    report = JSON.parse(run.stdout) as InsightsReport;
  });

  it('meets its JSON Schema, at the declared constraint, with nothing to suggest without a lead definition', () => {
    expectValidInsightsReport(report);
    expect(report.constraint).toMatchObject({ stage: 'opportunity', source: 'declared' });
    expect(report.stages.map((s) => [s.stage, s.next])).toEqual([['opportunity', 'won']]);
    expect(report.suggestions).toEqual([]);
    expect(report.noSuggestion).toBe('no-lead-definition');
    // The 500 Prospecting rows without an engage date are rejected, and said so.
    expect(report.data.totals.rowsRejected).toBe(500);
  });

  it('agrees with a reading of the CSV: the lag, and conversion per product', () => {
    const expected = expectedByProduct();
    const stage = report.stages[0];
    expect(stage?.maturity).toEqual({ days: expected.lag, left: expected.left, quantile: 0.9 });
    const product = stage?.attributes.find((a) => a.attribute === 'product');
    const got = Object.fromEntries(
      (product?.groups ?? []).map((g) => [g.value, { entered: g.entered, matured: g.matured, advanced: g.advanced }]),
    );
    expect(got).toEqual(Object.fromEntries(expected.byProduct));
    const sum = (k: 'entered' | 'matured' | 'advanced') =>
      [...expected.byProduct.values()].reduce((s, g) => s + g[k], 0);
    expect(stage?.overall).toMatchObject({
      entered: sum('entered'),
      matured: sum('matured'),
      advanced: sum('advanced'),
    });
  });

  it('groups by agent (20 kept, the other 10 summed) and by manager, and masks both with --mask', async () => {
    const agents = report.stages[0]?.attributes.find((a) => a.attribute === 'owner_id');
    expect(agents).toMatchObject({ isPersonal: true, valueCount: 30, otherValueCount: 10 });
    expect(agents?.groups).toHaveLength(21);
    const masked = await runRevops([...args, '--mask', '--format', 'json']);
    expect(masked.code, masked.stderr).toBe(0);
    const m = JSON.parse(masked.stdout) as InsightsReport;
    expectValidInsightsReport(m);
    expect(m.isMasked).toBe(true);
    const values = m.stages[0]?.attributes.find((a) => a.attribute === 'owner_id')?.groups.map((g) => g.value);
    expect(values?.filter((v) => v !== null).every((v) => /^person-[0-9a-f]{10,}$/.test(v as string))).toBe(true);
    for (const g of agents?.groups ?? []) if (g.value !== null) expect(masked.stdout).not.toContain(g.value);
    // So are their managers (sales_teams.csv: 6 of them).
    const managers = report.stages[0]?.attributes.find((a) => a.attribute === 'owner_id.manager_id');
    expect(managers).toMatchObject({ isPersonal: true, valueCount: 6 });
    for (const g of managers?.groups ?? []) if (g.value !== null) expect(masked.stdout).not.toContain(g.value);
    const maskedManagers = m.stages[0]?.attributes.find((a) => a.attribute === 'owner_id.manager_id');
    expect(maskedManagers?.groups.every((x) => /^person-[0-9a-f]{10,}$/.test(x.value ?? ''))).toBe(true);
    // Products identify no one: kept.
    expect(masked.stdout).toContain('GTX Basic');
  });
});
