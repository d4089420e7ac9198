import type { PolicySet } from '../policy/types.js';
import { listCompItems, listLeadItems, listSlaItems } from './outcome-items.js';
import type { Outcome, OutcomeItem } from './outcome-items.js';

export type { Outcome, OutcomeItem, OutcomeItemKind } from './outcome-items.js';

type Path = readonly (string | number)[];

/** The kinds of policy whose decisions tests cover. */
export type CoveredKind = 'LeadDefinition' | 'HandoffSla' | 'CompPlan';

/** An item the tests did not see go both ways, and the outcomes they never saw. */
export interface UncoveredItem extends OutcomeItem {
  /** `file:line` of the decision (the file alone when it cannot be located). */
  at: string;
  missing: Outcome[];
}

/** `file:line` of a data path in a policy file. */
export type Locate = (file: string, path: readonly (string | number)[]) => string;

/** Outcome coverage of one policy: how many of its decisions tests saw both true and false. */
export interface PolicyCoverage {
  kind: CoveredKind;
  policy: string;
  file: string;
  /** Test cases that ran against the policy; 0 means no test names it. */
  cases: number;
  total: number;
  covered: number;
  uncovered: UncoveredItem[];
}

/** Records the outcomes test cases reached, per policy and decision path. */
export interface OutcomeLedger {
  /** Counts one case run against a policy. */
  countCase(kind: CoveredKind, policy: string): void;
  /** Records that a case saw the decision at `path` of the policy go `isTrue`. */
  record(kind: CoveredKind, policy: string, path: Path, isTrue: boolean): void;
}

const keyOf = (kind: CoveredKind, policy: string, path: Path): string => JSON.stringify([kind, policy, ...path]);

/** An empty ledger and the coverage it amounts to for a policy set. */
export function createOutcomeLedger(): OutcomeLedger & {
  summarise(set: PolicySet, locate?: Locate): PolicyCoverage[];
} {
  const seen = new Map<string, [boolean, boolean]>();
  const cases = new Map<string, number>();
  return {
    countCase(kind, policy) {
      const key = keyOf(kind, policy, []);
      cases.set(key, (cases.get(key) ?? 0) + 1);
    },
    record(kind, policy, path, isTrue) {
      const key = keyOf(kind, policy, path);
      const both = seen.get(key) ?? [false, false];
      both[isTrue ? 0 : 1] = true;
      seen.set(key, both);
    },
    summarise(set, locate = (file) => file) {
      const listed: { kind: CoveredKind; policy: string; file: string; items: OutcomeItem[] }[] = [
        ...set.LeadDefinition.map((p) => ({ kind: 'LeadDefinition' as const, p, items: listLeadItems(p) })),
        ...set.HandoffSla.map((p) => ({ kind: 'HandoffSla' as const, p, items: listSlaItems(p) })),
        ...set.CompPlan.map((p) => ({ kind: 'CompPlan' as const, p, items: listCompItems(p) })),
      ].map(({ kind, p, items }) => ({ kind, policy: p.metadata.name, file: p.file, items }));
      return listed.map(({ kind, policy, file, items }) => {
        const uncovered: UncoveredItem[] = [];
        for (const item of items) {
          const [isTrueSeen, isFalseSeen] = seen.get(keyOf(kind, policy, item.path)) ?? [false, false];
          const missing = [...(isTrueSeen ? [] : [item.outcomes[0]]), ...(isFalseSeen ? [] : [item.outcomes[1]])];
          if (missing.length > 0) uncovered.push({ ...item, at: locate(file, item.path), missing });
        }
        return {
          kind,
          policy,
          file,
          cases: cases.get(keyOf(kind, policy, [])) ?? 0,
          total: items.length,
          covered: items.length - uncovered.length,
          uncovered,
        };
      });
    },
  };
}

/** Covered and all decisions over every policy, and covered / total in percent (100 when there is nothing to cover). */
export function sumCoverage(coverage: readonly PolicyCoverage[]): { covered: number; total: number; percent: number } {
  const total = coverage.reduce((n, c) => n + c.total, 0);
  const covered = coverage.reduce((n, c) => n + c.covered, 0);
  return { covered, total, percent: total === 0 ? 100 : (100 * covered) / total };
}
