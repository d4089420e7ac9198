import { describe, expect, it } from 'vitest';
import { compileLeadDefinition } from '../../../src/core/engine/classify.js';
import { fieldsReadByDefinition, suggestScoringChanges } from '../../../src/core/insights/suggest.js';
import type { AttributeInsight, GroupInsight, StageInsight } from '../../../src/core/insights/types.js';
import { leadDefinition, ms } from '../engine/helpers.js';

/** A group with its figures; the signal is given, as groupConversion would have judged it. */
function g(
  value: string,
  matured: number,
  advanced: number,
  signal: GroupInsight['signal'],
  extra: Partial<GroupInsight> = {},
): GroupInsight {
  const rate = advanced / matured;
  return {
    value,
    isOther: false,
    range: null,
    entered: matured,
    matured,
    advanced,
    rate,
    low: rate,
    high: rate,
    lift: rate / 0.5,
    signal,
    rank: null,
    ...extra,
  };
}

function attribute(kind: AttributeInsight['kind'], attributeName: string, groups: GroupInsight[]): AttributeInsight {
  return { attribute: attributeName, kind, isPersonal: false, valueCount: groups.length, otherValueCount: 0, groups };
}

/** The MQL stage converting 50 of 100; the test definition: target-size (fit, 30), trial (engagement, 40), mql from 60. */
function stage(attributes: AttributeInsight[]): StageInsight {
  return {
    stage: 'mql',
    name: 'MQL',
    role: 'constraint',
    next: 'sal',
    nextName: 'SAL',
    entity: 'lead',
    maturity: { days: 10, left: 100, quantile: 0.9 },
    overall: { entered: 100, matured: 100, advanced: 50, rate: 0.5, low: 0.4, high: 0.6 },
    attributes,
  };
}

const band = (from: number, matured: number, advanced: number, signal: GroupInsight['signal']) =>
  g(String(from), matured, advanced, signal, { range: { from, to: from + 10 } });

describe('suggested scoring changes', () => {
  const definition = leadDefinition({
    scoring: {
      fit: { rules: [{ id: 'target-size', points: 30, when: { '>=': [{ var: 'employee_count' }, 200] } }] },
      engagement: { rules: [{ id: 'views', points: { min: [{ var: 'page_views' }, 10] } }] },
    },
  });
  const moved: [string, number][] = [];
  const countMoved = (classId: string, minScore: number) => {
    moved.push([classId, minScore]);
    return 7;
  };

  it('lowers the threshold by a band when the stage has room and the lowest band converts at least at its rate', () => {
    moved.length = 0;
    const out = suggestScoringChanges({
      stage: stage([attribute('score-band', 'score-band', [band(60, 40, 22, 'within'), band(70, 40, 18, 'within')])]),
      definition,
      utilisation: 0.8,
      bandWidth: 10,
      countMoved,
    });
    expect(out).toEqual([
      expect.objectContaining({
        code: 'lower-threshold',
        class: 'mql',
        from: 60,
        to: 50,
        leadsMoved: 7,
        sweep: { path: 'spec.classes[id=mql].minScore', from: 50, to: 60, step: 5 },
      }),
    ]);
    expect(moved).toEqual([['mql', 50]]);
  });

  it('does not lower it when the stage is full, nor when the lowest band is a small sample', () => {
    const bands = [band(60, 40, 22, 'within')];
    const full = {
      stage: stage([attribute('score-band', 'score-band', bands)]),
      definition,
      bandWidth: 10,
      countMoved,
    };
    expect(suggestScoringChanges({ ...full, utilisation: 1.2 })).toEqual([]);
    expect(suggestScoringChanges({ ...full, utilisation: null })).toEqual([]);
    const small = [band(60, 4, 3, 'small')];
    expect(
      suggestScoringChanges({
        ...full,
        stage: stage([attribute('score-band', 'score-band', small)]),
        utilisation: 0.5,
      }),
    ).toEqual([]);
  });

  it('lowers the points of the rule converting lowest below the stage; computed points get no sweep', () => {
    const out = suggestScoringChanges({
      stage: stage([
        attribute('scoring-rule', 'scoring-rule', [
          g('target-size', 50, 20, 'below'),
          g('views', 60, 12, 'below'),
          g('ghost', 60, 1, 'small'),
        ]),
      ]),
      definition,
      utilisation: 0.9,
      bandWidth: 10,
      countMoved,
    });
    expect(out).toEqual([
      expect.objectContaining({
        code: 'lower-points',
        rule: 'views',
        category: 'engagement',
        points: null,
        to: null,
        sweep: null,
      }),
    ]);
  });

  it('never suggests a rule for a field the definition already reads, nor for people', () => {
    expect([...fieldsReadByDefinition(definition)].sort()).toEqual(['employee_count', 'is_competitor', 'page_views']);
    const out = suggestScoringChanges({
      stage: stage([
        attribute('field', 'is_competitor', [g('false', 80, 60, 'above')]),
        { ...attribute('field', 'owner_id', [g('U1', 80, 70, 'above')]), isPersonal: true },
        attribute('field', 'segment', [g('ent', 40, 30, 'above'), g('smb', 60, 20, 'below')]),
      ]),
      definition,
      utilisation: 0.9,
      bandWidth: 10,
      countMoved,
    });
    expect(out).toEqual([expect.objectContaining({ code: 'add-rule', attribute: 'segment', value: 'ent' })]);
  });
});

describe('collectFired', () => {
  it('lists the scoring rules that gave points (not 0), only when asked', () => {
    const definition = leadDefinition({
      scoring: {
        fit: { rules: [{ id: 'target-size', points: 30, when: { '>=': [{ var: 'employee_count' }, 200] } }] },
        engagement: { rules: [{ id: 'views', points: { min: [{ var: 'page_views' }, 10] } }] },
      },
    });
    const asOf = ms('2026-02-01T00:00Z');
    const lead = { id: 'L1', created_at: ms('2026-01-06T00:00Z'), employee_count: 500, page_views: 0 };
    const collecting = compileLeadDefinition(definition, { asOf, decay: false, collectFired: true });
    expect(collecting.classify(lead).fired).toEqual(['target-size']);
    expect(collecting.classify({ ...lead, page_views: 3 }).fired).toEqual(['target-size', 'views']);
    expect(compileLeadDefinition(definition, { asOf }).classify(lead).fired).toBeUndefined();
  });
});
