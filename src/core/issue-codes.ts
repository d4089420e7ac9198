import type { ErrorCode as YamlErrorCode } from 'yaml';
import type { LogicCompileErrorKind } from './logic/errors.js';

/** `BAD_INDENT` → `bad-indent`. */
type Kebab<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}-${Kebab<Tail>}` : S;

/** A YAML parser error as an issue code: `yaml.bad-indent` for the parser's `BAD_INDENT`. */
export type YamlParserIssueCode = `yaml.${Kebab<Lowercase<YamlErrorCode>>}`;

/**
 * A JSON Schema violation. Codes are named after the ajv keyword (`schema.minItems`), except
 * `additionalProperties`, `required` and `pattern`; a keyword the policy schemas do not use is
 * `schema.invalid`.
 */
export type SchemaIssueCode =
  | 'schema.unknown-property'
  | 'schema.missing-property'
  | 'schema.format'
  | 'schema.type'
  | 'schema.enum'
  | 'schema.const'
  | 'schema.not'
  | 'schema.minimum'
  | 'schema.maximum'
  | 'schema.exclusiveMinimum'
  | 'schema.minLength'
  | 'schema.maxLength'
  | 'schema.minItems'
  | 'schema.maxItems'
  | 'schema.items'
  | 'schema.uniqueItems'
  | 'schema.minProperties'
  | 'schema.maxProperties'
  | 'schema.invalid';

/**
 * Stable codes of problems in policy files (`Issue.code`); tests, CI annotations and the JSON
 * output rely on them. A closed union, like `DataIssueCode` for data files: a check cannot
 * emit a code that is not listed here.
 */
export type PolicyIssueCode =
  // reading the file and its YAML
  | 'file.encoding'
  | 'file.empty'
  | 'file.no-content'
  | 'file.too-large'
  | 'file.too-many-issues'
  | YamlParserIssueCode
  | 'yaml.too-deep'
  | 'yaml.unclosed-bracket'
  | 'yaml.unclosed-quote'
  | 'yaml.missing-colon'
  | 'yaml.multiple-documents'
  | 'yaml.version'
  | 'yaml.not-a-mapping'
  | 'yaml.alias'
  | 'yaml.anchor'
  | 'yaml.tag'
  | 'yaml.forbidden-key'
  // the policy's kind and JSON Schema
  | 'policy.api-version'
  | 'policy.api-version-missing'
  | 'policy.kind-missing'
  | 'policy.unknown-kind'
  | SchemaIssueCode
  // JSON Logic rules
  | `logic.${LogicCompileErrorKind}`
  | 'logic.one-operator'
  | 'logic.budget'
  | 'logic.unknown-field'
  | 'logic.date-compared-to-text'
  // references between policies and names
  | 'ref.class-missing'
  | 'ref.component-missing'
  | 'ref.event-missing'
  | 'ref.policy-missing'
  | 'ref.rule-missing'
  | 'ref.stage-missing'
  | 'ref.target-missing'
  | 'ref.team-missing'
  | 'ref.not-checked'
  | 'name.duplicate'
  | 'id.duplicate'
  | 'model.unknown-field'
  | 'date.invalid'
  | 'date.range'
  // one kind of policy each
  | 'calendar.day-twice'
  | 'calendar.holiday-twice'
  | 'calendar.hours'
  | 'calendar.time-zone'
  | 'comp.band-gap'
  | 'comp.band-open'
  | 'comp.band-range'
  | 'comp.shared-goal'
  | 'comp.weights'
  | 'comp.shared-outcome'
  | 'funnel.event-source'
  | 'funnel.not-unique'
  | 'funnel.stage-order'
  | 'goal.calendar-ambiguous'
  | 'goal.constraint-terminal'
  | 'goal.missing'
  | 'goal.not-unique'
  | 'goal.target-direction'
  | 'guardrail.empty'
  | 'guardrail.metric'
  | 'guardrail.min-approvals'
  | 'guardrail.no-approvers'
  | 'guardrail.requires-conflict'
  | 'guardrail.threshold'
  | 'lead.class-first-stage'
  | 'lead.class-reserved'
  | 'lead-definition.not-unique'
  | 'mapping.file-twice'
  | 'mapping.source'
  | 'mapping.entity-source'
  | 'mapping.lookup'
  | 'mapping.join-cycle'
  | 'mapping.custom-canonical'
  | 'sla.same-event'
  | 'sla.unreachable-target'
  | 'test.two-entities'
  | 'test.wrong-entity'
  | 'test.unknown-field'
  | 'test.field-type'
  | 'waiver.expired'
  | 'waiver.far-expiry'
  | 'waiver.finding'
  | 'waiver.not-waivable'
  | 'waiver.unmatched'
  // numbers in the wrong unit (checks/units.ts) and editor modelines
  | 'unit.ratio-as-percent'
  | 'unit.percent-as-ratio'
  | 'unit.negative'
  | 'unit.zero'
  | 'unit.out-of-range'
  | 'modeline.unresolved'
  | 'modeline.wrong-schema';

const schemaIssueCodes: Readonly<Record<string, SchemaIssueCode>> = {
  type: 'schema.type',
  enum: 'schema.enum',
  const: 'schema.const',
  not: 'schema.not',
  pattern: 'schema.format',
  minimum: 'schema.minimum',
  maximum: 'schema.maximum',
  exclusiveMinimum: 'schema.exclusiveMinimum',
  minLength: 'schema.minLength',
  maxLength: 'schema.maxLength',
  minItems: 'schema.minItems',
  maxItems: 'schema.maxItems',
  items: 'schema.items',
  uniqueItems: 'schema.uniqueItems',
  minProperties: 'schema.minProperties',
  maxProperties: 'schema.maxProperties',
};

/** The code of a schema violation by its ajv keyword; `schema.invalid` for one not listed. */
export function schemaIssueCode(keyword: string): SchemaIssueCode {
  return Object.hasOwn(schemaIssueCodes, keyword) ? (schemaIssueCodes[keyword] as SchemaIssueCode) : 'schema.invalid';
}

/** `BAD_INDENT` → `yaml.bad-indent`: the one place a parser code becomes an issue code. */
export function yamlParserIssueCode(code: YamlErrorCode): YamlParserIssueCode {
  // The type above spells out the same mapping; the compiler cannot follow `replace`.
  return `yaml.${code.toLowerCase().replace(/_/g, '-')}` as YamlParserIssueCode;
}
