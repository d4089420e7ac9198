import type { FunnelSpec, Policy, PolicySet } from '../policy/types.js';
import type { SampleCapacity, SampleHeadcount } from './options.js';
import { maxHeadcount, maxWeeklyCapacity } from './options.js';

/** The generator's team, as a Funnel policy sizes it. */
export interface SampleStaffing {
  capacity: SampleCapacity;
  headcount: SampleHeadcount;
}

/** The staffing, or why the policies cannot give one. */
export type StaffingResult = { staffing: SampleStaffing; problem: null } | { staffing: null; problem: string };

/**
 * Which Funnel stage gives which capacity: the stage whose entry event is the field the
 * generator sets when that work is done (in the example funnel `mql`, `sal`, `sql` and
 * `opportunity`). Matching on the field, not on stage ids, follows a funnel whose stages
 * have other names, and it is the same link the engine uses to place rows in stages.
 */
const stageFields: readonly (readonly [keyof SampleCapacity, 'lead' | 'opportunity', string, string])[] = [
  ['firstTouch', 'lead', 'mql_at', 'SDR first touch'],
  ['discovery', 'lead', 'sal_at', 'SDR discovery'],
  ['qualification', 'lead', 'sql_at', 'AE qualification'],
  ['deals', 'opportunity', 'created_at', 'new deals'],
];

export const maxCapacityScale = 1000;

/** The one Funnel of a policy set, read as the generator's staffing, capacities multiplied by `scale`. */
export function readPolicyStaffing(set: PolicySet, scale = 1): StaffingResult {
  const funnels: Policy<'Funnel'>[] = set.Funnel;
  const [funnel] = funnels;
  if (funnel === undefined) return fail('there is no Funnel policy: the team sizes and stage capacities come from it');
  if (funnels.length > 1) {
    return fail(
      `there are ${funnels.length} Funnel policies (${funnels.map((f) => f.metadata.name).join(', ')}); the generator needs exactly one`,
    );
  }
  const result = readFunnelStaffing(funnel.spec, scale);
  return result.problem === null ? result : fail(`Funnel ${funnel.metadata.name} (${funnel.file}): ${result.problem}`);
}

/**
 * Weekly capacities of the four stages the generator works, and as many SDRs and AEs as the
 * teams owning the first-touch and new-deal stages have people (the largest headcount among
 * their stages, rounded up). `scale` multiplies every capacity and headcount alike.
 */
export function readFunnelStaffing(funnel: FunnelSpec, scale = 1): StaffingResult {
  if (!Number.isFinite(scale) || scale <= 0 || scale > maxCapacityScale)
    return fail(`the capacity scale must be above 0 and at most ${maxCapacityScale}, got ${scale}`);
  const capacity: Partial<SampleCapacity> = {};
  const owners: Partial<Record<keyof SampleCapacity, string>> = {};
  const problems: string[] = [];
  for (const [key, entity, field, label] of stageFields) {
    const entries = new Set(funnel.events.filter((e) => e.entity === entity && e.field === field).map((e) => e.id));
    const stages = funnel.stages.filter((s) => entries.has(s.entry));
    const [stage] = stages;
    if (stage === undefined) {
      problems.push(
        `no stage is entered when ${article(entity)} ${entity}'s ${field} is set (the ${label} stage); add one with a capacity`,
      );
    } else if (stages.length > 1) {
      problems.push(
        `stages ${stages.map((s) => s.id).join(' and ')} are both entered at ${entity}.${field}; the ${label} stage must be one`,
      );
    } else if (stage.capacity === undefined || stage.capacity.headcount * stage.capacity.perPersonPerWeek <= 0) {
      problems.push(`stage ${stage.id} (${label}) needs a capacity above zero: headcount and perPersonPerWeek`);
    } else {
      capacity[key] = stage.capacity.headcount * stage.capacity.perPersonPerWeek * scale;
      owners[key] = stage.owner;
    }
  }
  if (problems.length > 0) return fail(problems.join('; '));
  const people = (team: string | undefined) =>
    Math.ceil(
      Math.max(0, ...funnel.stages.filter((s) => s.owner === team).map((s) => s.capacity?.headcount ?? 0)) * scale -
        1e-9,
    );
  const headcount = { sdr: people(owners.firstTouch), ae: people(owners.deals) };
  const full = capacity as SampleCapacity;
  const tooBig = Object.entries(full).find(([, perWeek]) => perWeek > maxWeeklyCapacity);
  if (tooBig !== undefined)
    return fail(
      `the ${tooBig[0]} capacity of ${tooBig[1]} a week is above the generator's limit of ${maxWeeklyCapacity}`,
    );
  if (Math.max(headcount.sdr, headcount.ae) > maxHeadcount)
    return fail(`a team of more than ${maxHeadcount} people is above the generator's limit`);
  return { staffing: { capacity: full, headcount }, problem: null };
}

function fail(problem: string): StaffingResult {
  return { staffing: null, problem };
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}
