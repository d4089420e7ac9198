import type { ProjectionSection } from '../core/report/projection.js';
import { formatCount, formatNumber, formatPercent } from './figures.js';
import { money, signed } from './impact-phrases.js';

const pct = (x: number) => formatPercent(x);
const fixed = (x: number | null, digits = 2) => formatNumber(x, digits);

/**
 * Every assumption the projection rests on, in words a reader can check the figures against,
 * phrased from the section's own figures (core states facts; this is the one place they become words).
 */
export function describeAssumptions(p: ProjectionSection): string[] {
  const minimumSample = p.minimumSample;
  const out = [
    `Steady state per week: rates are the ${fixed(p.windowWeeks)} weeks of data; stage lags are ignored (what enters a stage this week converts within the horizon).`,
    p.horizonWeeks === null
      ? 'No RevenueGoal: no horizon, so no revenue or forecast is projected.'
      : `Horizon: the rest of the goal period, ${fixed(p.horizonWeeks)} weeks (remaining days ÷ 7).`,
    `Flow starts at ${p.entryStage ?? '—'} with its observed arrivals per week; each stage works min(demand, capacity) and a full stage works every lead alike (no priority); demand above capacity queues.`,
    'Leads both sides treat alike convert as they did (next stage arrivals ÷ this stage arrivals worked, over the window).',
    `Leads only the base qualifies (${p.marginalLeads.removed}) leave the head's flow with what they actually did.`,
    `Leads only the head qualifies (${p.marginalLeads.added}) convert at their own rate among those the CRM worked (left the stage by as-of), with a Wilson 95 % interval, when at least ${minimumSample} were worked; else at the base Funnel's projection.marginalConversion for the stage, else at the Wilson lower bound (conservative), with the kept leads' conversion as the high end of the range (a lead a looser rule adds converts no better than those already qualified).`,
  ];
  for (const s of p.stages) {
    const m = s.marginal;
    if (m === null) continue;
    const sample = `${m.advanced} of ${m.worked} worked`;
    const rate =
      m.basis === 'history'
        ? `${pct(m.rate)} (${sample}; ${pct(m.low)}–${pct(m.high)})`
        : m.basis === 'declared'
          ? `${pct(m.rate)} declared (history: ${sample}, below ${m.minimumSample})`
          : `${pct(m.rate)}, the lower bound of ${sample} (below ${m.minimumSample}; range ${pct(m.low)}–${pct(m.high)}) — declare projection.marginalConversion.${s.stage} to override`;
    out.push(`Marginal conversion at ${s.stage}: ${rate}.`);
  }
  for (const s of p.stages) {
    const basis =
      s.capacityBasis.head === s.capacityBasis.base
        ? s.capacityBasis.head
        : `${s.capacityBasis.base} → ${s.capacityBasis.head}`;
    if (basis !== 'none')
      out.push(
        `Capacity at ${s.stage}: ${fixed(s.capacityPerWeek.base)} → ${fixed(s.capacityPerWeek.head)} per week (${basis}).`,
      );
  }
  out.push(
    p.dealSize.amount === null
      ? 'Deal size: unknown (no won deal carries an amount).'
      : `Deal size: ${money(p.dealSize.amount, p.dealSize.currency)}, the average of the ${formatCount(p.dealSize.deals)} won deals with an amount in the data.`,
    "Goal forecast: each side's goal actual to as-of + won per week × horizon × deal size.",
  );
  for (const c of p.costs)
    out.push(
      c.costPerHead === null
        ? `Cost of team ${c.team}: unknown — declare projection.costPerHead.${c.team} in the base Funnel or an OTE in its comp plan.`
        : `Cost of team ${c.team}: ${c.headcount.delta === null ? '—' : signed(c.headcount.delta)} heads × ${money(c.costPerHead, p.currency)} a year (${c.costBasis === 'ote' ? "its comp plan's OTE" : 'declared in the base Funnel'}) × horizon ÷ 52; headcount is the largest declared at the team's stages.`,
    );
  return out;
}
