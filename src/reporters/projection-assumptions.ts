import type { MarginalConversion, ProjectedStage, ProjectionSection } from '../core/report/projection.js';
import { formatCount, formatNumber, formatPercent } from './figures.js';
import { money, signed } from './impact-phrases.js';

const pct = (x: number) => formatPercent(x);
const fixed = (x: number | null, digits = 2) => formatNumber(x, digits);

/** A score band in words: "scored 65 to under 70". */
function bandText(b: NonNullable<MarginalConversion['scoreBand']>): string {
  return `scored ${fixed(b.from, 0)} to under ${fixed(b.to, 0)}`;
}

/** Why that band: nearest above the old threshold, as wide as the range the change adds, widened if it had to be. */
function bandWhy(b: NonNullable<MarginalConversion['scoreBand']>, minimumSample: number): string {
  const added = `${fixed(b.addedFrom, 0)} to under ${fixed(b.from, 0)}`;
  const widened = b.widths > 1 ? `, widened to ${b.widths} such bands to reach ${minimumSample} matured` : '';
  return `the band just above the old threshold ${fixed(b.from, 0)}, as wide as the ${added} the change adds${widened}`;
}

function marginalText(s: ProjectedStage, m: MarginalConversion): string {
  const sample = `${m.advanced} of ${m.worked} worked`;
  const b = m.scoreBand;
  const range = `${pct(m.low)}–${pct(m.high)}`;
  switch (m.basis) {
    case 'history':
      return `${pct(m.rate)} (${sample}; ${range})`;
    case 'score-band':
      return b === null
        ? pct(m.rate)
        : `${pct(m.rate)} — ${b.advanced} of ${b.matured} matured leads ${bandText(b)} (of ${b.items} entered; ${range}), ${bandWhy(b, m.minimumSample)}`;
    case 'declared':
      return `${pct(m.rate)} declared (history: ${sample}, below ${m.minimumSample})`;
    case 'conservative': {
      const nearby =
        b === null
          ? ''
          : `; the nearest score bands, ${fixed(b.from, 0)} to under ${fixed(b.to, 0)}, hold only ${b.matured} matured leads (${b.advanced} advanced)`;
      return `${pct(m.rate)}, the lower bound of ${sample} (below ${m.minimumSample}${nearby}; range ${range}) — declare projection.marginalConversion.${s.stage} to override`;
    }
  }
}

/** How a stage's conversion was measured, in words. */
function conversionText(s: ProjectedStage): string | null {
  if (s.conversionBasis === null || s.conversion.base === null) return null;
  const m = s.maturity;
  if (s.conversionBasis === 'window' || m === null)
    return `Conversion at ${s.stage}: ${pct(s.conversion.base)} per worked item from next-stage arrivals ÷ arrivals over the window (no item left the stage, or none had time to convert: open items count as lost).`;
  return `Conversion at ${s.stage}: ${pct(s.conversion.base)} per worked item — ${formatCount(m.advanced)} of ${formatCount(m.matured)} that entered at least ${fixed(m.lagDays, 1)} days before as-of (of ${formatCount(m.items)} entered; the lag is the ${Math.round(m.quantile * 100)}th percentile of time-in-stage of the ${formatCount(m.left)} that left).`;
}

/** Capacity per stage: the figures, recent against window utilisation, and stages with none. */
function capacityLines(p: ProjectionSection): string[] {
  const out: string[] = [];
  const last = p.stages.length - 1;
  p.stages.forEach((s, i) => {
    const { base, head } = s.capacityBasis;
    if (base === 'none' && head === 'none') {
      out.push(
        `No capacity declared for ${s.stage}: treated as unbounded${i === last ? ' (the won stage counts every deal that closes)' : ''}.`,
      );
      return;
    }
    const basis = head === base ? head : `${base} → ${head}`;
    const u = s.utilisation;
    const recent =
      u === null || !u.isDifferent
        ? ''
        : `; base utilisation ${fixed(u.window)} over the window but ${fixed(u.recent)} over the last ${u.recentWeeks} weeks — the projection uses the window average`;
    out.push(
      `Capacity at ${s.stage}: ${fixed(s.capacityPerWeek.base)} → ${fixed(s.capacityPerWeek.head)} per week (${basis})${recent}.`,
    );
  });
  return out;
}

function dealSizeText(p: ProjectionSection): string {
  const d = p.dealSize;
  if (d.amount === null) return 'Deal size: unknown (no won deal carries an amount).';
  const c = p.currency;
  const sample =
    d.median === null || d.min === null || d.max === null
      ? ''
      : `; median ${money(d.median, c)}, smallest ${money(d.min, c)}, largest ${money(d.max, c)}${
          d.largestShare === null ? '' : ` (${pct(d.largestShare)} of the won amount)`
        }${d.amountWithoutLargest === null ? '' : `, average without it ${money(d.amountWithoutLargest, c)}`}`;
  const thin = d.isThin
    ? ` Thin sample: fewer than ${d.thinBelow} won deals, so the average can move a lot with one deal.`
    : '';
  return `Deal size: ${money(d.amount, d.currency)}, the average of the ${formatCount(d.deals)} won deals with an amount in the data${sample}.${thin}`;
}

/**
 * Every assumption the projection rests on, in words a reader can check the figures against,
 * phrased from the section's own figures (core states facts; this is the one place they become words).
 */
export function describeAssumptions(p: ProjectionSection): string[] {
  const minimumSample = p.minimumSample;
  const out = [
    `Steady state per week over the ${fixed(p.windowWeeks)} weeks of data. Stage lags decide which items a conversion is measured on (below), not when a change reaches won: what enters a stage this week converts within the horizon.`,
    p.horizonWeeks === null
      ? 'No RevenueGoal: no horizon, so no revenue or forecast is projected.'
      : `Horizon: the rest of the goal period, ${fixed(p.horizonWeeks)} weeks (remaining days ÷ 7).`,
    `Flow starts at ${p.entryStage ?? '—'} with its observed arrivals per week; each stage works min(demand, capacity) and a full stage works every lead alike (no priority); demand above capacity queues.`,
    'Leads both sides treat alike convert as they did, per stage on its matured cohort: the items that entered at least the maturity lag before as-of, so items still open do not count as lost (advanced ÷ matured, per worked item where the stage is over capacity).',
    ...p.stages.map(conversionText).filter((x): x is string => x !== null),
    `Leads only the base qualifies (${p.marginalLeads.removed}) leave the head's flow with what they actually did.`,
    `Leads only the head qualifies (${p.marginalLeads.added}) convert at their own rate among those the CRM worked (left the stage by as-of), with a Wilson 95 % interval, when at least ${minimumSample} were worked; else, when the change lowers a score threshold, at the rate of the matured scored leads (no hand-raisers: a score change never adds them) in the nearest score band above the old threshold, as wide as the range the change adds and widened until ${minimumSample} matured; else at the base Funnel's projection.marginalConversion for the stage; else at the Wilson lower bound of their own sample (conservative), with the kept leads' conversion as the high end of the range (a lead a looser rule adds converts no better than those already qualified).`,
  ];
  for (const s of p.stages)
    if (s.marginal !== null) out.push(`Marginal conversion at ${s.stage}: ${marginalText(s, s.marginal)}.`);
  out.push(
    ...capacityLines(p),
    dealSizeText(p),
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
