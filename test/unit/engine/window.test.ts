import { describe, expect, it } from 'vitest';
import { evaluatePipeline, EvaluationInputError, prepareData } from '../../../src/core/engine/evaluate.js';
import type { EvaluateOptions } from '../../../src/core/engine/evaluate.js';
import { MAX_WINDOW_YEARS, WindowSpanError } from '../../../src/core/engine/window.js';
import type { PipelineData } from '../../../src/core/data/types.js';
import type { PolicySet } from '../../../src/core/policy/types.js';
import type { Fields } from './helpers.js';
import { funnel, ms, pipeline, policySet, revenueGoal } from './helpers.js';

const stamp = { engineVersion: '0.0.0', policyHash: 'p', dataHash: 'd' };
const leads: Fields[] = [
  { id: 'A', created_at: '2026-01-05T09:00Z', mql_at: '2026-01-06T09:00Z' },
  { id: 'B', created_at: '2026-02-05T09:00Z' },
];

function run(set: PolicySet, data: PipelineData, options: Partial<EvaluateOptions> = {}) {
  return evaluatePipeline(set, prepareData(data), { calendars: new Map(), stamp, timeZone: 'UTC', ...options });
}

function spanErrorOf(fn: () => unknown): WindowSpanError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WindowSpanError) return error;
    throw error;
  }
  throw new Error('no WindowSpanError');
}

// Each of these used to list a weekly series over the whole span: year 9999 never finished.
describe('the window is at most MAX_WINDOW_YEARS long', () => {
  it('refuses a far-future row that moves the as-of, naming the entity it comes from', () => {
    const data = pipeline({ leads: [...leads, { id: 'FUTURE', created_at: '9999-06-01T00:00Z' }] });
    const error = spanErrorOf(() => run(policySet(funnel()), data));
    expect(error).toBeInstanceOf(EvaluationInputError);
    expect(error.end.at).toBe(ms('9999-06-01T00:00Z'));
    expect(error.message).toContain('9999-06-01T00:00:00.000Z (the latest date-time of leads)');
    expect(error.message).toContain('2026-01-05T00:00:00.000Z (the earliest created_at of leads (id "A"))');
    expect(error.message).toContain(`more than ${MAX_WINDOW_YEARS} years`);
  });

  it('refuses a far-past row that moves the default start, naming its id', () => {
    const data = pipeline({ leads: [...leads, { id: 'ANCIENT', created_at: '0001-01-01T00:00Z' }] });
    const error = spanErrorOf(() => run(policySet(funnel()), data));
    expect(error.start.source).toEqual({ kind: 'data', entity: 'leads', field: 'created_at', id: 'ANCIENT' });
    expect(error.message).toContain('0001-01-01T00:00:00.000Z (the earliest created_at of leads (id "ANCIENT"))');
  });

  it('refuses explicit --from and --as-of too far apart, naming the options', () => {
    const data = pipeline({ leads });
    const error = spanErrorOf(() =>
      run(policySet(funnel()), data, { from: ms('2000-01-01T00:00Z'), asOf: ms('2026-03-01T00:00Z') }),
    );
    expect(error.message).toMatch(/2000-01-01T00:00:00.000Z \(--from\) to 2026-03-01T00:00:00.000Z \(--as-of\)/);
    expect(error.message).toContain('pass --from and --as-of');
  });

  it("names the goal's period when the start comes from it", () => {
    const data = pipeline({ leads });
    const goal = revenueGoal({ period: { start: '1990-01-01', end: '1990-12-31' } });
    const error = spanErrorOf(() => run(policySet(funnel(), goal), data, { asOf: ms('2026-03-01T00:00Z') }));
    expect(error.message).toContain('(the period of RevenueGoal "test-goal")');
  });

  it('accepts a window of exactly the longest span, with its weekly series', () => {
    const data = pipeline({ leads });
    const report = run(policySet(funnel()), data, { from: ms('2016-03-01T00:00Z'), asOf: ms('2026-03-01T00:00Z') });
    expect(report.window.start).toBe('2016-03-01T00:00:00.000Z');
    expect(report.window.weeks).toBeGreaterThan(521);
    expect(() =>
      run(policySet(funnel()), data, { from: ms('2016-02-29T23:59Z'), asOf: ms('2026-03-01T00:00Z') }),
    ).toThrow(WindowSpanError);
  });
});
