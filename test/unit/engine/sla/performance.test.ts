import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Row } from '../../../../src/core/data/types.js';
import { measureSla } from '../../../../src/core/engine/sla/measure.js';
import type { SlaItems } from '../../../../src/core/engine/sla/outcomes.js';
import { createBusinessCalendar } from '../../../../src/core/logic/business-time.js';
import type { CalendarSpec, Policy } from '../../../../src/core/policy/types.js';
import { useFastPath } from '../../../helpers/fast-path.js';
import { examplePolicies } from '../../../helpers/paths.js';

const readPolicy = <T>(file: string): T => parse(readFileSync(join(examplePolicies, file), 'utf8')) as T;
const HOUR = 3_600_000;

/** A million leads over half a year: a fifth enterprise, a tenth hand-raisers, a quarter still untouched. */
function millionLeads(start: number, span: number): SlaItems {
  const n = 1_000_000;
  const segments = ['smb', 'mid_market', 'enterprise', 'smb', 'mid_market'];
  const rows: Row[] = new Array<Row>(n);
  const from = new Float64Array(n);
  const to = new Float64Array(n);
  const owners = Array.from({ length: 40 }, (_, k) => `u${k}`);
  let seed = 20260308;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  for (let i = 0; i < n; i++) {
    rows[i] = Object.assign(Object.create(null) as Record<string, unknown>, {
      id: `L${i}`,
      segment: segments[i % 5],
      demo_requested: i % 10 === 0,
      contact_sales: false,
    }) as Row;
    from[i] = start + Math.floor(random() * span);
    to[i] = random() < 0.75 ? (from[i] as number) + Math.floor(random() * 96 * HOUR) : NaN;
  }
  return { entity: 'lead', rows, from, to, ownerOf: (i) => (i % 41 === 40 ? null : (owners[i % 41] ?? null)) };
}

describe('measureSla at scale', () => {
  // A bound on the speed of the fast path (the general paths are held to its results, not its speed).
  useFastPath(true);
  it('measures a million leads in under five seconds (about half a second on an idle machine)', () => {
    const policy = {
      ...readPolicy<Omit<Policy<'HandoffSla'>, 'file'>>('sla-speed-to-lead.yaml'),
      file: 'sla-speed-to-lead.yaml',
    };
    const calendar = createBusinessCalendar(
      readPolicy<{ spec: CalendarSpec }>('calendar-us.yaml').spec,
      'us-business-hours',
    );
    const start = Date.parse('2026-01-01T00:00:00-05:00');
    const asOf = Date.parse('2026-07-01T00:00:00-04:00');
    const items = millionLeads(start, asOf - start);
    const ctx = {
      asOf,
      window: { start, end: asOf },
      timeZone: 'America/New_York',
      calendars: new Map([['us-business-hours', calendar]]),
      users: new Map(),
    };
    const began = performance.now();
    const result = measureSla(policy, items, ctx);
    const took = performance.now() - began;
    expect(result.eligible).toBe(1_000_000);
    expect(result.met + result.breached + result.pending + result.untargeted + result.invalidOrder).toBe(1_000_000);
    expect(result.byOwner).toHaveLength(41);
    // Generous for a busy CI machine.
    expect(took).toBeLessThan(5_000);
  });
});
