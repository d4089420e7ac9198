/**
 * How a number in a policy is written. Each kind has one convention, stated in the description
 * of every field that uses it (the editor hover) and checked by `validate` (`checks/units.ts`).
 * - `ratio`: 1 = 100 %, so 85 % is `0.85` (utilisation, conversion, compliance, attainment, shares);
 * - `percent`: 5 % is `5` (guardrail `…_pct` metrics);
 * - `points`: percentage points, a drop of three points is `-3` (`…_pts` metrics);
 * - `multiplier`: a factor, 1 = at par, 150 % is `1.5` (tier rates, caps, team multipliers);
 * - `money`: an exact decimal in the policy's currency, quoted, e.g. `"95000"`;
 * - `count`: a number of items (deals, leads, people, items per week);
 * - `hours`: a plain number of hours;
 * - `duration`: text with its unit, `30m`, `4h`, `2d`, `1w`.
 */
export type UnitKind = 'ratio' | 'percent' | 'points' | 'multiplier' | 'money' | 'count' | 'hours' | 'duration';

export const unitKinds: readonly UnitKind[] = [
  'ratio',
  'percent',
  'points',
  'multiplier',
  'money',
  'count',
  'hours',
  'duration',
];

/** The sentence each described field ends with; README's "Units" table says the same. */
export const unitPhrases: Readonly<Record<UnitKind, string>> = {
  ratio: 'Unit: ratio, 1 = 100 %; write 85 % as `0.85`.',
  percent: 'Unit: percent; write 5 % as `5`, not `0.05`.',
  points: 'Unit: percentage points; a drop of three points is `-3`, not `-0.03`.',
  multiplier: 'Unit: multiplier, 1 = at par; write 150 % as `1.5`.',
  money: 'Unit: money, a quoted exact decimal in the currency of the policy, e.g. `"95000"`; never negative.',
  count: 'Unit: count of items, e.g. `96`.',
  hours: 'Unit: hours, a plain number; `48` is two days.',
  duration: 'Unit: duration, a number and a unit: `30m`, `4h`, `2d`, `1w`.',
};

/** Short names of the units, for messages and per-metric lists. */
export const unitNames: Readonly<Record<UnitKind, string>> = {
  ratio: 'a ratio (1 = 100 %, e.g. `0.85`)',
  percent: 'percent (`5` = 5 %)',
  points: 'percentage points (`-3` = three points down)',
  multiplier: 'a multiplier (1 = at par, e.g. `1.5`)',
  money: 'money (a quoted decimal, e.g. `"95000"`)',
  count: 'a count (e.g. `96`)',
  hours: 'hours (e.g. `48`)',
  duration: 'a duration (`30m`, `4h`, `2d`, `1w`)',
};

/** A field description ending in its unit. */
export function withUnit(description: string, unit: UnitKind): string {
  return `${description} ${unitPhrases[unit]}`;
}

/** A field whose unit depends on a metric beside it: the description lists the unit of each metric. */
export function withMetricUnits(description: string, units: Readonly<Record<string, UnitKind>>): string {
  const byUnit = new Map<UnitKind, string[]>();
  for (const [metric, unit] of Object.entries(units)) byUnit.set(unit, [...(byUnit.get(unit) ?? []), metric]);
  const parts = [...byUnit].map(
    ([unit, metrics]) => `${metrics.map((m) => `\`${m}\``).join(', ')}: ${unitNames[unit]}`,
  );
  return `${description} Unit by metric: ${parts.join('; ')}.`;
}
