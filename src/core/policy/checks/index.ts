import { calendarValid } from './calendar.js';
import { compPlanValid } from './comp-plan.js';
import type { SemanticCheck } from './context.js';
import { customFieldsValid } from './custom-fields.js';
import { fieldMappingValid } from './field-mapping.js';
import { fieldMappingJoins } from './field-mapping-joins.js';
import { funnelRefsExist } from './funnel-refs.js';
import { guardrailsValid } from './guardrails.js';
import { handoffSlaRefs } from './handoff-sla.js';
import { leadDefinitionRefs } from './lead-definition.js';
import { logicCalendarsExist } from './logic-calendars.js';
import { logicRulesCompile } from './logic-compile.js';
import { logicDatesNotText } from './logic-date-text.js';
import { logicVarsExist } from './logic-vars.js';
import { policyTestRefs } from './policy-test.js';
import { policyTestFields } from './policy-test-fields.js';
import { revenueGoalValid } from './revenue-goal.js';
import { sharedOutcomeTied } from './shared-outcome.js';
import { singletons, uniqueNames } from './unique-names.js';
import { waiversValid } from './waivers.js';
import { unitsSane } from './units.js';

export type { CheckContext, Finding, SemanticCheck, UncheckedFile } from './context.js';

/** The semantic checks, run in this order over every schema-valid policy. */
export const semanticChecks: readonly SemanticCheck[] = [
  uniqueNames,
  singletons,
  funnelRefsExist,
  leadDefinitionRefs,
  revenueGoalValid,
  compPlanValid,
  sharedOutcomeTied,
  handoffSlaRefs,
  calendarValid,
  fieldMappingValid,
  fieldMappingJoins,
  customFieldsValid,
  guardrailsValid,
  logicVarsExist,
  logicDatesNotText,
  logicCalendarsExist,
  logicRulesCompile,
  policyTestRefs,
  policyTestFields,
  waiversValid,
  unitsSane,
];
