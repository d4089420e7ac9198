import { parseDocument } from 'yaml';
import type { Issue } from '../issue.js';
import { isPolicyKind, policyKinds, policySchemas } from '../schemas/index.js';
import type { JsonSchema } from '../schemas/index.js';
import { didYouMean } from './did-you-mean.js';
import { renderCanonical, scanComments } from './format-render.js';
import { locatePath } from './locate.js';
import { parsePolicyFile, safeYamlOptions } from './parse.js';
import type { ParsedFile } from './parse.js';

/** What formatting one policy file came to. */
export interface FormatOutcome {
  /** `refused`: formatting would lose something; `invalid`: the file does not parse cleanly or has no known kind. */
  status: 'unchanged' | 'changed' | 'refused' | 'invalid';
  /** The canonical text, when `changed`. */
  output?: string;
  /** Why the file was not written, when `refused`. */
  reason?: string;
  /** What is wrong with the file, when `invalid`. */
  issues?: Issue[];
}

const maxPasses = 3;

/**
 * Formats the text of one policy file canonically: keys in schema order, 2-space indentation,
 * comments, quoting, line breaks inside text, BOM and CRLF kept. Pure: the caller writes `output`.
 */
export function formatPolicyText(text: string, file = ''): FormatOutcome {
  const issues: Issue[] = [];
  const parsed = parsePolicyFile(file, new TextEncoder().encode(text), issues);
  if (parsed.data === undefined || issues.some((issue) => issue.severity === 'error'))
    return { status: 'invalid', issues };
  const kind = parsed.data.kind;
  if (!isPolicyKind(kind)) {
    issues.push(describeKindProblem(parsed, file));
    return { status: 'invalid', issues };
  }
  const schema = policySchemas[kind];
  let output: string;
  try {
    output = renderStable(text, schema);
  } catch (error) {
    return { status: 'refused', reason: `the formatter failed: ${(error as Error).message}` };
  }
  const reason = findFormatLoss(text, output, (again) => renderCanonical(again, schema));
  if (reason !== undefined) return { status: 'refused', reason };
  return output === text ? { status: 'unchanged' } : { status: 'changed', output };
}

/**
 * The guard in front of every write: why replacing `input` by `output` could lose work, or
 * `undefined` when the output reads as the same data, keeps every comment and is stable
 * (`reformat(output)` gives `output` back).
 */
export function findFormatLoss(input: string, output: string, reformat: (text: string) => string): string | undefined {
  const before = readData(input);
  const after = readData(output);
  if (before.error !== undefined) return `the original text does not parse (${before.error})`;
  if (after.error !== undefined) return `the formatted text would not parse (${after.error})`;
  const difference = findDifference(before.data, after.data, '');
  if (difference !== undefined) return `the formatted text would read as different data at ${difference || '/'}`;
  const missing = subtractAll(listComments(input), listComments(output));
  if (missing.length > 0) return `comment would be lost: ${missing[0]}`;
  const extra = subtractAll(listComments(output), listComments(input));
  if (extra.length > 0) return `comment would be added or changed: ${extra[0]}`;
  let again: string;
  try {
    again = reformat(output);
  } catch (error) {
    return `formatting the result again failed: ${(error as Error).message}`;
  }
  if (again !== output) return 'formatting is not stable (formatting the result again changes it)';
  return undefined;
}

/** Every comment in a YAML text, as written (without trailing spaces), in source order. */
export function listComments(text: string): string[] {
  return scanComments(text).comments.map((c) => c.comment);
}

/**
 * A comment at the end of the file may attach to a different node once keys have moved;
 * another pass settles it. The guard still checks that the result is a fixed point.
 */
function renderStable(text: string, schema: JsonSchema): string {
  let output = renderCanonical(text, schema);
  for (let pass = 1; pass < maxPasses; pass++) {
    const again = renderCanonical(output, schema);
    if (again === output) break;
    output = again;
  }
  return output;
}

function readData(text: string): { data?: unknown; error?: string } {
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), safeYamlOptions);
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem !== undefined) return { error: problem.message.split('\n')[0] ?? problem.code };
  return { data: doc.toJS({ maxAliasCount: 0 }) };
}

/** fmt needs the kind to know the key order; without a known one the file is left alone. */
function describeKindProblem(parsed: ParsedFile, file: string): Issue {
  const data = parsed.data ?? {};
  if (!('kind' in data)) {
    const at = locatePath(parsed.doc, parsed.lineCounter, []);
    return {
      code: 'policy.kind-missing',
      severity: 'error',
      message: 'Missing `kind`; fmt orders keys by the schema of the kind.',
      hint: `Add \`kind:\` with one of: ${policyKinds.join(', ')}.`,
      file,
      path: '',
      ...at,
    };
  }
  const kind = String(data.kind);
  const at = locatePath(parsed.doc, parsed.lineCounter, ['kind']);
  const hint = `${didYouMean(kind, policyKinds)} Kinds: ${policyKinds.join(', ')}.`.trim();
  return {
    code: 'policy.unknown-kind',
    severity: 'error',
    message: `Unknown kind \`${kind}\`; fmt orders keys by the schema of the kind.`,
    hint,
    file,
    path: '/kind',
    ...at,
  };
}

/** The path of the first difference between two plain data values; key order does not count. */
function findDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return path;
    for (let i = 0; i < a.length; i++) {
      const found = findDifference(a[i], b[i], `${path}/${i}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const aKeys = Object.keys(a);
    const bRecord = b as Record<string, unknown>;
    if (aKeys.length !== Object.keys(b).length) return path;
    for (const key of aKeys) {
      if (!Object.hasOwn(b, key)) return `${path}/${key}`;
      const found = findDifference((a as Record<string, unknown>)[key], bRecord[key], `${path}/${key}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  return Object.is(a, b) ? undefined : path;
}

/** The items of `from` not matched one-for-one in `take` (multiset difference). */
function subtractAll(from: readonly string[], take: readonly string[]): string[] {
  const rest = [...take];
  return from.filter((item) => {
    const index = rest.indexOf(item);
    if (index === -1) return true;
    rest.splice(index, 1);
    return false;
  });
}
