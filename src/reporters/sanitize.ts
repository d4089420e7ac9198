/**
 * One escaping function per output kind, for text that comes from a policy, a data file, a
 * file name or anyone else outside the tool (the README's "The report" says what each output shows):
 *
 * - terminal and CI log: {@link terminalText} for one untrusted value, {@link terminalLines}
 *   for a multi-line message, {@link terminalOutput} for a whole rendered report (the edge);
 * - GitHub workflow commands: {@link workflowCommandData} and {@link workflowCommandProperty};
 * - GitHub markdown (comment, job summary): {@link escapeMarkdown}, and {@link escapeMarkdownHtml}
 *   inside its raw HTML (a `<summary>`);
 * - JSON printed or written by a command: {@link jsonText};
 * - the HTML report (text and quoted attribute values, SVG included): {@link escapeHtml}.
 *
 * Each leaves nothing a terminal, the Actions runner or GitHub's renderer would act on.
 */

const ZERO_WIDTH_SPACE = '\u200B';

/**
 * Control characters (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width
 * characters, soft hyphen, tag characters, BOM) and the Unicode line and paragraph separators.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/** A line the Actions runner would read as a workflow command (`::cmd::`), after its leading-space trim. */
const COMMAND_START = /^\s*::/u;

/** A legacy workflow command (`##[cmd]data`): the runner looks for it anywhere in a line, not only at its start. */
const LEGACY_COMMAND = /##\[/g;

/** Our own colour codes (SGR: `ESC [ digits ; m`), the only escape sequences we ever print. */
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;

/** A visible stand-in for an invisible or control character: a control picture (␛, ␊) or `<U+202E>`. */
function showCodePoint(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * Text whose line would start a workflow command gets a visible `\` in front; a legacy `##[`
 * anywhere becomes `##\[`.
 */
function defuseCommand(line: string): string {
  const unbracketed = line.replace(LEGACY_COMMAND, '##\\[');
  return COMMAND_START.test(unbracketed.replace(SGR, '')) ? `\\${unbracketed}` : unbracketed;
}

/**
 * One untrusted value (a policy, case, file or user name, a CRM value, a rule description) for a
 * terminal or a CI log: every control and invisible character shows as a visible stand-in (so
 * the value stays on one line and carries no escape sequence), and a value that would start a
 * workflow command (`::error …`) gets a `\` in front, wherever it is placed, and a legacy command
 * (`##[error]`, found anywhere in a line) reads `##\[error]`. Idempotent, so a
 * value escaped twice reads the same.
 */
export function terminalText(value: string): string {
  return defuseCommand(value.replace(INVISIBLE, showCodePoint));
}

/**
 * A multi-line message that may embed untrusted values (an error message): line breaks stay, every
 * other control or invisible character shows as a stand-in, and no line can start a workflow command.
 */
export function terminalLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => terminalText(line))
    .join('\n');
}

/**
 * The edge guard for a whole rendered terminal report: our colour codes (SGR) and line breaks
 * stay; any other escape sequence or control character shows as a stand-in, and no line can
 * start a workflow command. Reporters escape each untrusted value with {@link terminalText}
 * first; this catches whatever a future line forgets.
 */
export function terminalOutput(rendered: string): string {
  // Split around our SGR codes (odd parts) and escape only the text between them (even parts).
  const parts = rendered.split(new RegExp(`(${SGR.source})`));
  const escaped = parts
    .map((part, i) => (i % 2 === 1 ? part : part.replace(INVISIBLE, (ch) => (ch === '\n' ? ch : showCodePoint(ch)))))
    .join('');
  return escaped.split('\n').map(defuseCommand).join('\n');
}

/**
 * Pretty-printed JSON whose strings carry no raw invisible character: `JSON.stringify` already
 * escapes C0 controls; C1 controls, bidi and zero-width characters and U+2028/2029 become
 * `\uXXXX` escapes too, and so does the `[` of a legacy workflow command (`##[`). The data is
 * the same (they only occur inside strings); a terminal or log that shows the JSON sees no
 * escape sequence, bidi trick or workflow command.
 */
export function jsonText(value: unknown): string {
  // C0 controls are left out: JSON.stringify escapes them in strings, and the layout's line breaks are ours.
  const json = JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\p{Cf}\u2028\u2029]/gu, (ch) =>
    [...Array(ch.length).keys()].map((i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`).join(''),
  );
  return `${json.replace(LEGACY_COMMAND, '##\\u005b')}\n`;
}

/** A workflow command's message (`::error …::message`), per GitHub's rules: `%`, CR and LF percent-encoded. */
export function workflowCommandData(text: string): string {
  return text
    .replace(INVISIBLE, (ch) => (ch === '\r' || ch === '\n' ? ch : showCodePoint(ch)))
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');
}

/** A workflow command's property value (`file=…`, `title=…`): the message rules plus `:` and `,`. */
export function workflowCommandProperty(text: string): string {
  return workflowCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * Makes an untrusted string inert in GitHub-flavoured markdown, inline or in a table cell:
 * - no line breaks (they become spaces), and control, bidi and zero-width characters show as `<U+…>`;
 * - no HTML (`<`, `>`, `&` become entities: no tags, no hidden comment spoofing our marker);
 * - no markdown syntax (emphasis, links, code, table pipes are backslash-escaped; a leading list
 *   or heading sign too), no math (`$` sits in a `<span>`, as GitHub's docs advise);
 * - no mentions, references or autolinks: a zero-width space follows `@` and `#`, splits `GH-123`,
 *   `www.`, the `://` of a URL and every six characters of a hex word as long as a commit SHA
 *   (7 or more; our `--mask` pseudonyms stay whole, to be copied), so GitHub links nothing and
 *   notifies no one.
 */
export function escapeMarkdown(text: string): string {
  return defuseReferences(
    text
      .replace(/[\r\n\u2028\u2029]+/g, ' ')
      .replace(INVISIBLE, showCodePoint)
      .replace(/[\\`*_{}[\]()!|~]/g, (ch) => `\\${ch}`)
      .replace(/^(\s*)([-+](?=\s|$)|[-=]+\s*$)/, '$1\\$2')
      .replace(/^(\s*\d{1,9})\.(?=\s|$)/, '$1\\.')
      .replace(/^(\s*):/, '$1\\:')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\$/g, () => '<span>$</span>'),
  );
}

/**
 * An untrusted string inside a raw HTML block of GitHub markdown (a `<summary>` line): GitHub
 * passes the block on as HTML, so a backslash escape would show as a literal `\`. Only HTML
 * entities (`&`, `<`, `>`, quotes), one line, control and invisible characters shown as `<U+…>`,
 * and the same defused mentions, references and autolinks as {@link escapeMarkdown}.
 */
export function escapeMarkdownHtml(text: string): string {
  return defuseReferences(
    text
      .replace(/[\r\n\u2028\u2029]+/g, ' ')
      .replace(INVISIBLE, showCodePoint)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;'),
  );
}

/** No mention, issue reference, autolink or commit link: a zero-width space breaks each (see {@link escapeMarkdown}). */
function defuseReferences(text: string): string {
  return text
    .replace(/[@#]/g, (ch) => `${ch}${ZERO_WIDTH_SPACE}`)
    .replace(/\b(gh)(-\d)/gi, `$1${ZERO_WIDTH_SPACE}$2`)
    .replace(/\b(www)\./gi, `$1${ZERO_WIDTH_SPACE}.`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/(?<!\b(?:person|lead|deal)-)\b[0-9a-f]{7,}\b/gi, (word) =>
      word.replace(/[0-9a-f]{6}(?=[0-9a-f])/gi, `$&${ZERO_WIDTH_SPACE}`),
    );
}

/**
 * An untrusted string in the HTML report, as element text or as a double- or single-quoted
 * attribute value (SVG included): the five HTML-special characters become entities, so no tag,
 * attribute or event handler can start, and control and invisible characters (bidi overrides
 * included) show as `<U+…>` so nothing reorders or hides the text around them. The report never
 * puts an untrusted string in a URL, a style or a script, so none can become a `javascript:` link.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(INVISIBLE, showCodePoint)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
