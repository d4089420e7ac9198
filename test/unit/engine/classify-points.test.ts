import { describe, expect, it } from 'vitest';
import { compileLeadDefinition } from '../../../src/core/engine/classify.js';
import { classifyLeads, ERROR_CLASS } from '../../../src/core/engine/replay-classes.js';
import { RuleEvaluationError } from '../../../src/core/logic/compile.js';
import { leadDefinition, ms } from './helpers.js';

const asOf = ms('2026-01-26T00:00Z');

/** A lead definition whose fit points are computed from the lead's `page_views` by `points`. */
const computed = (points: unknown, more: { id: string; points: number }[] = []): ReturnType<typeof leadDefinition> =>
  leadDefinition({ scoring: { fit: { rules: [{ id: 'views', points: points as number }, ...more] } } });

const lead = (pageViews: number | null): Record<string, string | number | null> => ({
  id: `L-${String(pageViews)}`,
  created_at: ms('2026-01-06T00:00Z'),
  page_views: pageViews,
});

describe('scoring points that are not finite numbers', () => {
  it.each([
    ['a product past the largest double', { '*': [{ var: 'page_views' }, 1e308] }, 10, 'Infinity'],
    ['a division by zero', { '/': [{ var: 'page_views' }, 0] }, 3, 'Infinity'],
    ['zero divided by zero', { '/': [{ var: 'page_views' }, 0] }, 0, 'NaN'],
    ['a negative overflow', { '*': [{ var: 'page_views' }, -1e308] }, 10, '-Infinity'],
  ])('fail the lead with the rule and the value: %s', (_name, points, views, shown) => {
    const compiled = compileLeadDefinition(computed(points), { asOf });
    const attempt = (): unknown => compiled.classify(lead(views));
    expect(attempt).toThrow(RuleEvaluationError);
    expect(attempt).toThrow(
      `The points of \`views\` came out ${shown}, which is not a finite number (at spec.scoring.fit.rules[0].points)`,
    );
  });

  it('fail the lead when finite points add up past the largest double', () => {
    const compiled = compileLeadDefinition(
      computed({ '*': [{ var: 'page_views' }, 1e308] }, [{ id: 'more', points: 1e308 }]),
      { asOf },
    );
    expect(() => compiled.classify(lead(1))).toThrow('The points add up to Infinity, which is not a finite number');
  });

  it('still give no points for a missing value, and are counted as rule errors per lead, never a NaN score', () => {
    const plain = compileLeadDefinition(computed({ var: 'page_views' }), { asOf });
    expect(plain.classify({ id: 'L-absent', created_at: ms('2026-01-06T00:00Z') })).toMatchObject({ fit: 0, score: 0 });
    const definition = computed({ '/': [100, { var: 'page_views' }] });
    const classes = classifyLeads(definition, new Map([['mql', 1]]), [lead(4), lead(0), lead(50), lead(0)], {
      asOf,
      calendars: new Map(),
    });
    expect(classes.errorCount).toBe(2);
    expect(classes.errors.map((e) => e.leadId)).toEqual(['L-0', 'L-0']);
    expect([...classes.classOf].map((i) => classes.classIds[i])).toEqual([
      'nurture',
      ERROR_CLASS,
      'nurture',
      ERROR_CLASS,
    ]);
  });
});
