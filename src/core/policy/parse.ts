import { isAlias, isCollection, isMap, isScalar, LineCounter, parseAllDocuments, visit } from 'yaml';
import type { Document, Node as YamlNode, ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';
import { forbiddenPathSegments } from '../logic/operators.js';
import type { Issue } from '../issue.js';
import { formatPath } from '../issue.js';
import { precheckText } from './precheck.js';

/** A policy file after YAML parsing: its document (with source positions) and, when clean, its data. */
export interface ParsedFile {
  file: string;
  text: string;
  lineCounter: LineCounter;
  doc?: Document.Parsed;
  /** Plain data, only when the YAML layer found no error. */
  data?: Record<string, unknown>;
}

/** YAML options that make parsing safe for files anyone can change in a pull request. */
export const safeYamlOptions: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: true,
  strict: true,
  prettyErrors: false,
  stringKeys: true,
  resolveKnownTags: false,
  customTags: [],
};

const allowedTags = new Set(['tag:yaml.org,2002:str']);
const forbiddenKeys: ReadonlySet<string> = new Set(forbiddenPathSegments);

const yamlErrorHints: Record<string, string> = {
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  DUPLICATE_KEY: 'Each key may appear once in a mapping (`a` and `"a"` are the same key); remove or rename one.',
  BAD_INDENT: 'Check the indentation and that every bracket and quote is closed.',
  MISSING_CHAR: 'A closing bracket, brace or quote is missing.',
  NON_STRING_KEY: 'Keys must be plain names; complex keys (`? [a, b]`) are not allowed.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; check for a missing `:` or quote on the line before.',
  UNEXPECTED_TOKEN: 'Check the syntax around this position: a stray character, or a missing `:` or `-`.',
};

/** Parses one policy file safely; every problem found becomes an issue. */
export function parsePolicyFile(file: string, bytes: Uint8Array, issues: Issue[]): ParsedFile {
  const lineCounter = new LineCounter();
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const result: ParsedFile = { file, text, lineCounter };
  const at = (code: string, message: string, hint: string, line = 0, column = 0, path = ''): void => {
    issues.push({ code, severity: 'error', message, hint, file, path, line, column });
  };

  if (text.includes('\uFFFD')) {
    at('file.encoding', 'File is not valid UTF-8.', 'Save the file as UTF-8.');
    return result;
  }
  const tooBig = precheckText(text, bytes.byteLength);
  if (tooBig !== undefined) {
    at(tooBig.code, tooBig.message, tooBig.hint, tooBig.line, tooBig.column);
    return result;
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    at('file.empty', 'File is empty.', 'Write a policy (apiVersion, kind, metadata, spec) or delete the file.');
    return result;
  }

  const docs = parseAllDocuments(text, { ...safeYamlOptions, lineCounter });
  if (docs.length === 0) {
    at('file.no-content', 'File holds only comments.', 'Write a policy (apiVersion, kind, metadata, spec) or delete the file.');
    return result;
  }
  const pos = (offset: number): { line: number; column: number } => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (docs.length > 1) {
    const second = docs[1]?.range[0] ?? 0;
    const p = pos(second);
    at('yaml.multiple-documents', `File holds ${docs.length} YAML documents; a policy file holds one.`,
      'Put each policy in its own file (remove the `---` separator).', p.line, p.column);
  }
  const doc = docs[0] as Document.Parsed;
  result.doc = doc;
  const before = issues.length;

  for (const problem of [...doc.errors, ...doc.warnings]) {
    const p = pos(problem.pos[0]);
    const message = problem.message.split('\n')[0] ?? problem.message;
    const hint = yamlErrorHints[problem.code] ?? 'Fix the YAML syntax at this position.';
    const code = `yaml.${problem.code.toLowerCase().replace(/_/g, '-')}`;
    at(code, message.endsWith('.') ? message : `${message}.`, hint, p.line, p.column);
  }
  const version = doc.directives?.yaml;
  if (version !== undefined && version.explicit && version.version !== '1.2') {
    at('yaml.version', `YAML ${version.version} is not supported; policies are YAML 1.2.`,
      'Remove the `%YAML` directive; YAML 1.1 reads values like `no` and `010` differently.', 1, 1);
  }
  checkNodes(doc, file, pos, issues);

  if (issues.length > before || docs.length > 1) return result;
  if (!isMap(doc.contents)) {
    const p = pos(doc.contents?.range?.[0] ?? 0);
    const what = doc.contents === null ? 'nothing' : isCollection(doc.contents) ? 'a list' : 'a single value';
    at('yaml.not-a-mapping', `The file holds ${what}; a policy is a mapping with apiVersion, kind, metadata and spec.`,
      'Start the file with `apiVersion: revops/v1` and `kind: ...` at the top level.', p.line, p.column);
    return result;
  }
  result.data = doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;
  return result;
}

/** Rejects what YAML allows but policies must not use: tags, anchors, aliases, prototype keys. */
function checkNodes(doc: Document.Parsed, file: string, pos: (o: number) => { line: number; column: number }, issues: Issue[]): void {
  // The path is worked out only for a node that has a problem: most nodes have none.
  const push = (code: string, message: string, hint: string, node: YamlNode, path: () => (string | number)[]): void => {
    const p = pos(node.range?.[0] ?? 0);
    issues.push({ code, severity: 'error', message, hint, file, path: formatPath(path()), line: p.line, column: p.column });
  };
  visit(doc, {
    Node(_key, node, ancestors) {
      const path = () => pathOf(ancestors, node);
      if (isAlias(node)) {
        push('yaml.alias', `Alias \`*${node.source}\` is not allowed in policies.`, 'Write the value out in full instead of using anchors and aliases.', node, path);
        return visit.SKIP;
      }
      if (node.anchor !== undefined) {
        push('yaml.anchor', `Anchor \`&${node.anchor}\` is not allowed in policies.`, 'Remove the anchor; write repeated values out in full.', node, path);
      }
      if (node.tag !== undefined && !allowedTags.has(node.tag)) {
        const shown = node.tag.replace(/^tag:yaml\.org,2002:/, '!!');
        push('yaml.tag', `Tag \`${shown}\` is not allowed in policies.`, 'Remove the tag and write a plain value (quote it to make it a string).', node, path);
      }
      return undefined;
    },
    Pair(_key, pair, ancestors) {
      if (isScalar(pair.key) && typeof pair.key.value === 'string' && forbiddenKeys.has(pair.key.value)) {
        const key = pair.key.value;
        push('yaml.forbidden-key', `Key \`${key}\` is not allowed.`, 'Rename the key; this name could alter object prototypes.', pair.key, () => [...pathOf(ancestors, undefined), key]);
      }
    },
  });
}

/** The data path of a node from the ancestor chain `visit` gives. */
function pathOf(ancestors: readonly unknown[], node: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  const chain = node === undefined ? ancestors : [...ancestors, node];
  for (let i = 1; i < chain.length; i++) {
    const parent = chain[i - 1];
    const child = chain[i];
    if (isCollection(parent) && !isMap(parent)) {
      path.push(parent.items.indexOf(child as never));
    } else if (child !== null && typeof child === 'object' && 'key' in child && 'value' in child) {
      const key = (child as { key: unknown }).key;
      if (isScalar(key)) path.push(String(key.value));
    }
  }
  return path;
}
