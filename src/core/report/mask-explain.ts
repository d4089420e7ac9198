import type { LeadExplanation } from '../engine/explain.js';
import { canonicalModel } from '../model/canonical.js';
import type { TraceNode } from '../logic/compile.js';
import { Pseudonyms } from './mask-pseudonyms.js';
import type { PseudonymDigest } from './mask-pseudonyms.js';

/** What a masked explanation shows for a value that names a person or a company. */
export const MASKED_VALUE = '***';

/**
 * Lead fields whose values name a person or a company; a masked explanation hides them.
 * Numbers, booleans, dates and categories (segment, source, country, title…) stay: they are
 * what scoring rules test, and alone they name no one.
 */
const IDENTIFYING: ReadonlySet<string> = new Set(['email', 'email_domain', 'company', 'company_domain', 'name']);

/**
 * The lead's own fields. Any other name a `var` reads (`""`, `current`, `accumulator` inside
 * `some`/`map`/`reduce`, a dotted path) reads an element a rule built, which may be an
 * identifying value: a masked explanation hides its text.
 */
const LEAD_FIELDS: ReadonlySet<string> = new Set(Object.keys(canonicalModel.leads));

/** A lead explanation as `explain --mask` shows it: `LeadExplanation` plus the flag. */
export type MaskedLeadExplanation = LeadExplanation & { isMasked: true };

/**
 * The explanation with the lead's id as its pseudonym (the one `evaluate --mask` and
 * `impact --mask` give it), and in every rule's trace the values of identifying fields
 * replaced: `id` and `owner_id` by their pseudonyms, e-mail, company and name fields (and
 * any field named dynamically, or read from an element a rule built) by `***`, as is every
 * text or list a clause built from them.
 */
export function maskExplanation(explanation: LeadExplanation, digest: PseudonymDigest): MaskedLeadExplanation {
  const leads = new Pseudonyms('lead', digest);
  const people = new Pseudonyms('person', digest);
  const maskVar = (name: unknown, value: unknown): unknown => {
    if (value === null || value === undefined || typeof value === 'boolean') return value;
    // An element a rule built may be an identifier turned into a number.
    if (typeof name !== 'string' || !LEAD_FIELDS.has(name)) return MASKED_VALUE;
    if (typeof value === 'number') return value;
    if (name === 'id') return typeof value === 'string' ? leads.of(value) : MASKED_VALUE;
    if (name === 'owner_id') return typeof value === 'string' ? people.of(value) : MASKED_VALUE;
    if (name.endsWith('_id') || IDENTIFYING.has(name)) return MASKED_VALUE;
    return value;
  };
  /**
   * Masks a node in place; true when its value came from an identifying field. A yes/no
   * answer about one (`in`, `==`) is a rule's result and is kept; it passes no taint on.
   */
  const mask = (node: TraceNode): boolean => {
    let isTainted = false;
    for (const arg of node.args) if (mask(arg)) isTainted = true;
    if (node.op === 'var') {
      const nameNode = node.args[0];
      const name = nameNode?.op === 'value' ? nameNode.value : undefined;
      const value = maskVar(name, node.value);
      if (value !== node.value) {
        node.value = value;
        return true;
      }
      return isTainted;
    }
    if (!isTainted || node.value === null || typeof node.value === 'boolean') return false;
    node.value = MASKED_VALUE;
    return true;
  };
  const masked = structuredClone(explanation) as MaskedLeadExplanation;
  masked.isMasked = true;
  masked.leadId = leads.of(explanation.leadId);
  for (const rule of masked.rules) {
    if (rule.when !== undefined) mask(rule.when);
    if (rule.pointsTrace !== undefined) mask(rule.pointsTrace);
  }
  // The two views may share a class's trace: mask each node once (twice would pseudonymise a pseudonym).
  const whens = new Set(
    [...masked.classes, ...masked.replay.classes].flatMap((c) => (c.when === undefined ? [] : [c.when])),
  );
  for (const when of whens) mask(when);
  return masked;
}
