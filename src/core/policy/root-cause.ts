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
  const text = value.replace(/[ \t]+#.*$/, '').trim();
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
