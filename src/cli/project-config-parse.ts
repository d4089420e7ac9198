import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { IANAZone } from 'luxon';
import { compareIssues } from '../core/issue.js';
import type { Issue, PolicyIssueCode } from '../core/issue.js';
import { didYouMean } from '../core/policy/did-you-mean.js';
import { locatePath } from '../core/policy/locate.js';
import { parsePolicyFile } from '../core/policy/parse.js';
import { checkSchemaWith } from '../core/policy/schema-check.js';
import { projectConfigSchema } from '../core/schemas/project-config.js';

/** A problem in a project config: a policy file's YAML and schema codes, plus the config's own. */
export type ProjectConfigIssueCode = PolicyIssueCode | 'config.time-zone' | 'config.unknown-command';

/** The keys of `revops.config.yaml` (see `projectConfigSchema`), as written; paths not yet resolved. */
export interface ProjectConfigValues {
  policies?: string;
  data?: string;
  mapping?: string;
  base?: string;
  timeZone?: string;
  /** Default `--format` per command name. */
  format?: Record<string, string>;
}

/** A project config read from its text: its values when it has no error, every problem found, and where a key is. */
export interface ParsedProjectConfig {
  values: ProjectConfigValues;
  issues: Issue<ProjectConfigIssueCode>[];
  /** `file:line:column` of a key's value (of `format.<command>` with two segments). */
  locate(path: readonly string[]): string;
}

let validator: ValidateFunction | undefined;

/** The config schema's validator, with the policy validators' options (strict, every error, own properties). */
function validateConfig(): ValidateFunction {
  validator ??= new Ajv2020({
    strict: true,
    allErrors: true,
    ownProperties: true,
    verbose: true,
    $data: false,
  }).compile(projectConfigSchema);
  return validator;
}

/** Codes of the YAML layer that mean "nothing written": an empty config sets nothing. */
const emptyCodes = new Set<string>(['file.empty', 'file.no-content']);

/**
 * Reads a project config as safely as a policy file (size, depth, no tags or aliases, one
 * document), then checks it against its schema, the time zone against the IANA database and
 * the commands named under `format` against `commandNames`.
 */
export function parseProjectConfig(
  file: string,
  bytes: Uint8Array,
  commandNames: readonly string[],
): ParsedProjectConfig {
  const yamlIssues: Issue[] = [];
  const parsed = parsePolicyFile(file, bytes, yamlIssues);
  const issues: Issue<ProjectConfigIssueCode>[] = [];
  for (const issue of yamlIssues) {
    if (emptyCodes.has(issue.code)) continue;
    issues.push(
      issue.code === 'yaml.not-a-mapping'
        ? { ...issue, hint: 'Write keys at the top level, e.g. `policies: policies` and `data: data`.' }
        : issue,
    );
  }
  const locate = (path: readonly string[]): string => {
    const at = locatePath(parsed.doc, parsed.lineCounter, path);
    return at.line > 0 ? `${file}:${at.line}:${at.column}` : file;
  };
  const located = (code: ProjectConfigIssueCode, path: string[], message: string, hint: string): void => {
    const at = locatePath(parsed.doc, parsed.lineCounter, path, code === 'config.unknown-command' ? 'key' : 'value');
    issues.push({ code, severity: 'error', message, hint, file, path: `/${path.join('/')}`, ...at });
  };
  if (parsed.data === undefined || issues.length > 0) return { values: {}, issues, locate };
  const schemaIssues: Issue[] = [];
  checkSchemaWith(parsed, validateConfig(), schemaIssues);
  issues.push(...schemaIssues);
  // The checks below look at values of the right type only: the schema has named the others.
  const values = parsed.data as ProjectConfigValues;
  if (typeof values.timeZone === 'string' && !IANAZone.isValidZone(values.timeZone))
    located(
      'config.time-zone',
      ['timeZone'],
      `\`timeZone\` is ${JSON.stringify(values.timeZone)}, which is not an IANA time zone.`,
      'Write a zone of the IANA database, e.g. `America/New_York`, `Europe/Berlin` or `UTC`.',
    );
  const format = typeof values.format === 'object' && values.format !== null ? values.format : {};
  for (const name of Object.keys(format))
    if (!commandNames.includes(name))
      located(
        'config.unknown-command',
        ['format', name],
        `\`format\` names ${JSON.stringify(name)}, which is not a revops command.`,
        `${didYouMean(name, commandNames).trim()} Commands: ${commandNames.join(', ')}.`.trim(),
      );
  return { values: issues.length > 0 ? {} : values, issues: issues.sort(compareIssues), locate };
}
