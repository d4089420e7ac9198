import type { CompWarningFact } from '../../report/warnings.js';
import { DateTime } from 'luxon';
import type { Row } from '../../data/types.js';
import { compileRule, truthy } from '../../logic/compile.js';
import type { CompiledRule } from '../../logic/compile.js';
import { canonicalModel } from '../../model/canonical.js';
import type { CompPlanSpec } from '../../policy/types.js';
import type { CompSpiffLine } from '../../report/comp.js';
import type { Period } from '../periods.js';
import type { CompContext } from './context.js';
import { formatMoney, parseAmount } from './money.js';
import { isWon, periodIndexOf, readInstant, readText } from './rows.js';

const opportunityFieldTypes = Object.fromEntries(
  Object.entries(canonicalModel.opportunities).map(([name, field]) => [name, field.type]),
);

interface CompiledSpiff {
  id: string;
  amount: string;
  /** [from, until) in epoch ms: `from` 00:00 to the end of `to`, in the run's time zone. */
  from: number;
  until: number;
  when: CompiledRule;
}

function compileSpiffs(spec: CompPlanSpec, ctx: CompContext, warn: (fact: CompWarningFact) => void): CompiledSpiff[] {
  const out: CompiledSpiff[] = [];
  (spec.spiffs ?? []).forEach((spiff, i) => {
    const amount = parseAmount(spiff.amount);
    const from = DateTime.fromISO(spiff.from, { zone: ctx.timeZone }).startOf('day');
    const to = DateTime.fromISO(spiff.to, { zone: ctx.timeZone }).startOf('day').plus({ days: 1 });
    if (amount === null || !from.isValid || !to.isValid) {
      warn({ code: 'comp.spiff-invalid', spiff: spiff.id });
      return;
    }
    try {
      const when = compileRule(spiff.when, {
        asOf: ctx.asOf,
        fieldTypes: opportunityFieldTypes,
        calendars: ctx.calendars,
        path: ['spec', 'spiffs', i, 'when'],
      });
      out.push({ id: spiff.id, amount: formatMoney(amount), from: from.toMillis(), until: to.toMillis(), when });
    } catch (error) {
      warn({ code: 'comp.spiff-rule-invalid', spiff: spiff.id, error: (error as Error).message });
    }
  });
  return out;
}

/**
 * SPIF lines per person and period. A SPIF pays its `amount` once for each won opportunity
 * owned by the person (`owner_id`), closed in the period, with `closed_at` between `from`
 * 00:00 and the end of `to` (inclusive dates, in the run's time zone), for which `when` is
 * true. Gates and team multipliers do not touch SPIFs. A rule that fails on a row counts as
 * not matching, with a warning.
 */
export function paySpiffs(
  spec: CompPlanSpec,
  ctx: CompContext,
  periods: readonly Period[],
  people: ReadonlySet<string>,
  warn: (fact: CompWarningFact) => void,
): Map<string, CompSpiffLine[][]> {
  const lines = new Map<string, CompSpiffLine[][]>();
  const spiffs = compileSpiffs(spec, ctx, warn);
  if (spiffs.length === 0) return lines;
  const deals = ctx.data.opportunities
    .filter((o) => isWon(o) && people.has(readText(o, 'owner_id') ?? ''))
    .sort((a, b) => compareIds(readText(a, 'id'), readText(b, 'id')));
  for (const spiff of spiffs) {
    for (const deal of deals) {
      const closedAt = readInstant(deal, 'closed_at');
      const k = periodIndexOf(closedAt, periods, ctx.window);
      if (
        k === -1 ||
        closedAt === null ||
        closedAt < spiff.from ||
        closedAt >= spiff.until ||
        !isMatch(spiff, deal, warn)
      )
        continue;
      const owner = readText(deal, 'owner_id') ?? '';
      const perPeriod = lines.get(owner) ?? periods.map(() => []);
      lines.set(owner, perPeriod);
      perPeriod[k]?.push({ id: spiff.id, opportunityId: readText(deal, 'id') ?? '', amount: spiff.amount });
    }
  }
  return lines;
}

function isMatch(spiff: CompiledSpiff, deal: Row, warn: (fact: CompWarningFact) => void): boolean {
  try {
    return truthy(spiff.when(deal));
  } catch (error) {
    warn({
      code: 'comp.spiff-rule-failed',
      spiff: spiff.id,
      opportunityId: readText(deal, 'id') ?? '?',
      error: (error as Error).message,
    });
    return false;
  }
}

function compareIds(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
