import type { PipelineData } from '../../../../src/core/data/types.js';
import type { CompContext } from '../../../../src/core/engine/comp/index.js';
import { Dec } from '../../../../src/core/engine/comp/money.js';
import type { CompPlanSpec, Policy } from '../../../../src/core/policy/types.js';
import type { CompPersonPeriod, CompPlanResult, CompSection } from '../../../../src/core/report/comp.js';

import { ms } from '../helpers.js';

export { ms, pipeline, row } from '../helpers.js';

export interface ContextOptions {
  start?: string;
  asOf?: string;
  timeZone?: string;
  /** A number, or a decimal text for an exact figure (`'0.6999999999'`). */
  goalAttainment?: number | string | null;
  constraintMet?: boolean | null;
}

/** A comp context over [start, asOf) whose goal and constraint stubs answer the same for every span. */
export function context(data: PipelineData, options: ContextOptions = {}): CompContext {
  const asOf = ms(options.asOf ?? '2026-04-01T00:00:00Z');
  const users = new Map(data.users.map((u) => [String(u.id), u]));
  return {
    asOf,
    window: { start: ms(options.start ?? '2026-01-01T00:00:00Z'), end: asOf },
    timeZone: options.timeZone ?? 'UTC',
    calendars: new Map(),
    users,
    data,
    goal: undefined,
    goalAttainment: () =>
      options.goalAttainment === undefined
        ? new Dec(1)
        : options.goalAttainment === null
          ? null
          : new Dec(String(options.goalAttainment)),
    constraintMet: () => (options.constraintMet === undefined ? true : options.constraintMet),
  };
}

/** A quarterly AE plan: 40,000 target variable (10,000 a quarter), quota 400,000 won (100,000 a quarter), one component. */
export function plan(overrides: Partial<CompPlanSpec> = {}, name = 'ae-plan'): Policy<'CompPlan'> {
  return {
    kind: 'CompPlan',
    file: `policies/${name}.yaml`,
    metadata: { name, owner: 'cfo', description: 'test plan' },
    spec: {
      roles: ['ae'],
      team: 'ae',
      currency: 'USD',
      period: 'quarter',
      targetVariable: '40000',
      quota: { metric: 'won_amount', amount: '400000' },
      components: [{ id: 'new-business', metric: 'won_amount', weight: 1 }],
      ...overrides,
    },
  };
}

export const ae = (id: string, extra: Record<string, string | null> = {}) => ({
  id,
  name: `AE ${id}`,
  role: 'ae',
  team: 'ae',
  ...extra,
});

let nextId = 0;
/** A won opportunity owned by `owner`, closed at `closedAt`. */
export function won(
  owner: string,
  amount: string,
  closedAt: string,
  extra: Record<string, string | number | boolean | null> = {},
) {
  nextId += 1;
  return {
    id: `O${String(nextId).padStart(3, '0')}`,
    owner_id: owner,
    amount,
    currency: 'USD',
    created_at: ms(closedAt) - 86_400_000,
    closed_at: ms(closedAt),
    won: true,
    ...extra,
  };
}

/** The line of one person in one period of a plan. */
export function lineOf(section: CompSection | CompPlanResult, person: string, period: string): CompPersonPeriod {
  const result = 'plans' in section ? section.plans[0] : section;
  const line = result?.people.find((p) => p.id === person)?.periods.find((p) => p.period === period);
  if (line === undefined) throw new Error(`no line for ${person} in ${period}`);
  return line;
}
