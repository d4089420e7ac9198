import { describe, expect, it } from 'vitest';
import { Pseudonyms } from '../../../src/core/report/mask-pseudonyms.js';
import type { PseudonymDigest } from '../../../src/core/report/mask-pseudonyms.js';
import { maskWarnings } from '../../../src/core/report/mask-warnings.js';
import type { EngineWarning } from '../../../src/core/report/warnings.js';
import { phraseWarning } from '../../../src/reporters/phrase-warning.js';

const digest: PseudonymDigest = (_kind, id) => id.length.toString(16).padStart(64, 'd');
const deals = new Pseudonyms('deal', digest);

describe('maskWarnings', () => {
  it('replaces the opportunity ids and row messages the engine quotes, and keeps other warnings', () => {
    const warnings: EngineWarning[] = [
      { code: 'comp.clawback-unpriced', plan: 'ae-plan', opportunityId: 'OPP-jane@acme.com' },
      {
        code: 'comp.spiff-rule-failed',
        plan: 'ae-plan',
        spiff: 'big-deal',
        opportunityId: 'O-77',
        error: 'cannot compare "Jane Doe" with 3',
      },
      { code: 'classify.rule-failed', count: 2, firstError: '`>=` got "jane@acme.com"', countedAs: 'error' },
      { code: 'deals.currencies-mixed', currencies: ['EUR', 'USD'] },
    ];
    const masked = maskWarnings(warnings, deals);
    expect(JSON.stringify(masked)).not.toMatch(/jane|Jane|O-77/);
    expect(masked.map(phraseWarning)).toEqual([
      `ae-plan: opportunity ${deals.of('OPP-jane@acme.com')} was cancelled within the clawback window but closed before the evaluated window; its commission is unknown and is not clawed back.`,
      `ae-plan: SPIF big-deal: the rule failed on opportunity ${deals.of('O-77')} (message masked); it does not match.`,
      '2 leads could not be classed: a rule failed on their values (first: message masked); they are counted as error.',
      'Opportunities are in EUR, USD; deal amounts are summed as given.',
    ]);
  });
});
