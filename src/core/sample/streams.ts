/**
 * Independent random streams, each seeded from (seed, stream, index): a lead's values depend
 * only on the seed and its position, so the two passes of the generator draw the same ones.
 * The team's names and tenures use (stream, index) alone: the same team for every seed.
 */
export const streams = {
  dayNoise: 1,
  dayTimes: 2,
  lead: 3,
  company: 4,
  team: 5,
  customerDay: 6,
  customerDeal: 7,
  customerBase: 8,
  spend: 9,
} as const;
