import { describe, expect, it } from 'vitest';
import { figureAttributes, renderFigure } from '../../../src/reporters/html/figure.js';
import type { HtmlFigure } from '../../../src/reporters/html/figure.js';
import {
  checkFigures,
  checkHtmlFigures,
  collectFigures,
  expectHtmlFigures,
  findFiguresAsLabels,
  findStrayDigits,
} from '../../helpers/html-figures.js';
import type { FigureProblem } from '../../helpers/html-figures.js';

/** A small JSON report: the paths below point into it. */
const REPORT = {
  constraint: {
    stage: 'mql',
    stages: [
      { stage: 'mql', utilisation: 0.8688, medianHours: 150, capacityPerWeek: null },
      { stage: 'sal', utilisation: 0.5412, medianHours: 6, capacityPerWeek: 40 },
    ],
  },
  goal: { won: '174890.00', share: 0.0972, change: '-1350.00', arrivals: 12345 },
  funnel: { timeInStageHours: { median: 81.6 }, sla: { modelledChangePts: -3.2 }, shareDelta: 0.012 },
  comp: { total: [{ deltaPct: -3.46 }] },
};

const page = (body: string): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Report</title></head><body>\n${body}\n</body></html>`;

const fig = (path: string | null, value: number | string | null, text: string, reason?: string): string =>
  renderFigure({ path, value, text, ...(reason === undefined ? {} : { reason }) });

/** A page that follows the convention: figures of every kind, labels, ticks, the 1.0 constant. */
const GOOD = page(`
<section id="constraint"><h2>Constraint</h2>
<p>Utilisation ${fig('constraint.stages[0].utilisation', 0.8688, '0.87')}, median time in stage ${fig('constraint.stages[0].medianHours', 150, '6.3 d')}
(next ${fig('constraint.stages[1].medianHours', 6, '6.0 h')}); capacity ${fig('constraint.stages[0].capacityPerWeek', null, '—', 'no capacity declared or observed')}.</p>
<p>Won ${fig('goal.won', '174890.00', '174,890.00 USD')}, ${fig('goal.share', 0.0972, '9.7 %')} of the goal; change ${fig('goal.change', '-1350.00', '−1,350.00 USD')}; ${fig('goal.arrivals', 12345, '12,345')} arrivals; the constraint is ${fig('constraint.stage', 'mql', 'mql')}.</p>
<p>Median ${fig('funnel.timeInStageHours.median', 81.6, '3.4 d')}; compliance ${fig('funnel.sla.modelledChangePts', -3.2, '−3.2 pts')}, share ${fig('funnel.shareDelta', 0.012, '+1.2 pp')}.</p>
<table><tr><th scope="row" data-label>2026-W03</th><td>${fig('constraint.stages[1].utilisation', 0.5412, '0.54')}</td></tr></table>
<p>Pay ${fig('comp.total[0].deltaPct', -3.46, '−3.5 %')}.</p>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" role="img">
<text x="1" y="1"${figureAttributes({ path: 'constraint.stages[0].capacityPerWeek', value: null, text: '—' })}>— (no capacity (declared or observed))</text><text x="0" y="10" data-tick>0.5</text><text x="2" y="20" data-tick>1.0</text>
<line x1="0" y1="3" x2="100" y2="3"></line><text x="5" y="5"${figureAttributes({ path: null, value: 1, text: '1.00' })}>1.00</text>
<text x="5" y="30"${figureAttributes({ path: 'constraint.stages[0].utilisation', value: 0.8688, text: '0.87' })}>0.87</text></svg>
</section>`);

function kinds(problems: FigureProblem[]): string[] {
  return problems.map((p) => p.kind);
}

describe('the figure checker on a page that follows the convention', () => {
  it('finds every figure, HTML and SVG, and no problem', () => {
    expect(checkHtmlFigures(GOOD, REPORT)).toEqual([]);
    const figures = expectHtmlFigures(GOOD, REPORT);
    expect(figures.map((f) => f.path)).toEqual([
      'constraint.stages[0].utilisation',
      'constraint.stages[0].medianHours',
      'constraint.stages[1].medianHours',
      'constraint.stages[0].capacityPerWeek',
      'goal.won',
      'goal.share',
      'goal.change',
      'goal.arrivals',
      'constraint.stage',
      'funnel.timeInStageHours.median',
      'funnel.sla.modelledChangePts',
      'funnel.shareDelta',
      'constraint.stages[1].utilisation',
      'comp.total[0].deltaPct',
      'constraint.stages[0].capacityPerWeek',
      null,
      'constraint.stages[0].utilisation',
    ]);
    expect(collectFigures(GOOD).find((f) => f.path === 'constraint.stages[0].capacityPerWeek')?.text).toBe('—');
  });
});

describe('the figure checker catches', () => {
  it('a wrong figure: a data-value that is not the JSON value (the element, path, value and text named)', () => {
    const html = page(`<p>${fig('constraint.stages[0].utilisation', 0.87, '0.87')}</p>`);
    const problems = checkFigures(html, REPORT);
    expect(kinds(problems)).toEqual(['value-mismatch']);
    expect(problems[0]!.message).toBe(
      'figure <data value="0.87" data-path="constraint.stages[0].utilisation" data-value="0.87"> at line 2, column 4: ' +
        'at path "constraint.stages[0].utilisation": data-value is not the JSON value 0.8688; data-value "0.87", displayed "0.87"',
    );
    expect(() => expectHtmlFigures(html, REPORT)).toThrow(
      /1 figure problem\(s\) on the page:\n- \[value-mismatch\] figure <data/,
    );
  });

  it('a figure whose text disagrees with its value, with the expected rounding', () => {
    const html = page(`<section id="load"><p>${fig('constraint.stages[0].utilisation', 0.8688, '0.86')}</p></section>`);
    const problems = checkFigures(html, REPORT);
    expect(kinds(problems)).toEqual(['text-mismatch']);
    expect(problems[0]!.message).toContain('in <section id="load">');
    expect(problems[0]!.message).toContain(
      'the displayed number 0.86 is not the JSON value 0.8688 rounded to 2 decimals (0.87); data-value "0.8688", displayed "0.86"',
    );
  });

  it('a wrong formatter: a percentage not × 100, a lost sign, an ASCII minus, hours not ÷ 24, two numbers in one figure', () => {
    const cases: [HtmlFigure, string][] = [
      [{ path: 'goal.share', value: 0.0972, text: '0.1 %' }, '× 100 (a percentage) rounded to 1 decimals (9.7)'],
      [
        { path: 'goal.change', value: '-1350.00', text: '1,350.00 USD' },
        'JSON value -1350 rounded to 2 decimals (-1350.00)',
      ],
      [{ path: 'goal.change', value: '-1350.00', text: '-1,350.00 USD' }, 'its minus sign is an ASCII "-"'],
      [{ path: 'constraint.stages[0].medianHours', value: 150, text: '150.0 d' }, '÷ 24 (hours shown in days)'],
      [{ path: 'funnel.timeInStageHours.median', value: 81.6, text: '81.6 d' }, '÷ 24 (hours shown in days)'],
      [
        { path: 'funnel.shareDelta', value: 0.012, text: '+0.0 pts' },
        '× 100 (a percentage) rounded to 1 decimals (1.2)',
      ],
      [
        { path: 'funnel.sla.modelledChangePts', value: -3.2, text: '−320.0 pts' },
        'JSON value -3.2 rounded to 1 decimals (-3.2)',
      ],
      [{ path: 'goal.arrivals', value: 12345, text: '12,345 of 20,000' }, 'it holds 2 numbers'],
      [
        { path: 'comp.total[0].deltaPct', value: -3.46, text: '−346.0 %' },
        'JSON value -3.46 rounded to 1 decimals (-3.5)',
      ],
      [{ path: 'goal.arrivals', value: 12345, text: 'many' }, 'it holds no number'],
      [{ path: 'constraint.stage', value: 'mql', text: 'sal' }, 'the displayed text is not the JSON string "mql"'],
    ];
    for (const [figure, expected] of cases) {
      const problems = checkFigures(page(renderFigure(figure)), REPORT);
      expect(kinds(problems), figure.text).toEqual(['text-mismatch']);
      expect(problems[0]!.message).toContain(expected);
    }
  });

  it('an unknown value shown as 0, and a known value shown as —', () => {
    const zero = checkFigures(page(fig('constraint.stages[0].capacityPerWeek', 0, '0')), REPORT);
    expect(kinds(zero)).toEqual(['value-mismatch', 'text-mismatch']);
    expect(zero[1]!.message).toContain('the JSON value is null, so the page must show "—" (and its reason), not "0"');
    const svg = `<svg><text${figureAttributes({ path: 'constraint.stages[0].capacityPerWeek', value: null, text: '' })}>0 (no capacity)</text></svg>`;
    expect(kinds(checkFigures(page(svg), REPORT))).toEqual(['text-mismatch']);
    const dash = checkFigures(page(fig('constraint.stages[1].capacityPerWeek', null, '—', 'not known')), REPORT);
    expect(kinds(dash)).toEqual(['value-mismatch', 'text-mismatch']);
    expect(dash[0]!.message).toContain('data-value is not the JSON value 40; data-value "", displayed "—"');
  });

  it('a path that does not exist in the JSON report, saying where it leaves the report', () => {
    const key = checkFigures(page(fig('constraint.stagez[0].utilisation', 0.8688, '0.87')), REPORT);
    expect(kinds(key)).toEqual(['unknown-path']);
    expect(key[0]!.message).toContain(
      'path "constraint.stagez[0].utilisation" does not exist in the JSON report: no key "stagez" in constraint (its keys: stage, stages); data-value "0.8688", displayed "0.87"',
    );
    const index = checkFigures(page(fig('constraint.stages[5].utilisation', 0.8688, '0.87')), REPORT);
    expect(index[0]!.message).toContain('constraint.stages has 2 items, no [5]');
    const malformed = checkFigures(page(fig('constraint..stage', 'mql', 'mql')), REPORT);
    expect(malformed[0]!.message).toContain('malformed path "constraint..stage" at character 11');
    const object = checkFigures(page(fig('constraint', 'mql', 'mql')), REPORT);
    expect(kinds(object)).toEqual(['not-a-figure-value']);
  });

  it('a digit outside any figure, label or tick: in HTML text, SVG text and a text attribute', () => {
    const html = page(
      `<p class="headline">utilisation 0.87</p>\n<svg><text x="1" y="2">peak 1.12</text></svg>\n<div role="img" aria-label="2 stages over capacity"></div>`,
    );
    const problems = findStrayDigits(html);
    expect(kinds(problems)).toEqual(['stray-digit', 'stray-digit', 'stray-digit']);
    expect(problems[0]!.message).toBe(
      'text "utilisation 0.87" at line 2, column 21 inside <p class="headline"> at line 2, column 1 has a digit outside any of [data-path], [data-value], [data-label], [data-tick]',
    );
    expect(problems[1]!.message).toContain('text "peak 1.12" at line 3, column 24 inside <text x="1" y="2">');
    expect(problems[2]!.message).toContain('attribute aria-label="2 stages over capacity" of <div role="img"');
  });

  it('a figure passed off as a label (a name, period or date is fine; a year too)', () => {
    const labels = ['2026-W03', '2026-01-31', 'fy2026', '2026', 'Q1 2026', 'stage 2'];
    const figures = ['0.87', '1,234', '9.7 %', '−3', '+149'];
    const html = page([...labels, ...figures].map((t) => `<span data-label>${t}</span>`).join(''));
    const problems = findFiguresAsLabels(html);
    expect(kinds(problems)).toEqual(figures.map(() => 'figure-as-label'));
    expect(problems[0]!.message).toBe(
      'label <span data-label=""> at line 2, column 187 displays "0.87", a figure: give it its JSON path (data-path, data-value)',
    );
  });

  it('a figure without a path that is not an allowed constant, and a figure inside another', () => {
    const constant = checkFigures(page(fig(null, 0.85, '0.85')), REPORT);
    expect(kinds(constant)).toEqual(['unexpected-constant']);
    expect(constant[0]!.message).toContain('data-value "0.85" is not an allowed constant (1)');
    expect(checkFigures(page(fig(null, 0.85, '0.85')), REPORT, { constants: [1, 0.85] })).toEqual([]);
    const nested = `<span data-path="goal.arrivals" data-value="12345">${fig('goal.arrivals', 12345, '12,345')}</span>`;
    expect(kinds(checkFigures(page(nested), REPORT))).toContain('nested-figure');
  });

  it('a figure in SVG whose text is wrong', () => {
    const svg = `<svg><text${figureAttributes({ path: 'goal.share', value: 0.0972, text: '' })}>9.8 %</text></svg>`;
    const problems = checkFigures(page(svg), REPORT);
    expect(kinds(problems)).toEqual(['text-mismatch']);
    expect(problems[0]!.message).toMatch(/^figure <text data-path="goal.share" data-value="0.0972"> at line 2/);
  });
});
