import { isMap, isScalar } from 'yaml';
import type { Issue } from '../issue.js';
import { compareIssues } from '../issue.js';
import { isPolicyKind } from '../schemas/index.js';
import type { PolicyKind } from '../schemas/index.js';
import type { UncheckedFile } from './checks/index.js';
import type { ParsedFile } from './parse.js';

/**
 * The kind and name a file declares, read even when its YAML or schema failed: from the
 * partial document when the parser got that far, else from top-level `kind:` and the
 * `name:` under `metadata:` in the text.
 */
export function readDeclaredIdentity(file: ParsedFile): { kind?: PolicyKind; name?: string } {
  const found: { kind?: unknown; name?: unknown } = {};
  const contents = file.doc?.contents;
  if (isMap(contents)) {
    const kind = contents.get('kind', true);
    const metadata = contents.get('metadata', true);
    if (isScalar(kind)) found.kind = kind.value;
    if (isMap(metadata)) {
      const name = metadata.get('name', true);
      if (isScalar(name)) found.name = name.value;
    }
  }
  if (typeof found.kind !== 'string' || typeof found.name !== 'string') Object.assign(found, scanIdentity(file.text));
  const out: { kind?: PolicyKind; name?: string } = {};
  if (isPolicyKind(found.kind)) out.kind = found.kind;
  if (typeof found.name === 'string' && found.name !== '') out.name = found.name;
  return out;
}

/** Line by line (linear in the file's size), for a file the parser could not make a mapping of. */
function scanIdentity(text: string): { kind?: string; name?: string } {
  const out: { kind?: string; name?: string } = {};
  let isInMetadata = false;
  for (const line of text.split(/\r?\n/)) {
    const top = /^([A-Za-z]+):[ \t]*(.*)$/.exec(line);
    if (top !== null) {
      isInMetadata = top[1] === 'metadata';
      if (top[1] === 'kind') out.kind = unquote(top[2] ?? '');
      continue;
    }
    const name = isInMetadata ? /^[ \t]+name:[ \t]*(.*)$/.exec(line) : null;
    if (name !== null && out.name === undefined) out.name = unquote(name[1] ?? '');
  }
  return out;
}

function unquote(value: string): string {
  const comment = value.search(/[ \t]#/);
  const text = (comment < 0 ? value : value.slice(0, comment)).trim();
  return /^(["']).*\1$/.test(text) ? text.slice(1, -1) : text;
}

const rank: Record<UncheckedFile['reason'], number> = { read: 0, parse: 0, schema: 1 };

/**
 * Issues of files that could not be read or parsed first, then of files that failed their
 * schema, then the rest: a later issue may follow from an earlier one, never the reverse.
 */
export function sortRootCausesFirst(issues: readonly Issue[], unchecked: readonly UncheckedFile[]): Issue[] {
  const rankOf = new Map(unchecked.map((u) => [u.file, rank[u.reason]]));
  const order = (issue: Issue): number => rankOf.get(issue.file) ?? 2;
  return [...issues].sort((a, b) => order(a) - order(b) || compareIssues(a, b));
}

/**
 * A key that slipped one level left under a key left empty reads as valid YAML: the schema
 * then reports the empty key (null) and the slipped one (unknown here). When the unknown key
 * starts on the line right after the empty one, both are one mistake: say it once, on the
 * slipped line. Returns the issues with the pair merged.
 */
export function mergeEmptyParentSlips(issues: readonly Issue[], text: string): Issue[] {
  const lines = text.split(/\r?\n/);
  const parentOf = (path: string): string => path.slice(0, path.lastIndexOf('/'));
  const lastOf = (path: string): string => path.slice(path.lastIndexOf('/') + 1);
  // Linear in the issues: a file may hold tens of thousands of unknown keys.
  const emptyAt = new Map<string, Issue>();
  for (const t of issues)
    if (t.code === 'schema.type' && t.message.endsWith('but it is null.'))
      emptyAt.set(`${parentOf(t.path)}|${t.line}`, t);
  if (emptyAt.size === 0) return [...issues];
  const dropped = new Set<Issue>();
  const out = issues.map((issue) => {
    if (issue.code !== 'schema.unknown-property') return issue;
    let above = issue.line - 1;
    while (above > 0 && /^\s*(#.*)?$/.test(lines[above - 1] ?? '')) above--;
    const empty = emptyAt.get(`${parentOf(issue.path)}|${above}`);
    if (empty === undefined) return issue;
    dropped.add(empty);
    const key = lastOf(issue.path);
    const parent = lastOf(empty.path);
    const emptyLine = lines[empty.line - 1] ?? '';
    const indent = emptyLine.length - emptyLine.trimStart().length;
    return {
      ...issue,
      message: `Line ${issue.line} is indented like \`${parent}\` on line ${empty.line}, which has no value, so \`${key}\` is read as a key beside it instead of under it.`,
      hint: `Indent line ${issue.line} (and the lines that belong under \`${parent}\`) more than \`${parent}\`, e.g. with ${indent + 2} spaces.`,
    };
  });
  return out.filter((i) => !dropped.has(i));
}
