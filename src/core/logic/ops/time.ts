import { spendRunSteps } from '../budget.js';
import { LogicCompileError } from '../errors.js';
import { failure, markSafeIf } from '../safety.js';
import { toInstant } from '../instants.js';
import type { Evaluate, OperatorDefinition, OperatorInput } from '../types.js';
import { badArgument, requireArity, requireLiteralString } from './arguments.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const instantExpected = 'an instant (epoch ms or an ISO 8601 date-time with offset)';

/** Argument `index` as epoch ms, null when empty; a row error for anything else. */
function instantArg(input: OperatorInput, index: number, data: unknown): number | null {
  const value = (input.args[index] as Evaluate)(data);
  const instant = toInstant(value);
  if (instant === undefined) throw badArgument(input, index, value, instantExpected);
  return instant;
}

function requireAsOf(input: OperatorInput): number {
  const asOf = input.options.asOf;
  if (asOf === undefined || !Number.isFinite(asOf)) {
    throw new LogicCompileError('missing-as-of', `\`${input.op}\` needs the as-of time of the run`, [
      ...input.path,
      input.op,
    ]);
  }
  return asOf;
}

/** `[instant]`: time from the instant to the as-of time, in `unit` ms. */
function since(unit: number): OperatorDefinition {
  return {
    build(input) {
      requireArity(input, 1);
      const asOf = requireAsOf(input);
      return markSafeIf((d) => {
        const from = instantArg(input, 0, d);
        return from === null ? null : (asOf - from) / unit;
      }, input.args);
    },
  };
}

export const timeOperators = {
  days_between: {
    build(input) {
      requireArity(input, 2);
      return markSafeIf((d) => {
        const from = instantArg(input, 0, d);
        const to = instantArg(input, 1, d);
        return from === null || to === null ? null : (to - from) / DAY_MS;
      }, input.args);
    },
  },
  hours_since: since(HOUR_MS),
  days_since: since(DAY_MS),
  business_hours_between: {
    literalArgs: [2],
    build(input) {
      requireArity(input, 3);
      const name = requireLiteralString(input, 2, 'calendar name');
      const calendar = input.options.calendars?.get(name);
      if (calendar === undefined) {
        const known = [...(input.options.calendars?.keys() ?? [])];
        throw new LogicCompileError(
          'unknown-calendar',
          `Calendar \`${name}\` is not loaded (calendars: ${known.join(', ') || 'none'})`,
          [...input.path, input.op, 2],
        );
      }
      const instants = input.args.slice(0, 2);
      return markSafeIf((d) => {
        const from = instantArg(input, 0, d);
        const to = instantArg(input, 1, d);
        if (from === null || to === null) return null;
        // Its work is the days it walks: counted against the evaluation's budget.
        spendRunSteps(Math.floor(Math.abs(to - from) / DAY_MS) + 1, input.op, input.path);
        try {
          return calendar.hoursBetween(from, to);
        } catch (error) {
          // e.g. a span of more than a century: a data error on this row.
          throw failure(input.op, error, input.path);
        }
      }, instants);
    },
  },
} satisfies Record<string, OperatorDefinition>;
