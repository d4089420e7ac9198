/** Report shapes of a waived finding (`Issue.waiver`, `DataIssue.waiver`, `GuardrailResult.waiver`). */
import type { WaiverMark } from '../issue.js';
import type { GuardrailWaiver } from '../report/impact.js';
import type { JsonSchema } from './define.js';
import { oneOf, text } from './report-builders.js';
import { objectOf } from './typed-object.js';

const markProperties: { [K in keyof WaiverMark]-?: JsonSchema } = {
  policy: text('`metadata.name` of the Waiver policy.'),
  owner: text('Who answers for the waiver (from a policy file: untrusted).'),
  reason: text('Why the finding is accepted (from a policy file: untrusted).'),
  expires: {
    type: 'string',
    pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
    maxLength: 10,
    description: 'Last day it counts.',
  },
};

/** The waiver that accepts a finding: shown, marked, and counting toward no gate. */
export const waiverMarkSchema: JsonSchema = objectOf<WaiverMark>(markProperties, {
  description: 'The waiver in force that accepts this finding; absent when none does.',
});

/** A waiver of a crossed guardrail; closed for readers, since `revops check` gates on it. */
export const guardrailWaiverSchema: JsonSchema = objectOf<GuardrailWaiver>(
  {
    ...markProperties,
    status: oneOf(
      ['applied', 'proposed', 'expired'],
      '`applied`: on the base branch and in force, so no approval is needed; `proposed`: only in the head, takes effect after merge; `expired`: on the base but past its date.',
    ),
  },
  {
    isClosedForReaders: true,
    description: 'A waiver of this crossed guardrail; only an `applied` one lifts its approvals.',
  },
);
