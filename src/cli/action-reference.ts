import { UsageError } from '../core/errors.js';

/** What the scaffolded workflows say where the revops action's reference goes. */
export const actionPlaceholder = 'OWNER/REPO@REF';

/**
 * `owner/repo@ref` or `owner/repo/path@ref`: the characters GitHub allows in names and refs,
 * and nothing that YAML would read as more than a plain string (no space, `#`, `:` or quote).
 */
const referencePattern = /^[A-Za-z0-9-]{1,39}\/[A-Za-z0-9_.-]{1,100}(?:\/[A-Za-z0-9_.-]+)*@[A-Za-z0-9_./-]{1,255}$/;

/** Checks `--action`; the reference goes into workflow files as it is. */
export function parseActionReference(text: string): string {
  const reference = text.trim();
  if (!referencePattern.test(reference) || reference.includes('..'))
    throw new UsageError(
      `--action must be owner/repo@ref (a tag, or better a full commit SHA), not ${JSON.stringify(text.slice(0, 80))}.`,
    );
  return reference;
}

/** The GitHub `owner/repo` a package.json `repository` URL names, if it is on github.com. */
export function githubRepoOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const match =
    /^(?:git\+)?(?:https?:\/\/|git:\/\/|ssh:\/\/git@)?(?:www\.)?github\.com[/:]([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(
      url.trim(),
    );
  const short = /^(?:github:)?([\w.-]+)\/([\w.-]+)$/.exec(url.trim());
  const found = match ?? short;
  return found === null ? undefined : `${found[1]}/${found[2]}`;
}

/** Whether a reference is pinned by a full commit SHA (a tag can be moved; a SHA cannot). */
export function isPinnedBySha(reference: string): boolean {
  return /@[0-9a-f]{40}$/.test(reference);
}
