import type { PolicyKind } from '../schemas/index.js';

/** A JSON Logic rule as written in a policy (shape checked by the schema). */
export type LogicRule = unknown;

/** Exact decimal as written (money, quotas); never a float. */
export type DecimalText = string;

/** How a guardrail's approvers combine: `any` needs `minApprovals` of them, `all` needs every one. */
export type ApprovalRule = 'any' | 'all';

export interface Metadata {
  name: string;
  owner: string;
  description: string;
  labels?: Record<string, string>;
}

export interface FunnelSpec {
  teams: {
    id: string;
    name?: string;
    function: 'marketing' | 'sales' | 'customer-success' | 'operations';
    roles?: string[];
  }[];
  events: {
    id: string;
    description?: string;
    entity: 'lead' | 'opportunity';
    field?: string;
    activity?: { types: string[]; byRoles?: string[]; after?: string };
    when?: LogicRule;
  }[];
  stages: {
    id: string;
    name?: string;
    description?: string;
    owner: string;
    entry: string;
    terminal?: 'won' | 'lost';
    capacity?: { headcount: number; perPersonPerWeek: number; unit?: string };
  }[];
  /** Declared assumptions of the impact flow projection. */
  projection?: {
    minimumSample?: number;
    marginalConversion?: Record<string, number>;
    costPerHead?: Record<string, string | number>;
  };
  /** Which lead sources sales generates; every other set source is marketing-sourced. */
  sourcing?: { sales: string[]; unattributed?: string[] };
}

export interface NamedRule {
  id: string;
  description?: string;
  when: LogicRule;
}

export interface ScoringCategory {
  cap?: number;
  decay?: { halfLife: string; from: string };
  rules: { id: string; description?: string; when?: LogicRule; points: number | LogicRule }[];
}

export interface LeadDefinitionSpec {
  funnel: string;
  exclusions?: NamedRule[];
  handRaisers?: (NamedRule & { classifyAs: string })[];
  scoring?: { fit?: ScoringCategory; engagement?: ScoringCategory };
  classes: {
    id: string;
    description?: string;
    stage: string;
    minScore?: number;
    minFit?: number;
    minEngagement?: number;
    when?: LogicRule;
  }[];
  defaultClass: string;
}

export interface RevenueGoalSpec {
  /** The Calendar whose time zone is the reporting zone. */
  calendar?: string;
  goal: { metric: string; target: DecimalText; currency: string; period: { start: string; end: string } };
  constraint: { stage: string; metric: string; target: { max?: number; min?: number }; rationale?: string };
  /** How much of each sales and marketing plan's target variable must ride on the shared outcome. */
  sharedOutcome?: { minShare?: number };
}

export interface CompPlanSpec {
  goal?: string;
  roles: string[];
  team: string;
  currency: string;
  period: 'month' | 'quarter' | 'year';
  onTargetEarnings?: DecimalText;
  targetVariable: DecimalText;
  quota?: { metric: string; amount: DecimalText };
  components: {
    id: string;
    description?: string;
    metric: string;
    weight: number;
    target?: DecimalText;
    tiers?: { mode: 'marginal' | 'retroactive'; bands: { from: number; to?: number; rate: number }[] };
    cap?: number;
  }[];
  gates?: { id: string; description?: string; metric: string; min: number; components?: string[] }[];
  teamMultipliers?: { id: string; description?: string; metric: string; min: number; multiplier: number }[];
  spiffs?: { id: string; description?: string; amount: DecimalText; when: LogicRule; from: string; to: string }[];
  clawbacks?: { id: string; description?: string; within: string; share: number }[];
}

export interface HandoffSlaSpec {
  from: string;
  to: string;
  calendar: string;
  owner?: string;
  complianceTarget?: number;
  targets: { id: string; description?: string; when?: LogicRule; within: string }[];
  escalation?: { after: string; notify: string }[];
  recycle?: { after: string; toClass: string };
}

export interface CalendarSpec {
  timeZone: string;
  workingHours: { days: string[]; start: string; end: string }[];
  holidays?: { date: string; name?: string }[];
}

export interface FieldSource {
  column?: string;
  derive?: LogicRule;
  const?: string | number | boolean;
  /** The value of another entity's row, found by key (see `lookup.ts` in core/data). */
  lookup?: LookupSource;
  values?: Record<string, string | number | boolean | null>;
  otherwise?: 'keep' | 'error' | 'empty';
  format?: string;
  timeZone?: string;
  numberFormat?: { decimal?: '.' | ','; group?: string };
  trueValues?: string[];
  falseValues?: string[];
}

/** A field looked up in another entity's rows: the row whose `on` (default `id`) equals this row's `key`. */
export interface LookupSource {
  entity: string;
  key: string;
  on?: string;
  field: string;
  /** What a key with no match gives: `error` (default) rejects the row, `empty` leaves the field empty. */
  ifNoMatch?: 'error' | 'empty';
}

/** Where one canonical entity comes from in an export. */
export interface EntityMapping {
  /** The export file; absent when the entity is built `from` another entity's file. */
  file?: string;
  /** Build the entity from the distinct values of another entity's file. */
  from?: { entity: string };
  /** File format when the file name does not tell it (`.csv`, `.ndjson`/`.jsonl`, `.json`). */
  format?: 'csv' | 'ndjson' | 'json';
  /** CSV field separator; `,` by default. */
  delimiter?: ',' | ';' | '\t' | '|';
  /** Canonical fields and their sources; without it, each is read from the column of its own name. */
  fields?: Record<string, FieldSource>;
  /** Extra fields the export has and the canonical model lacks (leads and opportunities only). */
  custom?: Record<string, CustomFieldSource>;
}

/** A custom field: its type, and a source as for a canonical field (`column` defaults to its name). */
export interface CustomFieldSource extends FieldSource {
  type: 'string' | 'integer' | 'number' | 'decimal' | 'boolean' | 'date' | 'datetime';
  description?: string;
}

export interface FieldMappingSpec {
  source: 'hubspot' | 'salesforce' | 'custom';
  timeZone?: string;
  /** Whether `column` names match headers exactly or ignoring case (Salesforce API names are case-insensitive). */
  columnCase?: 'exact' | 'insensitive';
  entities: Partial<Record<string, EntityMapping>>;
}

export interface GuardrailsSpec {
  rules: {
    id: string;
    description?: string;
    metric?: string;
    above?: number;
    below?: number;
    changedKinds?: PolicyKind[];
    approvers: { users?: string[]; teams?: string[]; requires?: ApprovalRule; minApprovals?: number };
  }[];
}

/** Unit tests of a lead definition: example leads and what it must make of them. */
/** An expected number: exact, or a range with both ends included. */
export type ExpectedNumber = number | { min?: number; max?: number };

/** A PolicyTest of a LeadDefinition: example leads and the class, rule and scores they must get. */
export interface LeadPolicyTestSpec {
  leadDefinition: string;
  asOf: string;
  cases: {
    name: string;
    lead: Record<string, unknown>;
    expect: {
      class?: string;
      reason?: 'exclusion' | 'hand-raiser' | 'threshold' | 'default';
      rule?: string;
      fit?: ExpectedNumber;
      engagement?: ExpectedNumber;
      score?: ExpectedNumber;
    };
  }[];
}

/** A PolicyTest of a HandoffSla: one lead or opportunity per case, its clock times and the outcome it must get. */
export interface SlaPolicyTestSpec {
  handoffSla: string;
  asOf: string;
  cases: {
    name: string;
    lead?: Record<string, unknown>;
    opportunity?: Record<string, unknown>;
    from: string;
    to?: string;
    expect: {
      status: 'met' | 'breached' | 'pending' | 'untargeted';
      target?: string;
      responseHours?: ExpectedNumber;
    };
  }[];
}

/** A PolicyTest of a CompPlan: one person's deals in one period per case, and what the plan must pay. */
export interface CompPolicyTestSpec {
  compPlan: string;
  asOf?: string;
  cases: {
    name: string;
    /** `2026`, `2026-Q1` or `2026-02`. */
    period: string;
    person: { id: string; role?: string; team?: string };
    opportunities?: Record<string, unknown>[];
    leads?: Record<string, unknown>[];
    goalAttainment?: number;
    constraintMet?: boolean;
    expect: { payout: DecimalText; components?: Record<string, DecimalText> };
  }[];
}

/** Exactly one of `leadDefinition`, `handoffSla` or `compPlan` names the policy under test. */
export type PolicyTestSpec = LeadPolicyTestSpec | SlaPolicyTestSpec | CompPolicyTestSpec;

/** What one waiver accepts: exactly one of a `validate` finding, a guardrail or a data issue. */
export interface WaiverFinding {
  validate?: { code: string; file?: string; kind?: PolicyKind; name?: string; path?: string };
  guardrail?: string;
  data?: { code: string; entity?: string; file?: string; column?: string };
}

/** One waiver: the finding, who answers for it, why, and the last day it counts (`YYYY-MM-DD`). */
export interface WaiverEntry extends WaiverFinding {
  owner: string;
  reason: string;
  expires: string;
}

export interface WaiverSpec {
  waivers: WaiverEntry[];
}

export interface SpecByKind {
  Funnel: FunnelSpec;
  LeadDefinition: LeadDefinitionSpec;
  RevenueGoal: RevenueGoalSpec;
  CompPlan: CompPlanSpec;
  HandoffSla: HandoffSlaSpec;
  Calendar: CalendarSpec;
  FieldMapping: FieldMappingSpec;
  Guardrails: GuardrailsSpec;
  PolicyTest: PolicyTestSpec;
  Waiver: WaiverSpec;
}

/** One schema-valid policy document, with where it came from. */
export interface Policy<K extends PolicyKind = PolicyKind> {
  kind: K;
  file: string;
  metadata: Metadata;
  spec: SpecByKind[K];
}

/** Every valid policy of a repository, by kind. */
export type PolicySet = { [K in PolicyKind]: Policy<K>[] };
