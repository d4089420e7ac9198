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
] as const;

export type PolicyKind = (typeof policyKinds)[number];
