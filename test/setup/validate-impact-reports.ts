/**
 * Every impact report a test produces is held to schemas/impact-report.schema.json: where it
 * is computed, masked and rendered (the CLI runs in-process), so no test that makes one can
 * skip the check. A report that does not meet it fails the test with every schema error.
 */
import { vi } from 'vitest';
import type * as Impact from '../../src/core/impact/impact.js';
import type * as MaskImpact from '../../src/core/report/mask-impact.js';
import type * as ImpactFormats from '../../src/reporters/impact-formats.js';
import { assertValidImpactReport } from '../helpers/impact-schema.js';

vi.mock('../../src/core/impact/impact.js', async (importOriginal) => {
  const actual = await importOriginal<typeof Impact>();
  return {
    ...actual,
    computeImpact: (...args: Parameters<typeof actual.computeImpact>) => {
      const report = actual.computeImpact(...args);
      assertValidImpactReport(report, 'computeImpact');
      return report;
    },
  };
});

vi.mock('../../src/core/report/mask-impact.js', async (importOriginal) => {
  const actual = await importOriginal<typeof MaskImpact>();
  return {
    ...actual,
    maskImpact: (...args: Parameters<typeof actual.maskImpact>) => {
      const report = actual.maskImpact(...args);
      assertValidImpactReport(report, 'maskImpact');
      return report;
    },
  };
});

vi.mock('../../src/reporters/impact-formats.js', async (importOriginal) => {
  const actual = await importOriginal<typeof ImpactFormats>();
  return {
    ...actual,
    renderImpact: (...args: Parameters<typeof actual.renderImpact>) => {
      assertValidImpactReport(args[0], `renderImpact (${args[1]})`);
      return actual.renderImpact(...args);
    },
  };
});
