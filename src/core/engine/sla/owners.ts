import type { Row } from '../../data/types.js';
import type { SlaOwnerResult, SlaTeamResult } from '../../report/sla.js';
import { addCounts, tallyGroups } from './tally.js';

/** Ascending by code unit (not locale, so the order is the same everywhere), null last. */
export function compareIds(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

function textOf(row: Row | undefined, field: string): string | null {
  const value = row?.[field];
  return typeof value === 'string' ? value : null;
}

/**
 * SLA counts per owner of the eligible rows (`status[i] !== 0`), with the owner's name
 * and team from `users`, and per team. Rows without an owner are the owner `null`; the
 * team `null` holds them and the rows of owners that are not in `users` or have no team.
 * Both lists are sorted by id (see `compareIds`).
 */
export function groupByOwner(
  status: Uint8Array,
  ownerOf: (index: number) => string | null,
  users: ReadonlyMap<string, Row>,
): { byOwner: SlaOwnerResult[]; byTeam: SlaTeamResult[] } {
  // Owners are numbered in the order first met; rows are then counted by their owner's number.
  const indexOf = new Map<string | null, number>();
  for (let i = 0; i < status.length; i++) {
    if (status[i] === 0) continue;
    const owner = ownerOf(i);
    if (!indexOf.has(owner)) indexOf.set(owner, indexOf.size);
  }
  const counts = tallyGroups(status, (i) => indexOf.get(ownerOf(i)) as number, indexOf.size);
  const byOwner: SlaOwnerResult[] = [...indexOf].map(([ownerId, g]) => {
    const user = ownerId === null ? undefined : users.get(ownerId);
    return {
      ownerId,
      name: textOf(user, 'name'),
      team: textOf(user, 'team'),
      ...(counts[g] as (typeof counts)[number]),
    };
  });
  byOwner.sort((a, b) => compareIds(a.ownerId, b.ownerId));

  const members = new Map<string | null, SlaOwnerResult[]>();
  for (const owner of byOwner) {
    const list = members.get(owner.team);
    if (list === undefined) members.set(owner.team, [owner]);
    else list.push(owner);
  }
  const byTeam: SlaTeamResult[] = [...members].map(([team, owners]) => ({ team, ...addCounts(owners) }));
  byTeam.sort((a, b) => compareIds(a.team, b.team));
  return { byOwner, byTeam };
}
