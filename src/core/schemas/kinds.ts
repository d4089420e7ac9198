/** Every policy kind a policy file may declare. */
export const policyKinds = [
  'Funnel',
  'LeadDefinition',
  'RevenueGoal',
  'CompPlan',
  'HandoffSla',
  'Calendar',
  'FieldMapping',
  'Guardrails',
  'PolicyTest',
  'Waiver',
] as const;

export type PolicyKind = (typeof policyKinds)[number];
