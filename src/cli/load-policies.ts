import { UsageError } from '../core/errors.js';
import { createBusinessCalendar } from '../core/logic/compile.js';
import type { BusinessCalendar } from '../core/logic/compile.js';
import type { FileIo } from '../core/io.js';
import type { PolicyIssueCode } from '../core/issue.js';
import { locatePath } from '../core/policy/locate.js';
import { isFailing } from '../core/issue.js';
import { loadPolicyDir } from '../core/policy/load.js';
import { applyPolicyWaivers } from '../core/waivers/policy-waivers.js';
import { dayOf } from '../core/waivers/waiver-list.js';
import type { LoadResult } from '../core/policy/load.js';
import { renderValidationTerminal } from '../reporters/validation-terminal.js';
import type { CliIo } from './cli-io.js';
import { cleanPath, isColorEnabled } from './options.js';

export interface LoadedPolicies {
  result: LoadResult;
  calendars: ReadonlyMap<string, BusinessCalendar>;
  /** `file:line` of a data path in a policy file. */
  locate(file: string, path: readonly (string | number)[]): string;
}

/** Validation errors about a policy's intent that leave every figure it computes right. */
const lintOnly: ReadonlySet<PolicyIssueCode> = new Set(['comp.shared-outcome']);

/**
 * Loads a policy directory for commands that evaluate policies: any validation error stops
 * the command (exit 2) with the same report `validate` prints, since evaluating a broken
 * policy set would give misleading numbers. Errors that change no figure (`lintOnly`) are
 * printed and the policies evaluated. A finding a waiver in force accepts (judged on the run's
 * clock `now`) does not stop it; an expired waiver is only a warning here (`validate` fails on
 * it), so a waiver expiring on the base branch does not block the change that renews it.
 */
export async function loadValidPolicies(
  io: CliIo,
  dirArg: string,
  fileIo: FileIo = io,
  label?: string,
  now: number = Date.now(),
): Promise<LoadedPolicies> {
  const dir = cleanPath(dirArg);
  // A FileIo of its own (a git tree) answers for itself whether the directory is there.
  if (fileIo === io && !(await io.exists(dir))) throw new UsageError(`Policy directory ${dir} does not exist.`);
  const result = applyPolicyWaivers(await loadPolicyDir(dir, fileIo), { today: dayOf(now), dir, expired: 'warning' });
  const errors = result.issues.filter((i) => isFailing(i));
  if (errors.length > 0 && errors.every((i) => lintOnly.has(i.code))) {
    // The figures do not depend on it: evaluate, and say it (impact also reports it for the head).
    io.stderr(renderValidationTerminal({ files: result.files, issues: errors }, { color: isColorEnabled(io) }));
  } else if (errors.length > 0) {
    io.stderr(renderValidationTerminal(result, { color: isColorEnabled(io) }));
    throw new UsageError(
      `The policies in ${dir}${label === undefined ? '' : ` at ${label}`} are not valid; fix them first (revops validate ${dir}).`,
    );
  }
  const calendars = new Map(
    result.set.Calendar.map((c) => [c.metadata.name, createBusinessCalendar(c.spec, c.metadata.name)]),
  );
  return {
    result,
    calendars,
    locate(file, path) {
      const parsed = result.parsed.get(file);
      if (parsed === undefined) return file;
      return `${file}:${locatePath(parsed.doc, parsed.lineCounter, path).line}`;
    },
  };
}
