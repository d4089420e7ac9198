import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import type { FunnelSpec } from '../../../src/core/policy/types.js';
import { generateSampleData } from '../../../src/core/sample/generate.js';
import type { SampleDataOptions } from '../../../src/core/sample/options.js';
import type { SampleStaffing } from '../../../src/core/sample/staffing.js';
import { readFunnelStaffing } from '../../../src/core/sample/staffing.js';
import type { ActivityRow, LeadRow, OpportunityRow, SpendRow, UserRow } from '../../../src/core/sample/rows.js';
import { examplePolicies } from '../../helpers/paths.js';

/** Every row of a generated data set, per entity, in the order generated. */
export interface Collected {
  users: UserRow[];
  leads: LeadRow[];
  opportunities: OpportunityRow[];
  activities: ActivityRow[];
  spend: SpendRow[];
}

/** Every row of a generated data set; the team and capacities default to the example funnel's. */
export function collectSample(
  options: Omit<SampleDataOptions, keyof SampleStaffing> & Partial<SampleStaffing>,
): Collected {
  const out: Collected = { users: [], leads: [], opportunities: [], activities: [], spend: [] };
  for (const item of generateSampleData({ ...exampleStaffing(), ...options }))
    (out[item.entity] as unknown[]).push(item.row);
  return out;
}

/** Parses one of the example policies. */
export function readExamplePolicy<T>(file: string): T {
  return parse(readFileSync(join(examplePolicies, file), 'utf8')) as T;
}

/** The team and weekly capacities `policies/funnel.yaml` gives the generator. */
export function exampleStaffing(scale = 1): SampleStaffing {
  const { staffing, problem } = readFunnelStaffing(readExamplePolicy<{ spec: FunnelSpec }>('funnel.yaml').spec, scale);
  if (staffing === null) throw new Error(problem);
  return staffing;
}

export const zone = 'America/New_York';

export function toNewYork(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone });
}

/** ISO week in New York, e.g. `2026-W45`. */
export function weekOf(iso: string): string {
  return toNewYork(iso).toFormat("kkkk-'W'WW");
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export function countBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}
