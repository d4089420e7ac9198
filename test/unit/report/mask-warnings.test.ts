import { describe, expect, it } from 'vitest';
import { Pseudonyms } from '../../../src/core/report/mask-pseudonyms.js';
import type { PseudonymDigest } from '../../../src/core/report/mask-pseudonyms.js';
import { maskWarnings } from '../../../src/core/report/mask-warnings.js';

const digest: PseudonymDigest = (_kind, id) => id.length.toString(16).padStart(64, 'd');
const deals = new Pseudonyms('deal', digest);

describe('maskWarnings', () => {
  it('replaces the opportunity ids and row messages the engine quotes, and keeps other warnings', () => {
    const warnings = [
      'ae-plan: opportunity OPP-jane@acme.com was cancelled within the clawback window but closed before the evaluated window; its commission is unknown and is not clawed back.',
      'ae-plan: SPIF big-deal: the rule failed on opportunity O-77 (cannot compare "Jane Doe" with 3); it does not match.',
      '2 leads could not be classed: a rule failed on their values (first: `>=` got "jane@acme.com"); they are counted as error.',
      'Opportunities are in EUR, USD; deal amounts are summed as given.',
    ];
    expect(maskWarnings(warnings, deals)).toEqual([
      `ae-plan: opportunity ${deals.of('OPP-jane@acme.com')} was cancelled within the clawback window but closed before the evaluated window; its commission is unknown and is not clawed back.`,
      `ae-plan: SPIF big-deal: the rule failed on opportunity ${deals.of('O-77')} (message masked); it does not match.`,
      '2 leads could not be classed: a rule failed on their values (first: message masked); they are counted as error.',
      'Opportunities are in EUR, USD; deal amounts are summed as given.',
    ]);
  });
});
