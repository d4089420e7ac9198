import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ErrorCode as YamlErrorCode } from 'yaml';
import { nodeFileIo } from '../../../src/cli/cli-io.js';
import { schemaIssueCode, yamlParserIssueCode } from '../../../src/core/issue-codes.js';
import type { PolicyIssueCode } from '../../../src/core/issue.js';
import { loadPolicyDir } from '../../../src/core/policy/load.js';
import { fixturesDir } from '../../helpers/paths.js';

// Keyed by the union: the compiler rejects a code missing here or one the union does not hold,
// so this list is the union, at run time.
const policyIssueCodes: Record<PolicyIssueCode, true> = {
  'file.encoding': true,
  'file.empty': true,
  'file.no-content': true,
  'file.too-large': true,
  'file.too-many-issues': true,
  'yaml.alias-props': true,
  'yaml.bad-alias': true,
  'yaml.bad-directive': true,
  'yaml.bad-dq-escape': true,
  'yaml.bad-indent': true,
  'yaml.bad-prop-order': true,
  'yaml.bad-scalar-start': true,
  'yaml.block-as-implicit-key': true,
  'yaml.block-in-flow': true,
  'yaml.duplicate-key': true,
  'yaml.impossible': true,
  'yaml.key-over-1024-chars': true,
  'yaml.missing-char': true,
  'yaml.multiline-implicit-key': true,
  'yaml.multiple-anchors': true,
  'yaml.multiple-docs': true,
  'yaml.multiple-tags': true,
  'yaml.non-string-key': true,
  'yaml.resource-exhaustion': true,
  'yaml.tab-as-indent': true,
  'yaml.tag-resolve-failed': true,
  'yaml.unexpected-token': true,
  'yaml.bad-collection-type': true,
  'yaml.too-deep': true,
  'yaml.unclosed-bracket': true,
  'yaml.unclosed-quote': true,
  'yaml.missing-colon': true,
  'yaml.multiple-documents': true,
  'yaml.version': true,
  'yaml.not-a-mapping': true,
  'yaml.alias': true,
  'yaml.anchor': true,
  'yaml.tag': true,
  'yaml.forbidden-key': true,
  'policy.api-version': true,
  'policy.api-version-missing': true,
  'policy.kind-missing': true,
  'policy.unknown-kind': true,
  'schema.unknown-property': true,
  'schema.missing-property': true,
  'schema.format': true,
  'schema.type': true,
  'schema.enum': true,
  'schema.const': true,
  'schema.not': true,
  'schema.minimum': true,
  'schema.maximum': true,
  'schema.exclusiveMinimum': true,
  'schema.minLength': true,
  'schema.maxLength': true,
  'schema.minItems': true,
  'schema.maxItems': true,
  'schema.items': true,
  'schema.uniqueItems': true,
  'schema.minProperties': true,
  'schema.maxProperties': true,
  'schema.invalid': true,
  'logic.shape': true,
  'logic.too-deep': true,
  'logic.unknown-operator': true,
  'logic.forbidden-operator': true,
  'logic.forbidden-path': true,
  'logic.arity': true,
  'logic.not-literal': true,
  'logic.missing-as-of': true,
  'logic.unknown-calendar': true,
  'logic.bad-pattern': true,
  'logic.one-operator': true,
  'logic.budget': true,
  'logic.unknown-field': true,
  'logic.date-compared-to-text': true,
  'ref.class-missing': true,
  'ref.component-missing': true,
  'ref.event-missing': true,
  'ref.policy-missing': true,
  'ref.rule-missing': true,
  'ref.stage-missing': true,
  'ref.target-missing': true,
  'ref.team-missing': true,
  'ref.not-checked': true,
  'name.duplicate': true,
  'id.duplicate': true,
  'model.unknown-field': true,
  'date.invalid': true,
  'date.range': true,
  'calendar.day-twice': true,
  'calendar.holiday-twice': true,
  'calendar.hours': true,
  'calendar.time-zone': true,
  'comp.band-gap': true,
  'comp.band-open': true,
  'comp.band-range': true,
  'comp.shared-goal': true,
  'comp.weights': true,
  'comp.shared-outcome': true,
  'funnel.event-source': true,
  'funnel.not-unique': true,
  'funnel.stage-order': true,
  'goal.calendar-ambiguous': true,
  'goal.constraint-terminal': true,
  'goal.missing': true,
  'goal.not-unique': true,
  'goal.target-direction': true,
  'guardrail.empty': true,
  'guardrail.metric': true,
  'guardrail.min-approvals': true,
  'guardrail.no-approvers': true,
  'guardrail.requires-conflict': true,
  'guardrail.threshold': true,
  'lead.class-first-stage': true,
  'lead.class-reserved': true,
  'lead-definition.not-unique': true,
  'mapping.file-twice': true,
  'mapping.source': true,
  'mapping.entity-source': true,
  'mapping.lookup': true,
  'mapping.join-cycle': true,
  'mapping.custom-canonical': true,
  'sla.same-event': true,
  'sla.unreachable-target': true,
  'test.two-entities': true,
  'test.wrong-entity': true,
  'test.unknown-field': true,
  'test.field-type': true,
  'waiver.expired': true,
  'waiver.far-expiry': true,
  'waiver.finding': true,
  'waiver.not-waivable': true,
  'waiver.unmatched': true,
  'unit.ratio-as-percent': true,
  'unit.percent-as-ratio': true,
  'unit.negative': true,
  'unit.zero': true,
  'unit.out-of-range': true,
  'modeline.unresolved': true,
  'modeline.wrong-schema': true,
};
const known = new Set<string>(Object.keys(policyIssueCodes));

// Every code of the YAML parser, at run time (the type `ErrorCode` has no value).
const yamlErrorCodes: Record<YamlErrorCode, true> = {
  ALIAS_PROPS: true,
  BAD_ALIAS: true,
  BAD_DIRECTIVE: true,
  BAD_DQ_ESCAPE: true,
  BAD_INDENT: true,
  BAD_PROP_ORDER: true,
  BAD_SCALAR_START: true,
  BLOCK_AS_IMPLICIT_KEY: true,
  BLOCK_IN_FLOW: true,
  DUPLICATE_KEY: true,
  IMPOSSIBLE: true,
  KEY_OVER_1024_CHARS: true,
  MISSING_CHAR: true,
  MULTILINE_IMPLICIT_KEY: true,
  MULTIPLE_ANCHORS: true,
  MULTIPLE_DOCS: true,
  MULTIPLE_TAGS: true,
  NON_STRING_KEY: true,
  RESOURCE_EXHAUSTION: true,
  TAB_AS_INDENT: true,
  TAG_RESOLVE_FAILED: true,
  UNEXPECTED_TOKEN: true,
  BAD_COLLECTION_TYPE: true,
};

describe('policy issue codes', () => {
  it('name every YAML parser code as the union does', () => {
    for (const code of Object.keys(yamlErrorCodes) as YamlErrorCode[])
      expect(known, code).toContain(yamlParserIssueCode(code));
    expect(yamlParserIssueCode('KEY_OVER_1024_CHARS')).toBe('yaml.key-over-1024-chars');
  });

  it('name every schema keyword, and an unlisted one `schema.invalid`', () => {
    for (const keyword of ['type', 'enum', 'pattern', 'minItems', 'additionalItems', 'constructor', '__proto__'])
      expect(known, keyword).toContain(schemaIssueCode(keyword));
    expect(schemaIssueCode('pattern')).toBe('schema.format');
    expect(schemaIssueCode('constructor')).toBe('schema.invalid');
  });

  it('include every code the checks are expected to emit (checks.cases.yaml)', () => {
    const cases = parse(readFileSync(new URL('./checks.cases.yaml', import.meta.url), 'utf8')) as {
      expect: { code: string }[];
    }[];
    const expected = cases.flatMap((c) => c.expect.map((e) => e.code));
    expect(expected.length).toBeGreaterThan(40);
    expect(expected.filter((code) => !known.has(code))).toEqual([]);
  });

  it('include every code found in the bad-input fixtures', async () => {
    const dir = join(fixturesDir, 'bad-input');
    const found = new Set<string>();
    for (const scenario of readdirSync(dir)) {
      const { issues } = await loadPolicyDir(join(dir, scenario), nodeFileIo);
      for (const issue of issues) found.add(issue.code);
    }
    expect(found.size).toBeGreaterThan(20);
    expect([...found].filter((code) => !known.has(code))).toEqual([]);
  });
});
