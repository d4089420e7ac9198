import { createWeightedTable, mixSeed, Random } from './random.js';
import { streams } from './streams.js';
import type { Region, Segment } from './vocabulary.js';
import {
  companyPrefixes,
  companyQualifiers,
  companyRoots,
  companySuffixes,
  legalSuffixes,
  countriesByRegion,
  otherIndustries,
  segments,
  slugify,
  targetIndustries,
  topLevelDomains,
} from './vocabulary.js';

/** A generated account. Every lead from the same account sees the same firmographics. */
export interface Company {
  index: number;
  segment: Segment;
  industry: string | null;
  employeeCount: number | null;
  annualRevenue: string | null;
  region: Region;
  country: string;
  isCustomer: boolean;
  isCompetitor: boolean;
  /** Set only when drawn with names (the first pass does not need them). */
  name: string;
  domain: string;
}

/** Share of leads per segment, and leads per account (enterprises send more people). */
export const segmentLeadShare: Record<Segment, number> = { smb: 0.5, mid_market: 0.33, enterprise: 0.17 };
const leadsPerCompany: Record<Segment, number> = { smb: 1.3, mid_market: 2.5, enterprise: 6 };
const employeeRange: Record<Segment, readonly [number, number]> = {
  smb: [2, 199],
  mid_market: [200, 1999],
  enterprise: [2000, 60000],
};
const customerShare: Record<Segment, number> = { smb: 0.03, mid_market: 0.05, enterprise: 0.09 };

const industryTable = createWeightedTable<string>([
  ...targetIndustries.map((name, i) => [name, [22, 12, 10, 9, 9][i] as number] as const),
  ...otherIndustries.map((name) => [name, 3.8] as const),
]);
const regionTables: Record<Segment, ReturnType<typeof createWeightedTable<Region>>> = {
  smb: createWeightedTable<Region>([
    ['na', 66],
    ['emea', 25],
    ['apac', 9],
  ]),
  mid_market: createWeightedTable<Region>([
    ['na', 60],
    ['emea', 28],
    ['apac', 12],
  ]),
  enterprise: createWeightedTable<Region>([
    ['na', 54],
    ['emea', 31],
    ['apac', 15],
  ]),
};
const countryTables = {
  na: createWeightedTable(countriesByRegion.na),
  emea: createWeightedTable(countriesByRegion.emea),
  apac: createWeightedTable(countriesByRegion.apac),
};
const suffixTable = createWeightedTable(companySuffixes);
const legalSuffixTable = createWeightedTable(legalSuffixes);

/** How many accounts each segment has, and where its indexes start. */
export interface CompanyPool {
  size: Record<Segment, number>;
  offset: Record<Segment, number>;
}

export function planCompanyPool(leads: number): CompanyPool {
  const size = { smb: 0, mid_market: 0, enterprise: 0 };
  const offset = { smb: 0, mid_market: 0, enterprise: 0 };
  let next = 0;
  for (const segment of segments) {
    size[segment] = Math.max(20, Math.round((leads * segmentLeadShare[segment]) / leadsPerCompany[segment]));
    offset[segment] = next;
    next += size[segment];
  }
  return { size, offset };
}

export function drawCompany(seed: number, segment: Segment, index: number, withNames: boolean): Company {
  const rng = new Random(mixSeed(seed, streams.company, index));
  const [low, high] = employeeRange[segment];
  const employees = Math.round(Math.exp(rng.between(Math.log(low), Math.log(high + 1))) - 0.5);
  const region = rng.pickWeighted(regionTables[segment]);
  const country = rng.pickWeighted(countryTables[region]);
  const industry = rng.pickWeighted(industryTable);
  const revenuePerEmployee = rng.logNormal(180_000, 0.5);
  const hasRevenue = rng.chance(segment === 'smb' ? 0.5 : 0.75);
  const company: Company = {
    index,
    segment,
    industry: rng.chance(0.04) ? null : industry,
    employeeCount: rng.chance(0.04) ? null : Math.min(high, Math.max(low, employees)),
    annualRevenue: hasRevenue ? `${Math.max(1, Math.round((employees * revenuePerEmployee) / 1000))}000.00` : null,
    region,
    country,
    isCustomer: rng.chance(customerShare[segment]),
    isCompetitor: rng.chance(0.005),
    name: '',
    domain: '',
  };
  if (withNames) {
    const stem = nameAccount(index);
    company.name = `${stem}${rng.pickWeighted(stem.includes(' ') ? legalSuffixTable : suffixTable)}`;
    company.domain = `${slugify(stem)}${topLevelDomains[country] ?? rng.pick(['.com', '.com', '.com', '.io', '.co'])}`;
  }
  return company;
}

/** A distinct name per account index: a scrambled prefix × root, then qualifiers and numbers. */
function nameAccount(index: number): string {
  const combos = companyPrefixes.length * companyRoots.length;
  const j = (index * 7919) % combos; // 7919 is prime to `combos`, so this is a permutation
  const stem = `${companyPrefixes[j % companyPrefixes.length]}${companyRoots[Math.floor(j / companyPrefixes.length)]}`;
  const tier = Math.floor(index / combos);
  if (tier === 0) return stem;
  const qualifier = companyQualifiers[(tier - 1) % companyQualifiers.length];
  const round = Math.floor((tier - 1) / companyQualifiers.length);
  return round === 0 ? `${stem} ${qualifier}` : `${stem} ${qualifier} ${round + 1}`;
}

export function formatCompanyId(index: number): string {
  return `ACC${String(index + 1).padStart(6, '0')}`;
}
