import type { FileIo } from '../io.js';
import type { Issue } from '../issue.js';
import { sortKeepingFileOrder } from '../issue.js';
import { isPolicyKind, policySchemas, schemaFileName } from '../schemas/index.js';
import type { PolicyKind } from '../schemas/index.js';
import type { LoadResult } from './load.js';

/** The `# yaml-language-server: $schema=…` comment of a policy file: the editor reads its schema from there. */
export interface Modeline {
  /** As written after `$schema=`. */
  value: string;
  /** Offset of the value in the text, and its 1-based line and column. */
  offset: number;
  line: number;
  column: number;
}

/** What is wrong with a modeline, and the value that would be right. */
export interface ModelineProblem {
  modeline: Modeline;
  code: 'modeline.unresolved' | 'modeline.wrong-schema';
  /** The file name the kind's schema has, e.g. `comp-plan.schema.json`. */
  schema: string;
  /** The relative path that resolves from the file's folder, e.g. `../../schemas/comp-plan.schema.json`. */
  expected: string;
}

/** How many folders above the file's own are searched for `schemas/`. */
const maxLevelsUp = 8;
/** Longer values are not paths anyone wrote by hand; they are left alone. */
const maxValueLength = 500;
const modelinePattern = /^\uFEFF?[ \t]*#[ \t]*yaml-language-server:[ \t]*\$schema=(\S+)/;

/** The first modeline of a text, as the YAML language server finds it: on a comment line. */
export function findModeline(text: string): Modeline | undefined {
  let offset = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // Only the comments before the document's first content: a `#` line further down may be
    // text inside a block scalar (`description: |`), which is data, not a modeline.
    if (!isHeaderLine(line)) return undefined;
    const match = modelinePattern.exec(line);
    const value = match?.[1];
    if (match !== null && value !== undefined && value.length <= maxValueLength) {
      const column = match[0].length - value.length;
      return { value, offset: offset + column, line: i + 1, column: column + 1 };
    }
    offset += line.length + 1;
  }
  return undefined;
}

/** A blank line, a comment, a directive (`%YAML`) or a document marker (`---`): no content yet. */
function isHeaderLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('%') || /^---(\s|$)/.test(trimmed);
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : slash === 0 ? '/' : path.slice(0, slash);
}

/** `a/b/../c` → `a/c`, keeping leading `..` of a relative path and the root of an absolute one. */
export function normalizePath(path: string): string {
  const isAbsolute = path.startsWith('/');
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else if (segment !== '..' || !isAbsolute) out.push(segment);
  }
  const joined = out.join('/');
  return isAbsolute ? `/${joined}` : joined === '' ? '.' : joined;
}

async function isFile(io: FileIo, path: string): Promise<boolean> {
  try {
    await io.fileSize(path);
    return true;
  } catch {
    return false;
  }
}

/** The nearest `schemas/<name>` (or an installed package's) in the file's folder or above, as a relative path. */
async function findSchemaPath(io: FileIo, dir: string, name: string): Promise<string | undefined> {
  let previous: string | undefined;
  for (let up = 0; up <= maxLevelsUp; up++) {
    const prefix = up === 0 ? './' : '../'.repeat(up);
    const at = normalizePath(`${dir}/${prefix}`);
    if (at === previous) break;
    previous = at;
    for (const candidate of [`${prefix}schemas/${name}`, `${prefix}node_modules/revops-policy/schemas/${name}`]) {
      if (await isFile(io, normalizePath(`${dir}/${candidate}`))) return candidate;
    }
  }
  return undefined;
}

/**
 * Checks a policy file's modeline: it must name the schema of the file's kind and resolve from
 * the file's own folder (a policy moved into a subfolder keeps a path that no longer does).
 * A problem is one only when the schema is found near the file: policies copied away from any
 * `schemas/` folder (a temporary directory, a repository that keeps none) have nothing to point
 * at, and a warning on every file there could not be acted on. URLs are left alone. Reads only
 * whether files exist.
 */
export async function checkModeline(
  file: string,
  text: string,
  kind: PolicyKind | undefined,
  io: FileIo,
): Promise<ModelineProblem | undefined> {
  const modeline = findModeline(text);
  if (modeline === undefined || /^[a-z][a-z0-9+.-]*:/i.test(modeline.value)) return undefined;
  const written = modeline.value.slice(modeline.value.lastIndexOf('/') + 1);
  const schema = kind === undefined ? written : schemaFileName(policySchemas[kind]);
  const dir = dirname(file);
  const target = modeline.value.startsWith('/') ? modeline.value : `${dir}/${modeline.value}`;
  const isNamedRight = written === schema;
  if (isNamedRight && (await isFile(io, normalizePath(target)))) return undefined;
  const expected = await findSchemaPath(io, dir, schema);
  if (expected === undefined) return undefined;
  return {
    modeline,
    code: isNamedRight ? 'modeline.unresolved' : 'modeline.wrong-schema',
    schema,
    expected,
  };
}

/** The issue `validate` reports for a modeline problem (a warning: the modeline only guides the editor). */
export function describeModelineProblem(file: string, problem: ModelineProblem): Issue {
  const { modeline, schema, expected } = problem;
  const message =
    problem.code === 'modeline.wrong-schema'
      ? `The \`$schema\` modeline names \`${modeline.value}\`, but this file's kind is checked by \`${schema}\`.`
      : `The \`$schema\` modeline \`${modeline.value}\` does not resolve from this file's folder.`;
  const hint = `Write \`# yaml-language-server: $schema=${expected}\`; \`revops fmt\` rewrites it.`;
  return {
    code: problem.code,
    severity: 'warning',
    message,
    hint,
    file,
    path: '',
    line: modeline.line,
    column: modeline.column,
  };
}

/** The text with its modeline pointed at the schema that resolves, or `undefined` when there is nothing to rewrite. */
export async function rewriteModeline(file: string, text: string, io: FileIo): Promise<string | undefined> {
  const kind = /^kind:[ \t]*["']?([A-Za-z]+)/m.exec(text)?.[1];
  const problem = await checkModeline(file, text, kind !== undefined && isPolicyKind(kind) ? kind : undefined, io);
  if (problem === undefined) return undefined;
  const { offset, value } = problem.modeline;
  return text.slice(0, offset) + problem.expected + text.slice(offset + value.length);
}

/** Adds a warning per file whose modeline does not resolve (or names another kind's schema) to a loaded set. */
export async function checkModelines(result: LoadResult, io: FileIo): Promise<void> {
  for (const summary of result.files) {
    const parsed = result.parsed.get(summary.file);
    if (parsed === undefined) continue;
    const problem = await checkModeline(summary.file, parsed.text, summary.kind, io);
    if (problem === undefined) continue;
    result.issues.push(describeModelineProblem(summary.file, problem));
    summary.warnings++;
  }
  sortKeepingFileOrder(result.issues);
}
