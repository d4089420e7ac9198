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

function compileSpiffs(spec: CompPlanSpec, ctx: CompContext, warn: (message: string) => void): CompiledSpiff[] {
  const out: CompiledSpiff[] = [];
  (spec.spiffs ?? []).forEach((spiff, i) => {
    const amount = parseAmount(spiff.amount);
    const from = DateTime.fromISO(spiff.from, { zone: ctx.timeZone }).startOf('day');
    const to = DateTime.fromISO(spiff.to, { zone: ctx.timeZone }).startOf('day').plus({ days: 1 });
    if (amount === null || !from.isValid || !to.isValid) {
      warn(`SPIF ${spiff.id} has an invalid amount or date; it is not paid.`);
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
      warn(`SPIF ${spiff.id}: its rule does not compile (${(error as Error).message}); it is not paid.`);
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
  warn: (message: string) => void,
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

function isMatch(spiff: CompiledSpiff, deal: Row, warn: (message: string) => void): boolean {
  try {
    return truthy(spiff.when(deal));
  } catch (error) {
    warn(
      `SPIF ${spiff.id}: the rule failed on opportunity ${readText(deal, 'id') ?? '?'} (${(error as Error).message}); it does not match.`,
    );
    return false;
  }
}

function compareIds(a: string | null, b: string | null): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
