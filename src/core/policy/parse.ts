import { Composer, isCollection, isMap, isScalar, Lexer, LineCounter, Parser } from 'yaml';
import type { CST, Document, ParseOptions, DocumentOptions, SchemaOptions } from 'yaml';
import type { Issue, PolicyIssueCode } from '../issue.js';
import type { Position } from './locate.js';
import { checkSize, createDepthMeter } from './precheck.js';
import type { PrecheckFailure } from './precheck.js';
import { describeProblems } from './yaml-problems.js';
import { checkNodes } from './yaml-safety.js';

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
  // Repeated keys are found by `checkNodes` in one pass, which every reading of a policy file
  // goes through first: yaml's own check compares each key with every earlier one,
  // quadratic in a mapping's size (40k keys took minutes).
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  stringKeys: true,
  resolveKnownTags: false,
  customTags: [],
};

/** Parses one policy file safely; every problem found becomes an issue. */
export function parsePolicyFile(file: string, bytes: Uint8Array, issues: Issue[]): ParsedFile {
  const lineCounter = new LineCounter();
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const result: ParsedFile = { file, text, lineCounter };
  const at = (code: PolicyIssueCode, message: string, hint: string, line = 0, column = 0, path = ''): void => {
    issues.push({ code, severity: 'error', message, hint, file, path, line, column });
  };

  if (text.includes('\uFFFD')) {
    at('file.encoding', 'File is not valid UTF-8.', 'Save the file as UTF-8.');
    return result;
  }
  const tooLarge = checkSize(bytes.byteLength);
  if (tooLarge !== undefined) {
    at(tooLarge.code, tooLarge.message, tooLarge.hint);
    return result;
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') {
    at('file.empty', 'File is empty.', 'Write a policy (apiVersion, kind, metadata, spec) or delete the file.');
    return result;
  }

  const docs = parseDocuments(text, lineCounter);
  if (!Array.isArray(docs)) {
    at(docs.code, docs.message, docs.hint, docs.line, docs.column);
    return result;
  }
  if (docs.length === 0) {
    at(
      'file.no-content',
      'File holds only comments.',
      'Write a policy (apiVersion, kind, metadata, spec) or delete the file.',
    );
    return result;
  }
  const pos = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (docs.length > 1) {
    const second = docs[1]?.range[0] ?? 0;
    const p = pos(second);
    at(
      'yaml.multiple-documents',
      `File holds ${docs.length} YAML documents; a policy file holds one.`,
      'Put each policy in its own file (remove the `---` separator).',
      p.line,
      p.column,
    );
  }
  const doc = docs[0] as Document.Parsed;
  result.doc = doc;
  const before = issues.length;

  const tagged = checkNodes(doc, text, file, pos, issues);
  for (const problem of describeProblems(doc, text, pos, tagged)) {
    at(problem.code, problem.message, problem.hint, problem.line, problem.column);
  }
  const version = doc.directives?.yaml;
  if (version !== undefined && version.explicit && version.version !== '1.2') {
    const p = pos(/^%YAML[ \t]/m.exec(text)?.index ?? 0);
    at(
      'yaml.version',
      `YAML ${version.version} is not supported; policies are YAML 1.2.`,
      'Remove the `%YAML` directive; YAML 1.1 reads values like `no` and `010` differently.',
      p.line,
      p.column,
    );
  }

  if (issues.length > before || docs.length > 1) return result;
  if (!isMap(doc.contents)) {
    const contents = doc.contents;
    const isNothing = contents === null || (isScalar(contents) && contents.source === '');
    const p = isNothing ? { line: 0, column: 0 } : pos(contents.range?.[0] ?? 0);
    const what = isNothing ? 'nothing' : isCollection(contents) ? 'a list' : 'a single value';
    at(
      'yaml.not-a-mapping',
      `The file holds ${what}; a policy is a mapping with apiVersion, kind, metadata and spec.`,
      'Start the file with `apiVersion: revops/v1` and `kind: ...` at the top level.',
      p.line,
      p.column,
    );
    return result;
  }
  result.data = doc.toJS({ maxAliasCount: 0 }) as Record<string, unknown>;
  return result;
}

/**
 * What `parseAllDocuments` does, lexing once: every token passes the depth meter before the
 * parser sees it, and nothing is composed (the recursive step) unless the whole file passes.
 */
function parseDocuments(text: string, lineCounter: LineCounter): Document.Parsed[] | PrecheckFailure {
  const measure = createDepthMeter();
  const parser = new Parser(lineCounter.addNewLine);
  const tokens: CST.Token[] = [];
  lineCounter.addNewLine(0);
  for (const source of new Lexer().lex(text)) {
    const tooDeep = measure(source);
    if (tooDeep !== undefined) return tooDeep;
    for (const token of parser.next(source)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  return [...new Composer(safeYamlOptions).compose(tokens)];
}
