import { isMap, isScalar, isSeq, Lexer, parseDocument, Scalar } from 'yaml';
import type { Document, Pair, ScalarTag, Tags, ToStringOptions, YAMLMap } from 'yaml';
import type { JsonSchema } from '../schemas/index.js';
import { safeYamlOptions } from './parse.js';

type Resolve = (ref: string) => JsonSchema | undefined;
type StringifyScalar = NonNullable<ScalarTag['stringify']>;

const stringOptions: ToStringOptions = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 0,
  flowCollectionPadding: false,
};

/**
 * One formatting pass: keys in schema order, 2-space indentation, every scalar written as in
 * the source (re-indented only), spaces before trailing comments, BOM and CRLF kept.
 * Throws if the text does not parse; callers parse it first.
 */
export function renderCanonical(text: string, schema: JsonSchema): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const source = text.slice(bom.length);
  const firstBreak = source.indexOf('\n');
  const isCrlf = firstBreak > 0 && source[firstBreak - 1] === '\r';
  const body = source.replace(/\r\n/g, '\n');
  const doc = parseDocument(body, { ...safeYamlOptions, customTags: keepSourceText(body) });
  if (doc.errors.length > 0) throw new Error(doc.errors[0]?.message ?? 'YAML error');
  orderPolicyKeys(doc, schema);
  let output = restoreCommentGaps(body, doc.toString(stringOptions));
  if (!output.endsWith('\n')) output += '\n';
  return bom + (isCrlf ? output.replace(/\n/g, '\r\n') : output);
}

/**
 * Orders the keys of every mapping the schema knows as its `properties` list them, following
 * `$ref`, `items`, `prefixItems`, `additionalProperties` and `then`/`else`. Keys the schema does
 * not list keep their relative order after the known ones. Changes `doc` in place.
 */
export function orderPolicyKeys(doc: Document, schema: JsonSchema): void {
  const defs = (schema.$defs ?? {}) as Record<string, JsonSchema>;
  const resolve: Resolve = (ref) => (ref.startsWith('#/$defs/') ? defs[ref.slice('#/$defs/'.length)] : undefined);
  orderNode(doc.contents, collectFacets(schema, resolve), resolve);
}

function orderNode(node: unknown, facets: JsonSchema[], resolve: Resolve): void {
  if (facets.length === 0) return;
  if (isMap(node)) {
    reorderPairs(node, listPropertyOrder(facets));
    for (const pair of node.items) {
      if (isScalar(pair.key)) orderNode(pair.value, findChildFacets(facets, String(pair.key.value), resolve), resolve);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => orderNode(item, findItemFacets(facets, index, resolve), resolve));
  }
}

/** The schema with every `$ref` and conditional branch it may apply through, flattened. */
function collectFacets(schema: unknown, resolve: Resolve, seen = new Set<unknown>()): JsonSchema[] {
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema) || seen.has(schema)) return [];
  seen.add(schema);
  const node = schema as JsonSchema;
  const facets = [node];
  if (typeof node.$ref === 'string') facets.push(...collectFacets(resolve(node.$ref), resolve, seen));
  facets.push(...collectFacets(node.then, resolve, seen), ...collectFacets(node.else, resolve, seen));
  return facets;
}

function listPropertyOrder(facets: JsonSchema[]): string[] {
  const order = new Set<string>();
  for (const facet of facets) {
    if (facet.properties !== null && typeof facet.properties === 'object')
      for (const key of Object.keys(facet.properties)) order.add(key);
  }
  return [...order];
}

function findChildFacets(facets: JsonSchema[], key: string, resolve: Resolve): JsonSchema[] {
  const found = facets.flatMap((facet) => {
    const properties = facet.properties as Record<string, unknown> | undefined;
    return properties !== undefined && Object.hasOwn(properties, key) ? collectFacets(properties[key], resolve) : [];
  });
  return found.length > 0 ? found : facets.flatMap((facet) => collectFacets(facet.additionalProperties, resolve));
}

function findItemFacets(facets: JsonSchema[], index: number, resolve: Resolve): JsonSchema[] {
  return facets.flatMap((facet) => {
    const prefix = Array.isArray(facet.prefixItems) ? (facet.prefixItems as unknown[]) : [];
    return collectFacets(index < prefix.length ? prefix[index] : facet.items, resolve);
  });
}

/** Stable reorder. What sits above a mapping's first key (the file header) stays at the top. */
function reorderPairs(map: YAMLMap, order: readonly string[]): void {
  const rank = (pair: Pair): number => {
    const index = isScalar(pair.key) ? order.indexOf(String(pair.key.value)) : -1;
    return index === -1 ? order.length : index;
  };
  const ranked = map.items.map((pair, index) => ({ pair, index, rank: rank(pair) }));
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index);
  const oldFirst = map.items[0]?.key;
  map.items = ranked.map((entry) => entry.pair);
  const newFirst = map.items[0]?.key;
  if (oldFirst === newFirst || !isScalar(oldFirst) || !isScalar(newFirst)) return;
  const lead = oldFirst.commentBefore;
  const own = newFirst.commentBefore;
  if (lead) newFirst.commentBefore = own ? `${lead}${newFirst.spaceBefore === true ? '\n\n' : '\n'}${own}` : lead;
  newFirst.spaceBefore = oldFirst.spaceBefore;
  oldFirst.commentBefore = undefined;
  oldFirst.spaceBefore = undefined;
}

/**
 * Every scalar is written as its source spells it (`1.50`, `"\u00e9"`, a hand-wrapped `>`
 * paragraph), only re-indented; the yaml library would respell numbers and join wrapped lines.
 */
function keepSourceText(source: string): (tags: Tags) => Tags {
  return (tags) =>
    tags.map((tag) => {
      if (typeof tag !== 'object' || tag.collection !== undefined || tag.stringify === undefined) return tag;
      const base: StringifyScalar = tag.stringify;
      const stringify: StringifyScalar = (item, ctx, onComment, onChompKeep) =>
        renderSourceText(item, ctx, source, onComment) ?? base(item, ctx, onComment, onChompKeep);
      return { ...tag, stringify } as ScalarTag;
    });
}

function renderSourceText(
  item: Scalar,
  ctx: Parameters<StringifyScalar>[1],
  source: string,
  onComment?: () => void,
): string | undefined {
  const range = item.range;
  if (range === undefined || range === null || ctx.implicitKey === true) return undefined;
  const raw = source.slice(range[0], range[1]);
  if (item.type === Scalar.BLOCK_FOLDED || item.type === Scalar.BLOCK_LITERAL) {
    const [head = '', ...lines] = raw.split('\n');
    // Keep-chomping and explicit indentation indicators depend on layout; the library handles those.
    if (ctx.indent === '' || !/^[|>]-?([ \t]+#.*)?$/.test(head)) return undefined;
    while (lines.length > 0 && lines[lines.length - 1]?.trim() === '') lines.pop();
    const first = lines.find((line) => line.trim() !== '') ?? '';
    const width = first.length - first.trimStart().length;
    if (lines.some((line) => line.trim() !== '' && !line.startsWith(' '.repeat(width)))) return undefined;
    if (item.comment) onComment?.();
    return [head, ...lines.map((line) => (line.length <= width ? '' : ctx.indent + line.slice(width)))].join('\n');
  }
  if (!raw.includes('\n')) return raw;
  if (ctx.inFlow === true || ctx.indent === '') return undefined;
  const [head = '', ...lines] = raw.split('\n');
  return [head, ...lines.map((line) => (line.trim() === '' ? '' : ctx.indent + line.trimStart()))].join('\n');
}

/** A comment as the lexer sees it, with what precedes it on its line (blank when on its own line). */
export interface ScannedComment {
  comment: string;
  before: string;
}

// The lexer marks structure with these characters; everything else it yields is source text.
const lexerMarks = new Set(['\x02', '\x18', '\x1f', '\uFEFF']);

/** Every comment token of a YAML text; `edit` may replace the text before a comment on its line. */
export function scanComments(
  text: string,
  edit?: (c: ScannedComment) => string | undefined,
): { comments: ScannedComment[]; text: string } {
  const comments: ScannedComment[] = [];
  let out = '';
  for (const token of new Lexer().lex(text)) {
    if (lexerMarks.has(token)) continue;
    if (token.startsWith('#')) {
      const scanned = { comment: token.trimEnd(), before: out.slice(out.lastIndexOf('\n') + 1) };
      comments.push(scanned);
      const replaced = edit?.(scanned);
      if (replaced !== undefined) out = out.slice(0, out.length - scanned.before.length) + replaced;
    }
    out += token;
  }
  return { comments, text: out };
}

/** Keeps the spaces authors put before trailing comments, so aligned comments stay aligned. */
function restoreCommentGaps(original: string, output: string): string {
  const gaps = new Map<string, string[]>();
  const keyOf = (c: ScannedComment): string => `${c.before.trim().replace(/^(-[ \t]+)+/, '')}\u0000${c.comment}`;
  for (const c of scanComments(original).comments) {
    if (c.before.trim() === '') continue;
    gaps.set(keyOf(c), [...(gaps.get(keyOf(c)) ?? []), /[ \t]+$/.exec(c.before)?.[0] ?? ' ']);
  }
  return scanComments(output, (c) => {
    const gap = c.before.trim() === '' ? undefined : gaps.get(keyOf(c))?.shift();
    return gap === undefined ? undefined : c.before.trimEnd() + gap;
  }).text;
}
