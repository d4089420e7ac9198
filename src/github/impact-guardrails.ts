import { UsageError } from '../core/errors.js';

/** Who may approve a crossed guardrail: GitHub users, `org/team-slug` teams, and how many approvals it needs. */
export interface GuardrailApprovers {
  users: string[];
  teams: string[];
  minApprovals: number;
}

/** One guardrail of an impact report, as `revops check` reads it. */
export interface ImpactGuardrail {
  id: string;
  description: string;
  isCrossed: boolean;
  reason: string;
  approvers: GuardrailApprovers;
}

/** The fields of an impact report (`kind: impact`, `schemaVersion: 1`) that gate a merge. */
export interface ImpactGuardrails {
  /** The head commit the report was built on (`revops impact --head <ref>`). */
  headSha: string;
  guardrails: ImpactGuardrail[];
}

const loginPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
const teamPattern = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9_.-]{1,100}$/;
const shaPattern = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const idPattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalText(value: unknown, path: string, fail: (path: string, expected: string) => never): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') fail(path, 'a string');
  // Shown in logs and a commit status: no control, escape or bidi characters.
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ').slice(0, 1000);
}

function names(
  value: unknown,
  path: string,
  pattern: RegExp,
  expected: string,
  fail: (path: string, expected: string) => never,
): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(path, `a list of ${expected}`);
  return value.map((item, i) => {
    if (typeof item !== 'string' || !pattern.test(item)) fail(`${path}[${i}]`, expected);
    return item;
  });
}

/**
 * Reads the guardrails of an impact report. The report may come from an artifact of an
 * untrusted run, so every field used is checked; anything unexpected is a usage error with
 * its JSON path.
 */
export function parseImpactGuardrails(text: string, source: string): ImpactGuardrails {
  const fail = (path: string, expected: string): never => {
    throw new UsageError(`${source}: ${path} must be ${expected}.`);
  };
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${source} is not JSON: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (!isObject(root)) return fail('the report', 'a JSON object');
  if (root.kind !== 'impact') fail('kind', '"impact" (an impact report from `revops impact --format json`)');
  if (root.schemaVersion !== 1) fail('schemaVersion', '1');
  // A report that does not name its head, or lists no guardrails, would pass any head as nothing crossed.
  const head = isObject(root.head) ? root.head : {};
  if (typeof head.sha !== 'string' || !shaPattern.test(head.sha))
    return fail('head.sha', 'a full commit SHA (the head the report was built on: `revops impact --head <ref>`)');
  const result: ImpactGuardrails = { headSha: head.sha, guardrails: [] };
  const list = root.guardrails;
  if (!Array.isArray(list)) return fail('guardrails', 'a list');
  const seen = new Set<string>();
  for (const [i, item] of list.entries()) {
    const path = `guardrails[${i}]`;
    if (!isObject(item)) fail(path, 'an object');
    const g = item as Json;
    if (typeof g.id !== 'string' || !idPattern.test(g.id))
      fail(`${path}.id`, 'an identifier (letters, digits, - _ . :)');
    if (seen.has(g.id as string)) fail(`${path}.id`, `unique ("${String(g.id)}" appears twice)`);
    seen.add(g.id as string);
    if (typeof g.isCrossed !== 'boolean') fail(`${path}.isCrossed`, 'true or false');
    const approvers = g.approvers ?? {};
    if (!isObject(approvers)) fail(`${path}.approvers`, 'an object');
    const a = approvers as Json;
    const minApprovals = a.minApprovals ?? 1;
    if (typeof minApprovals !== 'number' || !Number.isInteger(minApprovals) || minApprovals < 1 || minApprovals > 100)
      fail(`${path}.approvers.minApprovals`, 'a whole number from 1 to 100');
    const users = names(a.users, `${path}.approvers.users`, loginPattern, 'GitHub logins', fail);
    const teams = names(a.teams, `${path}.approvers.teams`, teamPattern, 'teams written org/team-slug', fail);
    result.guardrails.push({
      id: g.id as string,
      description: optionalText(g.description, `${path}.description`, fail),
      isCrossed: g.isCrossed as boolean,
      reason: optionalText(g.reason, `${path}.reason`, fail),
      approvers: { users, teams, minApprovals: minApprovals as number },
    });
  }
  return result;
}
