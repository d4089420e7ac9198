import type { Issue, PolicyIssueCode } from '../issue.js';
import { compareIssues, countBySeverity, formatPath } from '../issue.js';
import { IoError } from '../errors.js';
import type { FileIo } from '../io.js';
import { API_VERSION, isPolicyKind, policyKinds } from '../schemas/index.js';
import type { PolicyKind } from '../schemas/index.js';
import { semanticChecks } from './checks/index.js';
import type { CheckContext, UncheckedFile } from './checks/index.js';
import { didYouMean } from './did-you-mean.js';
import { listPolicyFiles } from './discover.js';
import { limits } from './limits.js';
import { locatePath } from './locate.js';
import { parsePolicyFile } from './parse.js';
import { mergeEmptyParentSlips, readDeclaredIdentity, sortRootCausesFirst } from './root-cause.js';
import type { ParsedFile } from './parse.js';
import { checkSchema } from './schema-check.js';
import type { Policy, PolicySet } from './types.js';

/** What `validate` reports per file. */
export interface FileSummary {
  file: string;
  kind?: PolicyKind;
  name?: string;
  errors: number;
  warnings: number;
}

export interface LoadResult {
  files: FileSummary[];
  issues: Issue[];
  /** Policies that passed the YAML and schema layers (semantic issues do not remove them). */
  set: PolicySet;
  /** Parsed documents by file, for tools that edit or explain policies. */
  parsed: Map<string, ParsedFile>;
}

export interface PolicySource {
  file: string;
  bytes: Uint8Array;
}

export function emptyPolicySet(): PolicySet {
  return Object.fromEntries(policyKinds.map((k) => [k, []])) as unknown as PolicySet;
}

/** Reads and validates every policy file under `dir`. Throws only for operational failures. */
export async function loadPolicyDir(dir: string, io: FileIo): Promise<LoadResult> {
  const files = await listPolicyFiles(dir, io);
  const sources: PolicySource[] = [];
  const early: Issue[] = [];
  for (const file of files) {
    let size: number;
    try {
      size = await io.fileSize(file);
    } catch (cause) {
      throw new IoError(`Cannot read ${file}: ${(cause as Error).message}`, { cause });
    }
    if (size > limits.maxFileBytes) {
      early.push({
        code: 'file.too-large',
        severity: 'error',
        message: `File is ${size} bytes; policy files may be at most ${limits.maxFileBytes} bytes.`,
        hint: 'Split the policy into several files, or check that this is really a policy file.',
        file,
        path: '',
        line: 0,
        column: 0,
      });
      continue;
    }
    try {
      sources.push({ file, bytes: await io.readFile(file) });
    } catch (cause) {
      throw new IoError(`Cannot read ${file}: ${(cause as Error).message}`, { cause });
    }
  }
  return loadPolicySources(sources, early);
}

/**
 * Validates policy files given as bytes, in three layers: YAML, JSON Schema, semantic checks.
 * `unread` holds one issue per file that could not be read at all (e.g. too large).
 */
export function loadPolicySources(sources: readonly PolicySource[], unread: readonly Issue[] = []): LoadResult {
  const set = emptyPolicySet();
  const parsed = new Map<string, ParsedFile>();
  const issuesByFile = new Map<string, Issue[]>();
  const kinds = new Map<string, { kind?: PolicyKind; name?: string }>();
  const unchecked: UncheckedFile[] = unread.map((i) => ({ file: i.file, reason: 'read' }));

  for (const source of sources) {
    const issues: Issue[] = [];
    issuesByFile.set(source.file, issues);
    const file = parsePolicyFile(source.file, source.bytes, issues);
    parsed.set(source.file, file);
    if (file.data === undefined) {
      const declared = readDeclaredIdentity(file);
      kinds.set(source.file, declared);
      unchecked.push({ file: source.file, reason: 'parse', ...declared });
      continue;
    }
    const identity = identify(file, issues);
    kinds.set(source.file, identity);
    if (identity.kind === undefined || identity.isApiVersionOk !== true) {
      unchecked.push({ file: source.file, reason: 'schema', ...readDeclaredIdentity(file) });
      continue;
    }
    if (!checkSchema(file, identity.kind, issues)) {
      issues.splice(0, issues.length, ...mergeEmptyParentSlips(issues, file.text));
      unchecked.push({ file: source.file, reason: 'schema', kind: identity.kind, ...nameOf(identity) });
    } else {
      const data = file.data as unknown as Omit<Policy, 'file'>;
      (set[identity.kind] as Policy[]).push({
        kind: identity.kind,
        file: source.file,
        metadata: data.metadata,
        spec: data.spec,
      } as Policy);
    }
  }

  const ctx: CheckContext = {
    set,
    unchecked,
    report(policy, path, finding) {
      const file = parsed.get(policy.file);
      const position = locatePath(file?.doc, file!.lineCounter, path, finding.at);
      const issue: Issue = {
        code: finding.code,
        severity: finding.severity ?? 'error',
        message: finding.message,
        file: policy.file,
        path: formatPath(path),
        ...position,
      };
      if (finding.hint !== undefined && finding.hint !== '') issue.hint = finding.hint;
      issuesByFile.get(policy.file)?.push(issue);
    },
  };
  for (const check of semanticChecks) check.run(ctx);

  const files: FileSummary[] = [];
  const issues: Issue[] = [];
  for (const source of sources) {
    let fileIssues = issuesByFile.get(source.file) ?? [];
    if (fileIssues.length > limits.maxIssuesPerFile) {
      const dropped = fileIssues.length - limits.maxIssuesPerFile;
      fileIssues = [...fileIssues.sort(compareIssues).slice(0, limits.maxIssuesPerFile)];
      fileIssues.push({
        code: 'file.too-many-issues',
        severity: 'error',
        message: `${dropped} more issues in this file are not shown.`,
        hint: 'Fix the issues above and validate again.',
        file: source.file,
        path: '',
        line: 0,
        column: 0,
      });
    }
    const identity = kinds.get(source.file);
    const summary: FileSummary = { file: source.file, ...countBySeverity(fileIssues) };
    if (identity?.kind !== undefined) summary.kind = identity.kind;
    if (identity?.name !== undefined) summary.name = identity.name;
    files.push(summary);
    issues.push(...fileIssues);
  }
  if (unread.length > 0) {
    for (const issue of unread) files.push({ file: issue.file, ...countBySeverity([issue]) });
    files.sort((a, b) => (a.file < b.file ? -1 : 1));
    issues.push(...unread);
  }
  return { files, issues: sortRootCausesFirst(issues, unchecked), set, parsed };
}

function nameOf(identity: { name?: string }): { name?: string } {
  return identity.name === undefined ? {} : { name: identity.name };
}

/** Reads `apiVersion`, `kind` and `metadata.name` before schema validation picks the schema. */
function identify(file: ParsedFile, issues: Issue[]): { kind?: PolicyKind; name?: string; isApiVersionOk?: boolean } {
  const data = file.data ?? {};
  const result: { kind?: PolicyKind; name?: string; isApiVersionOk?: boolean } = {};
  const issue = (
    code: PolicyIssueCode,
    path: string[],
    message: string,
    hint: string,
    at: 'key' | 'value' = 'value',
  ): void => {
    issues.push({
      code,
      severity: 'error',
      message,
      hint,
      file: file.file,
      path: formatPath(path),
      ...locatePath(file.doc, file.lineCounter, path, at),
    });
  };
  const metadata = data.metadata as { name?: unknown } | undefined;
  if (typeof metadata?.name === 'string') result.name = metadata.name;

  if (!('kind' in data)) {
    issue('policy.kind-missing', [], 'Missing `kind`.', `Add \`kind:\` with one of: ${policyKinds.join(', ')}.`);
  } else if (!isPolicyKind(data.kind)) {
    issue(
      'policy.unknown-kind',
      ['kind'],
      `Unknown kind \`${String(data.kind)}\`.`,
      `${didYouMean(String(data.kind), policyKinds)} Kinds: ${policyKinds.join(', ')}.`.trim(),
    );
  } else {
    result.kind = data.kind;
  }
  if (!('apiVersion' in data)) {
    issue(
      'policy.api-version-missing',
      [],
      'Missing `apiVersion`.',
      `Add \`apiVersion: ${API_VERSION}\` at the top of the file.`,
    );
  } else if (data.apiVersion !== API_VERSION) {
    issue(
      'policy.api-version',
      ['apiVersion'],
      `Unsupported apiVersion \`${String(data.apiVersion)}\`.`,
      `This version of revops reads \`${API_VERSION}\`.`,
    );
  } else {
    result.isApiVersionOk = true;
  }
  return result;
}
