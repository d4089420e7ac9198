import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A handoff SLA of about `lines` lines (at most ~410: 50 targets): many targets, each with a
 * rule, as a large real policy would have. A set may hold any number of SLAs (it holds one Funnel and one LeadDefinition).
 */
function handoffSla(index: number, lines: number): string {
  const out = [
    'apiVersion: revops/v1',
    'kind: HandoffSla',
    'metadata:',
    `  name: segment-${index}-sla`,
    '  owner: sales-development',
    `  description: First touch of segment ${index}, by company size and industry.`,
    'spec:',
    '  from: mql_reached',
    '  to: first_touch',
    '  calendar: us-business-hours',
    '  owner: sdr',
    '  complianceTarget: 0.9',
    '  targets:',
  ];
  let target = 0;
  // The schema allows 50 targets: 49 with a rule and the default.
  while (out.length < lines - 3 && target < 49) {
    out.push(
      `    - id: size-${target}`,
      `      description: Companies between ${target * 10} and ${target * 10 + 50} employees in the target industries.`,
      '      when:',
      '        and:',
      `          - {">=": [{"var": "employee_count"}, ${target * 10}]}`,
      `          - {"<": [{"var": "employee_count"}, ${target * 10 + 50}]}`,
      '          - in: [{"var": "industry"}, [software, retail, healthcare]]',
      `      within: ${(target % 8) + 1}h`,
    );
    target++;
  }
  out.push('    - id: default', '      within: 8h');
  return out.join('\n') + '\n';
}

/**
 * Writes `count` policy files into `dir`: the example set's funnel, lead definition, goal and
 * calendar, and the rest large handoff SLAs of about `lines` lines each.
 */
export function writePolicyCorpus(dir: string, examples: string, count: number, lines: number): void {
  for (const file of ['funnel.yaml', 'lead-definition.yaml', 'revenue-goal.yaml', 'calendar-us.yaml']) {
    writeFileSync(join(dir, file), readFileSync(join(examples, file)));
  }
  for (let i = 4; i < count; i++) writeFileSync(join(dir, `sla-${i}.yaml`), handoffSla(i, lines));
}
