import type { DataFileChange } from '../core/report/impact.js';
import { isRegularFile, listTreeAt, streamBlob } from './git-policies.js';
import type { TreeEntry } from './git-policies.js';

/**
 * Rows are compared only when both blobs are at most this big: the comparison holds the base's
 * lines in memory (about twice the blob), so this bounds it. Bigger files are still reported.
 */
export const maxRowCompareBytes = 32 * 1024 * 1024;

/** Most changed files listed; the rest are counted in one entry. */
const maxFilesListed = 50;

async function* linesOf(object: string, cwd: string): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  for await (const chunk of streamBlob(object, cwd)) {
    const lines = (rest + decoder.decode(chunk, { stream: true })).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) yield line.endsWith('\r') ? line.slice(0, -1) : line;
  }
  rest += decoder.decode();
  if (rest !== '') yield rest;
}

async function countLines(object: string, cwd: string): Promise<number> {
  let n = 0;
  const lines = linesOf(object, cwd);
  while (!(await lines.next()).done) n += 1;
  return n;
}

const hasHeader = (file: string): boolean => /\.(csv|tsv)$/i.test(file);
/** The row's key: a CSV line's first field (the id in every export we read), else the whole line. */
function keyOf(file: string, line: string): string {
  const comma = hasHeader(file) ? line.indexOf(',') : -1;
  return comma < 0 ? line : line.slice(0, comma);
}

/** Lines added, removed and changed (same key) between two blobs, and whether a CSV header changed. */
async function compareRows(
  file: string,
  base: TreeEntry,
  head: TreeEntry,
  cwd: string,
): Promise<{ rows: NonNullable<DataFileChange['rows']>; isHeaderChanged: boolean }> {
  const header = hasHeader(file);
  const left = new Map<string, number>();
  let baseHeader: string | undefined;
  for await (const line of linesOf(base.object, cwd)) {
    if (header && baseHeader === undefined) baseHeader = line;
    else left.set(line, (left.get(line) ?? 0) + 1);
  }
  const added = new Map<string, number>();
  let headHeader: string | undefined;
  for await (const line of linesOf(head.object, cwd)) {
    if (header && headHeader === undefined) {
      headHeader = line;
      continue;
    }
    const n = left.get(line) ?? 0;
    if (n > 0) left.set(line, n - 1);
    else added.set(keyOf(file, line), (added.get(keyOf(file, line)) ?? 0) + 1);
  }
  const removed = new Map<string, number>();
  for (const [line, n] of left) if (n > 0) removed.set(keyOf(file, line), (removed.get(keyOf(file, line)) ?? 0) + n);
  let changed = 0;
  for (const [key, n] of added) changed += Math.min(n, removed.get(key) ?? 0);
  const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  return {
    rows: { added: sum(added) - changed, removed: sum(removed) - changed, changed },
    isHeaderChanged: baseHeader !== headHeader,
  };
}

function kindOf(entry: TreeEntry): string | null {
  if (isRegularFile(entry)) return null;
  return entry.size === null ? 'a submodule' : 'a symbolic link';
}

async function describeFile(
  file: string,
  base: TreeEntry | undefined,
  head: TreeEntry | undefined,
  cwd: string,
): Promise<DataFileChange> {
  const dataRows = async (entry: TreeEntry): Promise<number | null> =>
    isRegularFile(entry) ? Math.max(0, (await countLines(entry.object, cwd)) - (hasHeader(file) ? 1 : 0)) : null;
  if (base === undefined || head === undefined) {
    const entry = (base ?? head) as TreeEntry;
    const n = await dataRows(entry);
    const kind = kindOf(entry);
    return {
      file,
      change: base === undefined ? 'added' : 'removed',
      rows:
        n === null
          ? null
          : base === undefined
            ? { added: n, removed: 0, changed: 0 }
            : { added: 0, removed: n, changed: 0 },
      note: kind,
    };
  }
  const kinds = [kindOf(base), kindOf(head)];
  if (kinds[0] !== null || kinds[1] !== null) {
    const note = [
      kinds[0] === null ? null : `${kinds[0]} at the base`,
      kinds[1] === null ? null : `${kinds[1]} at the head`,
    ]
      .filter((x) => x !== null)
      .join(', ');
    return { file, change: 'changed', rows: null, note };
  }
  if ((base.size ?? 0) > maxRowCompareBytes || (head.size ?? 0) > maxRowCompareBytes) {
    return {
      file,
      change: 'changed',
      rows: null,
      note: `rows not compared: over ${maxRowCompareBytes / 1024 / 1024} MiB`,
    };
  }
  const { rows, isHeaderChanged } = await compareRows(file, base, head, cwd);
  return {
    file,
    change: 'changed',
    rows,
    note: isHeaderChanged ? 'header changed' : base.mode !== head.mode ? 'file mode changed' : null,
  };
}

/**
 * The files under the data directory `dir` (relative to the repository's top `cwd`) that differ
 * between two commits, with rows added, removed and changed. Reads blobs from git, streaming.
 */
export async function compareDataAt(
  baseSha: string,
  headSha: string,
  dir: string,
  cwd: string,
): Promise<DataFileChange[]> {
  const [base, head] = await Promise.all([listTreeAt(baseSha, dir, cwd), listTreeAt(headSha, dir, cwd)]);
  const files = [...new Set([...base.keys(), ...head.keys()])]
    .sort()
    .filter((f) => base.get(f)?.object !== head.get(f)?.object || base.get(f)?.mode !== head.get(f)?.mode);
  const out: DataFileChange[] = [];
  for (const file of files.slice(0, maxFilesListed))
    out.push({ ...(await describeFile(file, base.get(file), head.get(file), cwd)), file });
  if (files.length > maxFilesListed) {
    out.push({
      file: `${files.length - maxFilesListed} more files under ${dir}`,
      change: 'changed',
      rows: null,
      note: 'not listed',
    });
  }
  return out;
}
