/**
 * The hidden first line of the sticky comment: `<!-- revops-policy:impact sha=<sha> run=<id>.<attempt> -->`.
 * The name finds the comment again; `sha` says which head commit it describes; `run` orders
 * runs so that an older run never overwrites a newer one.
 */
export const defaultMarkerName = 'revops-policy:impact';

/** A workflow run id and attempt; both grow monotonically, the id first. */
export interface RunStamp {
  id: bigint;
  attempt: bigint;
}

export interface MarkerFields {
  sha?: string;
  run?: RunStamp;
}

const namePattern = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;
/**
 * A run id is a positive safe integer (GitHub's ids are far below 2^53) and an attempt, when
 * given, a positive number of up to four digits; no sign, space or leading zero. A bound keeps
 * a forged stamp from outranking every real run.
 */
const stampPattern = /^([1-9]\d{0,15})(?:\.([1-9]\d{0,3}))?$/;
const maxRunId = BigInt(Number.MAX_SAFE_INTEGER);

export function isMarkerName(name: string): boolean {
  return namePattern.test(name);
}

/** `123` or `123.2` (run id and attempt); undefined when the text is not one or is out of range. */
export function parseRunStamp(text: string): RunStamp | undefined {
  const match = stampPattern.exec(text);
  if (match === null) return undefined;
  const id = BigInt(match[1] ?? '0');
  if (id > maxRunId) return undefined;
  return { id, attempt: BigInt(match[2] ?? '0') };
}

export function formatRunStamp(stamp: RunStamp): string {
  return stamp.attempt === 0n ? `${stamp.id}` : `${stamp.id}.${stamp.attempt}`;
}

/** Negative when `a` is older than `b`, positive when newer, 0 when the same run and attempt. */
export function compareRunStamps(a: RunStamp, b: RunStamp): number {
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  if (a.attempt !== b.attempt) return a.attempt < b.attempt ? -1 : 1;
  return 0;
}

export function buildMarker(name: string, fields: MarkerFields): string {
  const parts = [name];
  if (fields.sha !== undefined) parts.push(`sha=${fields.sha}`);
  if (fields.run !== undefined) parts.push(`run=${formatRunStamp(fields.run)}`);
  return `<!-- ${parts.join(' ')} -->`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Any line that looks like a marker of this name, whatever its fields (to drop from a body file). */
function looseMarkerPattern(name: string): RegExp {
  return new RegExp(`^[ \\t]*<!-- ${escapeRegExp(name)}((?: [a-z]+=[^\\s>]*)*) -->[ \\t]*$`);
}

/** Exactly what `buildMarker` writes: the name, then optionally `sha=`, then optionally `run=`. */
function exactMarkerPattern(name: string): RegExp {
  return new RegExp(`^<!-- ${escapeRegExp(name)}(?: sha=([0-9a-f]{40}|[0-9a-f]{64}))?(?: run=([0-9.]{1,21}))? -->$`);
}

/** The first line of a body, without the `\r` of a CRLF ending (GitHub may store either). */
function firstLine(body: string): string {
  const end = body.indexOf('\n');
  const line = end === -1 ? body : body.slice(0, end);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/**
 * The fields of our marker when it is the body's first line in exactly the form `buildMarker`
 * writes; undefined otherwise. A marker further down (quoted text, a report that echoes it) or
 * with an unknown field, a malformed or out-of-range run stamp, or a short SHA is not ours.
 */
export function findMarker(body: string, name: string): MarkerFields | undefined {
  const match = exactMarkerPattern(name).exec(firstLine(body));
  if (match === null) return undefined;
  const fields: MarkerFields = {};
  if (match[1] !== undefined) fields.sha = match[1];
  if (match[2] !== undefined) {
    const stamp = parseRunStamp(match[2]);
    if (stamp === undefined) return undefined;
    fields.run = stamp;
  }
  return fields;
}

/** The body with every line that looks like a marker of this name removed (a body file may already carry one). */
export function removeMarkerLines(body: string, name: string): string {
  const pattern = looseMarkerPattern(name);
  return body
    .split('\n')
    .filter((line) => !pattern.test(line.replace(/\r$/, '')))
    .join('\n');
}

/**
 * The body as compared for "unchanged": line endings normalised, the first line's run stamp and
 * trailing space dropped.
 */
export function comparableBody(body: string, name: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  if (findMarker(lines[0] ?? '', name) !== undefined) lines[0] = (lines[0] ?? '').replace(/ run=[^\s>]*/, '');
  return lines.join('\n').trimEnd();
}
