import type { GuardrailResult } from '../core/report/impact.js';
import { sharedDefs } from '../core/schemas/shared.js';
import { phraseApprovers } from './phrase-guardrail.js';
import { escapeMarkdown } from './sanitize.js';

const loginPattern = new RegExp(String(sharedDefs['github-login']?.pattern));
const teamPattern = new RegExp(String(sharedDefs['github-team']?.pattern));

/**
 * The one line of an impact comment that notifies people: `@login` and `@org/team` of the
 * crossed guardrails, each mentioned once (later occurrences are plain). Everything else in
 * the comment is escaped so that it mentions no one. The names come from the report's
 * guardrails, which are the BASE branch's policies (never the head's or the data's), and a
 * name is mentioned only when it has the shape the Guardrails schema admits; anything else
 * is escaped like untrusted text.
 */
export function describeMentions(crossed: readonly Pick<GuardrailResult, 'id' | 'approvers'>[]): string {
  const mentioned = new Set<string>();
  const mention = (name: string): string => {
    const key = name.toLowerCase();
    const isName = loginPattern.test(name) || teamPattern.test(name);
    if (!isName || mentioned.has(key)) return escapeMarkdown(name);
    mentioned.add(key);
    return `@${name}`;
  };
  const parts = crossed.map((g) => `${phraseApprovers(g.approvers, mention)} (${escapeMarkdown(g.id)})`);
  return `**Approval needed from** ${parts.join('; ')}.`;
}
