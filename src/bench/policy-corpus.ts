import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A lead definition of about `lines` lines: many scoring rules, as a large real policy would have. */
function leadDefinition(index: number, lines: number): string {
  const out = [
    '# yaml-language-server: $schema=../schemas/lead-definition.schema.json',
    'apiVersion: revops/v1',
    'kind: LeadDefinition',
    'metadata:',
    `  name: segment-${index}-lead-definition`,
    '  owner: revops',
    `  description: Lead definition for segment ${index}.`,
    'spec:',
    '  funnel: lumen-funnel',
    '  exclusions:',
    '    - id: competitor',
    '      when: {"==": [{"var": "is_competitor"}, true]}',
    '  scoring:',
    '    fit:',
    '      cap: 100',
    '      rules:',
  ];
  let rule = 0;
  while (out.length < lines - 8) {
    out.push(
      `        - id: rule-${rule}`,
      `          description: Companies between ${rule * 10} and ${rule * 10 + 50} employees in the target industries.`,
      `          points: ${(rule % 7) + 1}`,
      '          when:',
      '            and:',
      `              - {">=": [{"var": "employee_count"}, ${rule * 10}]}`,
      `              - {"<": [{"var": "employee_count"}, ${rule * 10 + 50}]}`,
      '              - in: [{"var": "industry"}, [software, retail, healthcare]]',
    );
    rule++;
  }
  out.push('  classes:', '    - id: mql', '      stage: mql', '      minScore: 60', '  defaultClass: nurture');
  return out.join('\n') + '\n';
}

/**
 * Writes `count` policy files of about `lines` lines each into `dir`: the example set's
 * funnel, goal and calendar, and the rest large lead definitions.
 */
export function writePolicyCorpus(dir: string, examples: string, count: number, lines: number): void {
  for (const file of ['funnel.yaml', 'revenue-goal.yaml', 'calendar-us.yaml']) {
    writeFileSync(join(dir, file), readFileSync(join(examples, file)));
  }
  for (let i = 3; i < count; i++) writeFileSync(join(dir, `lead-definition-${i}.yaml`), leadDefinition(i, lines));
}
