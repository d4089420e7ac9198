import { UsageError } from '../core/errors.js';
import type { FileIo } from '../core/io.js';
import type { Issue } from '../core/issue.js';
import { createBusinessCalendar } from '../core/logic/compile.js';
import type { BusinessCalendar } from '../core/logic/compile.js';
import { loadPolicyDir } from '../core/policy/load.js';
import type { FileSummary } from '../core/policy/load.js';
import type { PolicySet } from '../core/policy/types.js';
import { nodeFileIo } from '../cli/cli-io.js';
import { createHashingIo } from '../cli/hashing-io.js';
import { cleanPath } from '../cli/options.js';

/** Where the library reads files from; the real file system when omitted. */
export interface IoOptions {
  /** Reads directories and files (e.g. an in-memory tree, or a git tree); default: Node's file system. */
  io?: FileIo;
}

/** Every problem found in a policy directory, as `revops validate` reports them. */
export interface PolicyValidation {
  /** The directory as given, without a trailing slash. */
  dir: string;
  /** One entry per policy file: kind, name and its error and warning counts. */
  files: FileSummary[];
  /** Every problem, errors first, each with file, line, column and a hint when there is one. */
  issues: Issue[];
  /** True when no issue is an error (warnings do not make a set invalid). */
  isValid: boolean;
}

/** A valid policy set, ready to evaluate. Made by `loadPolicies`. */
export interface LoadedPolicies {
  dir: string;
  /** The policies by kind. */
  set: PolicySet;
  files: FileSummary[];
  /** Warnings validation left (there are no errors: those make `loadPolicies` throw). */
  warnings: Issue[];
  /** The business calendars the policies define, by name. */
  calendars: ReadonlyMap<string, BusinessCalendar>;
  /** sha256 over the policy files (path and content, in path order), as in a report's stamp. */
  policyHash: string;
}

/** Thrown by `loadPolicies` when the policies have errors; `issues` holds every one of them. */
export class PolicyValidationError extends UsageError {
  readonly issues: Issue[];
  constructor(dir: string, issues: Issue[]) {
    const errors = issues.filter((i) => i.severity === 'error').length;
    super(
      `The policies in ${dir} are not valid (${errors} error${errors === 1 ? '' : 's'}); see the issues, or run revops validate ${dir}.`,
    );
    this.name = 'PolicyValidationError';
    this.issues = issues;
  }
}

/**
 * Reads and validates every policy file under `dir` (YAML, JSON Schema and the rules that tie
 * policies together). Problems in the policies are returned, not thrown; only IO failures throw.
 */
export async function validatePolicies(dir: string, options: IoOptions = {}): Promise<PolicyValidation> {
  const clean = cleanPath(dir);
  const result = await loadPolicyDir(clean, options.io ?? nodeFileIo);
  if (result.files.length === 0) throw new UsageError(`No policy files (*.yaml, *.yml) found in ${clean}.`);
  return {
    dir: clean,
    files: result.files,
    issues: result.issues,
    isValid: !result.issues.some((i) => i.severity === 'error'),
  };
}

/**
 * Loads a policy directory for evaluation. Throws `PolicyValidationError` when any policy has
 * an error (evaluating a broken set would give misleading figures), `UsageError` when the
 * directory holds no policy file, `IoError` when it cannot be read.
 */
export async function loadPolicies(dir: string, options: IoOptions = {}): Promise<LoadedPolicies> {
  const clean = cleanPath(dir);
  const hashing = createHashingIo(options.io ?? nodeFileIo);
  const result = await loadPolicyDir(clean, hashing.io);
  if (result.files.length === 0) throw new UsageError(`No policy files (*.yaml, *.yml) found in ${clean}.`);
  if (result.issues.some((i) => i.severity === 'error')) throw new PolicyValidationError(clean, result.issues);
  return {
    dir: clean,
    set: result.set,
    files: result.files,
    warnings: result.issues,
    calendars: new Map(
      result.set.Calendar.map((c) => [c.metadata.name, createBusinessCalendar(c.spec, c.metadata.name)]),
    ),
    policyHash: hashing.digest(clean),
  };
}
