import type { CompCacUnknown } from '../../report/warnings.js';
import type { MetricDefinition, PeriodValues } from './metric-types.js';
import { Dec, ZERO } from './money.js';

/**
 * `blended_cac`: the blended CAC of each payout period as the CAC engine measures it (all spend of
 * the period ÷ the new customers won in it, to cents), the same for everyone on the plan. Lower is
 * better: attainment is target ÷ CAC and the target is not prorated. Unknown (no spend, no new
 * customers, spend in another currency than the plan's or in several, a spend of 0, or no spend
 * data read) pays nothing, with a warning per period — never a CAC of 0.
 */
export const blendedCac: MetricDefinition = {
  kind: 'money',
  isCostPerUnit: true,
  tally(input) {
    const cac = input.ctx.measureCac?.(input.periods);
    const otherCurrency = cac?.currency != null && cac.currency !== input.currency;
    return input.periods.map((period, k): PeriodValues => {
      const figure = cac?.periods[k]?.blended;
      let reason: CompCacUnknown | null = null;
      if (cac === undefined || figure === undefined) reason = 'not-measured';
      else if (figure.value === null) reason = figure.unknown ?? 'not-measured';
      else if (otherCurrency) reason = 'other-currency';
      else if (new Dec(figure.value).isZero()) reason = 'zero-spend';
      if (reason !== null) input.warn({ code: 'comp.cac-unknown', period: period.label, reason });
      const value = reason === null && figure?.value != null ? new Dec(figure.value) : ZERO;
      return { byPerson: new Map(), shared: value, isUnknown: reason !== null };
    });
  },
};
