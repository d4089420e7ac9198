import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRevops } from '../helpers/cli.js';
import type { CliRun } from '../helpers/cli.js';
import {
  allElements,
  allNodes,
  attributeNames,
  attributeOf,
  describeElement,
  isText,
  parseHtmlPage,
} from '../helpers/html-tree.js';
import { examplePolicies, makeTempDir, repoRoot } from '../helpers/paths.js';

/**
 * Names from the policies, the data and the command line that try to become markup in the HTML
 * report: a script, an attribute that breaks out of its quotes into an event handler, an image
 * with an error handler, a `javascript:` URL, bidi overrides and zero-width characters. Each
 * starts with a word of its own (`Evil-stage`) so the test can find where the page shows it.
 */
const HOSTILE = {
  stage: 'Evil-stage <script>alert(1)</script> \u202Eexe.gnp',
  guardrail: 'Evil-guard <script>alert(1)</script> " onmouseover="x \u200B',
  person: `Evil-person <img src=x onerror=y> ' onfocus='y`,
  source: 'Evil-source javascript:alert(1) <img src=x onerror=y> \u2066x\u2069',
  amount: 'Evil-amount <script>alert(1)</script> javascript:alert(1)',
  file: 'Evil-file <script>alert(1)<\u202E script> " onmouseover="x',
  ref: `Evil-ref <svg onload=z> javascript:alert(1) \u200B'`,
};

/** Where each name goes: the evaluation report and the impact report carry these. */
const IN_EVALUATION = ['stage', 'person', 'source', 'amount', 'file'] as const;
const IN_IMPACT = ['stage', 'guardrail', 'ref'] as const;

/** Control and invisible characters a page must show as `<U+…>`, never raw. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
/**
 * The inert elements a report page may use (HTML text and tables, SVG shapes); anything else
 * (script, img, iframe, a, use, foreignObject, or a tag name that markup in a name made up) fails.
 */
const INERT = new Set(
  [
    'html head body meta title style main header footer nav section article aside div span p br hr wbr bdi',
    'h1 h2 h3 h4 h5 h6 strong em b i u s small mark sup sub abbr code kbd samp var cite dfn q blockquote del ins data time',
    'table caption colgroup col thead tbody tfoot tr th td ul ol li dl dt dd details summary figure figcaption',
    'meter progress output svg g defs title desc rect line polyline polygon path circle ellipse text tspan',
    'pattern linearGradient radialGradient stop clipPath mask marker symbol',
  ]
    .join(' ')
    .split(' '),
);
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster'];

/** What a reader sees for a hostile name: invisible characters as `<U+…>`, the rest as typed. */
function visible(name: string): string {
  return name.replace(
    /[\p{Cc}\p{Cf}\u2028\u2029]/gu,
    (ch) => `<U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

/** The YAML of a policy with a display text replaced, asserting the text was there. */
function replaceIn(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  expect(text, `${file} holds ${from}`).toContain(from);
  writeFileSync(file, text.replace(from, to));
}

/**
 * Rewrites a display name and a description of a copy of the example policies (ids are
 * `[a-z][a-z0-9_-]*` by schema, so names and descriptions are the policies' free text).
 */
function makeHostilePolicies(dir: string): void {
  replaceIn(join(dir, 'funnel.yaml'), 'name: Marketing qualified', `name: ${JSON.stringify(HOSTILE.stage)}`);
  replaceIn(
    join(dir, 'guardrails.yaml'),
    'description: More work at the bottleneck than the team can do means slower first touch and lost deals.',
    `description: ${JSON.stringify(HOSTILE.guardrail)}`,
  );
}

/** A CSV cell. */
const csv = (s: string): string => `"${s.replaceAll('"', '""')}"`;

/** Every rule of a safe page, each failure naming the element. */
function expectInert(html: string): void {
  const bad = INVISIBLE.exec(html.replace(/[\n\t]/g, ''));
  expect(bad, `a raw control or invisible character ${JSON.stringify(bad?.[0])} at offset ${bad?.index}`).toBeNull();
  const elements = allElements(parseHtmlPage(html));
  for (const element of elements) {
    expect(INERT.has(element.tagName), `an element the report does not use: ${describeElement(element)}`).toBe(true);
    for (const name of attributeNames(element)) {
      expect(name, `an attribute name made of markup on ${describeElement(element)}`).toMatch(
        /^[A-Za-z][A-Za-z0-9:-]*$/,
      );
      expect(name, `an event handler on ${describeElement(element)}`).not.toMatch(/^on/i);
      if (URL_ATTRIBUTES.includes(name.toLowerCase()))
        expect.fail(`a URL attribute ${name} on ${describeElement(element)}: the report links or loads nothing`);
    }
  }
  const csp = elements.find((e) => attributeOf(e, 'http-equiv') === 'Content-Security-Policy');
  expect(attributeOf(csp!, 'content')).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:$/);
}

/**
 * Where the page shows a hostile name, it shows it as text: whole, or cut with `…` where space
 * is short (a chart's category label; its table has the whole name), never as markup. Returns
 * the names shown whole at least once.
 */
function shownNames(html: string): string[] {
  const texts = allNodes(parseHtmlPage(html))
    .filter(isText)
    .map((t) => t.value);
  const shown: string[] = [];
  for (const [key, name] of Object.entries(HOSTILE)) {
    const marker = name.split(' ')[0]!;
    const whole = visible(name);
    for (const text of texts.filter((t) => t.includes(marker))) {
      const rest = text.slice(text.indexOf(marker));
      const cut = rest.endsWith('…') && whole.startsWith(rest.slice(0, -1));
      expect(
        rest.startsWith(whole) || cut,
        `"${marker}" shown as ${JSON.stringify(rest)}, not ${JSON.stringify(whole)}`,
      ).toBe(true);
    }
    if (texts.some((t) => t.includes(whole))) shown.push(key);
  }
  return shown;
}

/**
 * Whether the page has its sections: the foundation page shows only a headline (the stage, the
 * compared refs); a full page shows every name its report carries.
 */
function hasSections(html: string): boolean {
  return allElements(parseHtmlPage(html)).some((e) => e.tagName === 'section');
}

describe('hostile names through the HTML reports', () => {
  let policies: string;
  let head: string;
  let data: string;

  beforeAll(() => {
    const temp = makeTempDir('revops-html-hostile-');
    policies = join(temp.dir, 'policies');
    cpSync(examplePolicies, policies, { recursive: true });
    makeHostilePolicies(policies);
    head = join(temp.dir, HOSTILE.ref);
    cpSync(join(repoRoot, 'examples', 'proposed-change', 'policies'), head, { recursive: true });
    makeHostilePolicies(head);
    data = join(temp.dir, HOSTILE.file);
    mkdirSync(data);
    for (const file of readdirSync(join(repoRoot, 'examples', 'data')).filter((f) => f.endsWith('.csv')))
      cpSync(join(repoRoot, 'examples', 'data', file), join(data, file));
    replaceIn(join(data, 'users.csv'), ',Marco Reyes,', `,${csv(HOSTILE.person)},`);
    const leads = join(data, 'leads.csv');
    writeFileSync(leads, readFileSync(leads, 'utf8').replaceAll(',organic,', `,${csv(HOSTILE.source)},`));
    // One amount that is not a number: the rejected row's raw value is quoted where the data is accounted for.
    replaceIn(join(data, 'opportunities.csv'), ',4940.00,USD,', `,${csv(HOSTILE.amount)},USD,`);
    return temp.cleanup;
  });

  const evaluate = (format: string) =>
    runRevops(['evaluate', '-q', '--policies', policies, '--data', data, '--format', format]);
  const impact = (format: string) =>
    runRevops(['impact', '-q', '--base-dir', policies, '--head-dir', head, '--data', data, '--format', format]);

  it('the names reach the reports (so the pages are tested with them)', async () => {
    const carried = async (run: Promise<CliRun>, keys: readonly (keyof typeof HOSTILE)[]): Promise<string[]> => {
      const { code, stdout, stderr } = await run;
      expect(code, stderr).toBe(0);
      const report = JSON.stringify(JSON.parse(stdout));
      return keys.filter((key) => report.includes(JSON.stringify(HOSTILE[key]).slice(1, -1)));
    };
    expect(await carried(evaluate('json'), IN_EVALUATION)).toEqual(IN_EVALUATION);
    expect(await carried(impact('json'), IN_IMPACT)).toEqual(IN_IMPACT);
  });

  it('evaluate --format html: no script, handler, URL or raw invisible character; names shown whole as text', async () => {
    const run = await evaluate('html');
    expect(run.code, run.stderr).toBe(0);
    expectInert(run.stdout);
    expect(shownNames(run.stdout)).toEqual(
      expect.arrayContaining(hasSections(run.stdout) ? [...IN_EVALUATION] : ['stage']),
    );
  });

  it('impact --format html: no script, handler, URL or raw invisible character; names shown whole as text', async () => {
    const run = await impact('html');
    expect(run.code, run.stderr).toBe(0);
    expectInert(run.stdout);
    expect(shownNames(run.stdout)).toEqual(
      expect.arrayContaining(hasSections(run.stdout) ? [...IN_IMPACT] : ['stage', 'ref']),
    );
  });
});
