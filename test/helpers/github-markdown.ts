import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';

/**
 * Markdown as a GitHub-flavoured renderer turns it into HTML (CommonMark + GFM tables, with raw
 * HTML passed through as GitHub passes `<details>` and `<summary>`), so tests assert on what a
 * reader sees rather than on the markdown source.
 */
export function renderGithubMarkdown(markdown: string): string {
  return micromark(markdown, { allowDangerousHtml: true, extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** The text of each `<summary>` in rendered HTML. */
export function summariesOf(html: string): string[] {
  return [...html.matchAll(/<summary>([\s\S]*?)<\/summary>/g)].map((m) => m[1] ?? '');
}

/** Every table cell (`<td>`) of rendered HTML, its inner HTML trimmed. */
export function tableCellsOf(html: string): string[] {
  return [...html.matchAll(/<td(?: [^>]*)?>([\s\S]*?)<\/td>/g)].map((m) => (m[1] ?? '').trim());
}
