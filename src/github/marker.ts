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
const stampPattern = /^(\d{1,20})(?:\.(\d{1,10}))?$/;

export function isMarkerName(name: string): boolean {
  return namePattern.test(name);
}

/** `123` or `123.2` (run id and attempt); undefined when the text is not one. */
export function parseRunStamp(text: string): RunStamp | undefined {
  const match = stampPattern.exec(text);
  if (match === null) return undefined;
  return { id: BigInt(match[1] ?? '0'), attempt: BigInt(match[2] ?? '0') };
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

function markerLinePattern(name: string, flags = ''): RegExp {
  return new RegExp(`^[ \\t]*<!-- ${escapeRegExp(name)}((?: [a-z]+=[^\\s>]*)*) -->[ \\t]*$`, flags);
}

/** The fields of the first marker line with this name in a comment body; undefined when there is none. */
export function findMarker(body: string, name: string): MarkerFields | undefined {
  const match = markerLinePattern(name, 'm').exec(body);
  if (match === null) return undefined;
  const fields: MarkerFields = {};
  for (const pair of (match[1] ?? '').trim().split(' ')) {
    const [key, value = ''] = pair.split('=');
    if (key === 'sha' && /^[0-9a-f]{7,64}$/.test(value)) fields.sha = value;
    if (key === 'run') {
      const stamp = parseRunStamp(value);
      if (stamp !== undefined) fields.run = stamp;
    }
  }
  return fields;
}

/** The body with every marker line of this name removed (a body file may already carry one). */
export function removeMarkerLines(body: string, name: string): string {
  return body
    .split('\n')
    .filter((line) => !markerLinePattern(name).test(line.replace(/\r$/, '')))
    .join('\n');
}

/** The body as compared for "unchanged": line endings normalised, the run stamp and trailing space dropped. */
export function comparableBody(body: string, name: string): string {
  const normalised = body.replace(/\r\n?/g, '\n');
  return normalised
    .split('\n')
    .map((line) => (markerLinePattern(name).test(line) ? line.replace(/ run=[^\s>]*/, '') : line))
    .join('\n')
    .trimEnd();
}
