import type { CompanyPool } from './companies.js';
import { drawCompany } from './companies.js';
import { createWeightedTable, mixSeed, Random } from './random.js';
import { streams } from './streams.js';
import type { Segment } from './vocabulary.js';
import { segments } from './vocabulary.js';

/**
 * The installed base that customer deals are sold into: the lead pool's customer accounts
 * (whose leads the lead definition leaves to account management) and, when a period asks for
 * more customer deals than they could plausibly carry, `extra` customers who sent no lead in
 * it, numbered after the pool and drawn when picked (so a big base costs no memory).
 */
export interface CustomerBase {
  poolIndex: Int32Array;
  poolSegment: Uint8Array;
  poolSize: number;
  extra: number;
}

/** Expansion and renewal deals per customer account and year: a renewal and an upsell or two. */
const dealsPerAccountYear = 2.5;
/** Paying accounts lean to the larger segments (they buy more and churn less). */
const segmentTable = createWeightedTable<Segment>([
  ['smb', 45],
  ['mid_market', 35],
  ['enterprise', 20],
]);

export function listCustomerAccounts(seed: number, pool: CompanyPool, deals: number, days: number): CustomerBase {
  const index: number[] = [];
  const segment: number[] = [];
  let poolSize = 0;
  segments.forEach((s, k) => {
    poolSize += pool.size[s];
    for (let i = pool.offset[s]; i < pool.offset[s] + pool.size[s]; i++) {
      const company = drawCompany(seed, s, i, false);
      if (company.isCustomer && !company.isCompetitor) {
        index.push(i);
        segment.push(k);
      }
    }
  });
  const wanted = Math.min(deals, Math.ceil((deals * 365) / (dealsPerAccountYear * days)));
  return {
    poolIndex: Int32Array.from(index),
    poolSegment: Uint8Array.from(segment),
    poolSize,
    extra: Math.max(0, wanted - index.length),
  };
}

/** The customer account at uniform position `u` in [0, 1) of the base. */
export function pickCustomer(base: CustomerBase, seed: number, u: number): { index: number; segment: Segment } {
  const k = Math.floor(u * (base.poolIndex.length + base.extra));
  if (k < base.poolIndex.length)
    return { index: base.poolIndex[k] as number, segment: segments[base.poolSegment[k] as number] as Segment };
  const j = k - base.poolIndex.length;
  return {
    index: base.poolSize + j,
    segment: new Random(mixSeed(seed, streams.customerBase, j)).pickWeighted(segmentTable),
  };
}
