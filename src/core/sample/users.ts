import { DateTime } from 'luxon';
import type { SampleHeadcount } from './options.js';
import { mixSeed } from './random.js';
import type { UserRow } from './rows.js';
import { streams } from './streams.js';
import type { Segment } from './vocabulary.js';
import { firstNames, lastNames } from './vocabulary.js';

/** The example company's revenue team, sized by the Funnel policy. */
export interface SampleTeam {
  users: UserRow[];
  sdrIds: readonly string[];
  /** AEs work one segment each, about 3 : 3 : 2 from SMB to enterprise; fewer than three AEs share all. */
  aeIdsBySegment: Readonly<Record<Segment, readonly string[]>>;
}

type Member = Omit<UserRow, 'id' | 'active_from' | 'active_to'> & { tenureDays: number };

/** People a manager leads before the team gets another one. */
const spanOfControl = 8;
const marketing: readonly (readonly [string, number])[] = [
  ['Marco Reyes', 640],
  ['Hannah Ito', 420],
  ['Owen Fraser', 190],
];
const sdrNames = ['Jordan Blake', 'Aisha Mensah', 'Tom Keller', 'Lucia Ferraro', 'Sam Okafor', 'Nina Larsen'];
const aeNames = [
  'Ethan Brooks',
  'Mei Chen',
  'Diego Alvarez',
  'Rachel Stein',
  'Kwame Asante',
  'Laura Novak',
  'Victor Hale',
  "Siobhan O'Neill",
];
const managerNames = ['Priya Raman', 'Colin Marsh', 'Ines Duarte', 'Felix Wagner'];

/**
 * Marketing (a manager and three marketers), a head of sales who also leads the AEs, one SDR
 * manager per eight SDRs, and AE team leads once there are more than eight AEs. The team does
 * not depend on the seed, so user ids stay put across data sets of the same size.
 */
export function buildTeam(start: string, headcount: SampleHeadcount): SampleTeam {
  const members: Member[] = [
    { name: 'Dana Whitfield', role: 'manager', team: 'marketing', manager_id: null, tenureDays: 1210 },
  ];
  for (const [name, tenureDays] of marketing)
    members.push({ name, role: 'marketing', team: 'marketing', manager_id: 'U001', tenureDays });
  members.push({ name: 'Grace Holloway', role: 'manager', team: 'ae', manager_id: null, tenureDays: 1460 });
  const head = formatUserId(members.length - 1);
  const sdrIds = addGroups(members, headcount.sdr, 'sdr', head, true);
  const aeIds = addGroups(members, headcount.ae, 'ae', head, headcount.ae > spanOfControl);
  const first = DateTime.fromISO(start, { zone: 'utc' });
  const users = members.map(({ tenureDays, ...m }, i) => ({
    id: formatUserId(i),
    name: m.name,
    role: m.role,
    team: m.team,
    manager_id: m.manager_id,
    active_from: first.minus({ days: tenureDays }).toISODate() as string,
    active_to: null,
  }));
  return { users, sdrIds, aeIdsBySegment: splitBySegment(aeIds) };
}

/** Adds `count` reps of a role in groups of eight, each under its own manager or all under `head`. */
function addGroups(
  members: Member[],
  count: number,
  role: 'sdr' | 'ae',
  head: string,
  withManagers: boolean,
): string[] {
  const ids: string[] = [];
  for (let from = 0; from < count; from += spanOfControl) {
    let manager = head;
    if (withManagers) {
      manager = formatUserId(members.length);
      const m = countManagers(members);
      members.push({
        name: managerNames[m] ?? nameMember(1000 + m),
        role: 'manager',
        team: role,
        manager_id: head,
        tenureDays: tenure(1000 + m, 500),
      });
    }
    for (let i = from; i < Math.min(count, from + spanOfControl); i++) {
      const curated = role === 'sdr' ? sdrNames : aeNames;
      const key = role === 'sdr' ? i : 100_000 + i;
      ids.push(formatUserId(members.length));
      members.push({
        name: curated[i] ?? nameMember(key),
        role,
        team: role,
        manager_id: manager,
        tenureDays: tenure(key, 60),
      });
    }
  }
  return ids;
}

function splitBySegment(ids: readonly string[]): Record<Segment, readonly string[]> {
  const n = ids.length;
  if (n < 3) return { smb: ids, mid_market: ids, enterprise: ids };
  const enterprise = Math.max(1, Math.round(n / 4));
  const smb = Math.ceil((n - enterprise) / 2);
  const midMarket = n - enterprise - smb;
  return {
    smb: ids.slice(0, smb),
    mid_market: ids.slice(smb, smb + midMarket),
    enterprise: ids.slice(smb + midMarket),
  };
}

function countManagers(members: readonly Member[]): number {
  return members.filter((m) => m.role === 'manager' && m.team !== 'marketing' && m.manager_id !== null).length;
}

/** A name for a team member beyond the named ones (big teams repeat a name now and then, as real ones do). */
function nameMember(key: number): string {
  const h = mixSeed(streams.team, key);
  return `${firstNames[h % firstNames.length]} ${lastNames[Math.floor(h / firstNames.length) % lastNames.length]}`;
}

/** Days in the role before the period starts: from `least` to about four years. */
function tenure(key: number, least: number): number {
  return least + (mixSeed(streams.team, key, 1) % 1400);
}

function formatUserId(index: number): string {
  return `U${String(index + 1).padStart(3, '0')}`;
}
