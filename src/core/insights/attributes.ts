import type { Row } from '../data/types.js';
import { canonicalModel } from '../model/canonical.js';
import { listDeclaredFields } from '../policy/custom-fields.js';
import type { PolicySet } from '../policy/types.js';

/**
 * Canonical fields never grouped by: identifiers and free text (one value per item says nothing
 * about a group), and outcomes (a lead's status or close reason tells what happened, not who it was).
 */
const notAttributes: ReadonlySet<string> = new Set([
  'id',
  'lead_id',
  'account_id',
  'name',
  'email',
  'email_domain',
  'title',
  'company',
  'company_domain',
  'status',
  'stage',
  'won',
  'disqualification_reason',
  'close_reason',
  'currency',
]);

/** Fields whose values identify people: replaced by pseudonyms under `--mask`. */
export const personalFields: ReadonlySet<string> = new Set(['owner_id']);

function attributeFieldsOf(entity: 'leads' | 'opportunities'): string[] {
  return Object.entries(canonicalModel[entity])
    .filter(([name, spec]) => {
      if (notAttributes.has(name)) return false;
      // Categories only: strings and flags, and whole numbers a CRM uses as codes (term_months).
      return spec.type === 'string' || spec.type === 'boolean' || name === 'term_months';
    })
    .map(([name]) => name)
    .sort();
}

/** The fields `insights` groups items by, per entity, in name order. */
export const attributeFields: Readonly<Record<'lead' | 'opportunity', readonly string[]>> = {
  lead: attributeFieldsOf('leads'),
  opportunity: attributeFieldsOf('opportunities'),
};

/**
 * The fields `insights` groups by with the policy set's custom fields: canonical ones, then the
 * text and yes/no custom fields the FieldMappings declare (in name order). A custom field's values
 * are masked like a person's under `--mask`: nothing says they do not identify one.
 */
export function listAttributeFields(set: PolicySet): Record<'lead' | 'opportunity', readonly string[]> {
  const declared = listDeclaredFields(set.FieldMapping);
  const customOf = (entity: 'leads' | 'opportunities'): string[] =>
    [...(declared.get(entity) ?? [])].filter(([, f]) => f.type === 'string' || f.type === 'boolean').map(([n]) => n);
  return {
    lead: [...attributeFields.lead, ...customOf('leads')],
    opportunity: [...attributeFields.opportunity, ...customOf('opportunities')],
  };
}

/** Whether an attribute's values are masked under `--mask`: an owner, or any custom field. */
export function isPersonalAttribute(entity: 'lead' | 'opportunity', field: string): boolean {
  return personalFields.has(field) || !attributeFields[entity].includes(field);
}

/** The value of a field as a group key: flags and numbers as text; null when empty. */
export function readAttribute(row: Row | undefined, field: string): string | null {
  const value = row?.[field];
  if (value === null || value === undefined || value === '') return null;
  return String(value);
}
