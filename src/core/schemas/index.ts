import { calendarSchema } from './calendar.js';
import { compPlanSchema } from './comp-plan.js';
import { dataSchemas } from './data.js';
import { defineSharedSchema } from './define.js';
export { API_VERSION } from './define.js';
import type { JsonSchema } from './define.js';
import { fieldMappingSchema } from './field-mapping.js';
import { funnelSchema } from './funnel.js';
import { guardrailsSchema } from './guardrails.js';
import { policyKinds } from './kinds.js';
import type { PolicyKind } from './kinds.js';
import { policyTestSchema } from './policy-test.js';
import { handoffSlaSchema } from './handoff-sla.js';
import { leadDefinitionSchema } from './lead-definition.js';
import { impactReportSchema } from './impact-report.js';
import { impactSweepReportSchema } from './impact-sweep-report.js';
import { insightsReportSchema } from './insights-report.js';
import { projectConfigSchema } from './project-config.js';
import { reportSchema } from './report.js';
import { revenueGoalSchema } from './revenue-goal.js';
import { waiverSchema } from './waiver.js';

export { policyKinds };
export type { PolicyKind };
export type { JsonSchema };

/** The schema of each policy kind. Adding a kind is a schema file plus one line here. */
export const policySchemas: Readonly<Record<PolicyKind, JsonSchema>> = {
  Funnel: funnelSchema,
  LeadDefinition: leadDefinitionSchema,
  RevenueGoal: revenueGoalSchema,
  CompPlan: compPlanSchema,
  HandoffSla: handoffSlaSchema,
  Calendar: calendarSchema,
  FieldMapping: fieldMappingSchema,
  Guardrails: guardrailsSchema,
  PolicyTest: policyTestSchema,
  Waiver: waiverSchema,
};

export const jsonLogicSchema = defineSharedSchema({
  file: 'jsonlogic.schema.json',
  title: 'JSON Logic rule',
  description:
    'A JSON Logic rule as policies may write it: allowed operators only, one operator per object, bounded depth, safe `var` paths.',
  def: 'logic',
});

/** File name in `schemas/` of every published schema. */
export function schemaFileName(schema: JsonSchema): string {
  const id = String(schema.$id);
  return id.slice(id.lastIndexOf('/') + 1);
}

export const publishedSchemas: readonly JsonSchema[] = [
  ...Object.values(policySchemas),
  jsonLogicSchema,
  ...dataSchemas,
  reportSchema,
  impactReportSchema,
  impactSweepReportSchema,
  insightsReportSchema,
  projectConfigSchema,
];

export function isPolicyKind(value: unknown): value is PolicyKind {
  return typeof value === 'string' && (policyKinds as readonly string[]).includes(value);
}
