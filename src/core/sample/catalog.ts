import type { Random } from './random.js';
import { createWeightedTable } from './random.js';
import type { Segment } from './vocabulary.js';

/** Annual list price (median, spread) per product; Maven's CRM sample has a similar 1:3:10 price ladder. */
const products = {
  'Lumen Starter': [6_500, 0.35],
  'Lumen Growth': [21_000, 0.4],
  'Lumen Enterprise': [64_000, 0.5],
} as const;
export type Product = keyof typeof products;

export const productTables: Record<Segment, ReturnType<typeof createWeightedTable<Product>>> = {
  smb: createWeightedTable<Product>([
    ['Lumen Starter', 70],
    ['Lumen Growth', 30],
  ]),
  mid_market: createWeightedTable<Product>([
    ['Lumen Growth', 75],
    ['Lumen Starter', 10],
    ['Lumen Enterprise', 15],
  ]),
  enterprise: createWeightedTable<Product>([
    ['Lumen Enterprise', 80],
    ['Lumen Growth', 20],
  ]),
};
/** Discounts in tenths of a percent (75 = 7.5 %). */
export const discounts = createWeightedTable([
  [0, 40],
  [50, 20],
  [75, 10],
  [100, 15],
  [150, 10],
  [200, 5],
] as const);
export const terms: Record<Segment, ReturnType<typeof createWeightedTable<number>>> = {
  smb: createWeightedTable<number>([
    [12, 85],
    [24, 10],
    [36, 5],
  ]),
  mid_market: createWeightedTable<number>([
    [12, 70],
    [24, 18],
    [36, 12],
  ]),
  enterprise: createWeightedTable<number>([
    [12, 45],
    [24, 25],
    [36, 30],
  ]),
};

/** An annual list price in whole hundreds of dollars, `share` of the product's (1 for a new subscription). */
export function drawListDollars(rng: Random, product: Product, share = 1): number {
  const [median, sigma] = products[product];
  const least = Math.max(100, Math.round(12 * share) * 100);
  return Math.max(least, Math.round((rng.logNormal(median, sigma) * share) / 100) * 100);
}

/** Dollars (a multiple of $100) less or plus tenths of a percent: always a whole number of cents. */
export function applyTenths(listDollars: number, tenths: number): number {
  return (listDollars * (1000 + tenths)) / 10;
}
