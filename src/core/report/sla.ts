/**
 * The SLA section of the Report: one `SlaResult` per HandoffSla policy. Plain JSON; hours
 * are business hours of the SLA's calendar rounded to 2 decimal places, fractions (0–1)
 * rounded to 4.
 */

/**
 * How the eligible items of a group ended up. Every eligible item is in exactly one of
 * met, breached, pending, untargeted and invalidOrder, so they add up to `eligible`.
 */
export interface SlaCounts {
  /** Items whose clock started (from-event) inside the evaluated window. */
  eligible: number;
  /** Stopped (to-event) at or before their deadline. */
  met: number;
  /** Stopped after their deadline; or not stopped and the deadline has passed at as-of; or recycled. */
  breached: number;
  /** Not stopped, deadline still ahead at as-of, not recycled. */
  pending: number;
  /** No target's `when` matched: no deadline applies. */
  untargeted: number;
  /** The to-event is earlier than the from-event: a data problem, counted apart, never as met. */
  invalidOrder: number;
  /** met ÷ (met + breached); null when no item is decided. */
  compliance: number | null;
}

/** Count, median and p90 of business-hour durations (nearest rank; null when count is 0). */
export interface HoursSummary {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

/** One target of the SLA, in policy order; its counts cover the items it applies to. */
export interface SlaTargetResult extends Omit<SlaCounts, 'untargeted'> {
  id: string;
  /** The deadline as written, e.g. `4h`, and in business hours. */
  within: string;
  withinHours: number;
}

/** The items of one owner (the lead or opportunity owner). */
export interface SlaOwnerResult extends SlaCounts {
  /** User id; null for the items that have no owner. */
  ownerId: string | null;
  /** Name and team from the users data; null when the owner (or the field) is not there. */
  name: string | null;
  team: string | null;
}

/**
 * The items whose owner is on one team; `team: null` holds items with no owner, an owner not in the
 * users data, or an owner without a team.
 */
export interface SlaTeamResult extends SlaCounts {
  team: string | null;
}

/** The items whose clock started in one period (e.g. the ISO week `2026-W03`). */
export interface SlaPeriodResult extends SlaCounts {
  label: string;
}

/** One escalation step and how many items waited long enough to reach it. */
export interface SlaEscalationResult {
  /** As written, e.g. `1d`, and in business hours. */
  after: string;
  afterHours: number;
  notify: string;
  /** Items (not invalidOrder) whose wait reached `after`: to the to-event, or to as-of when still open. */
  reached: number;
}

/** What one HandoffSla policy measured on the evaluated window. */
export interface SlaResult extends SlaCounts {
  /** Policy name and file. */
  name: string;
  file: string;
  /** The events that start and stop the clock. */
  from: string;
  to: string;
  /** Calendar policy name, and the length of its working day in hours (what `1d` means). */
  calendar: string;
  workingDayHours: number;
  /** Team accountable for the SLA (`spec.owner`), or null. */
  ownerTeam: string | null;
  /** Items decided: met + breached (the denominator of `compliance`). */
  decided: number;
  /** The share of decided items that should meet their deadline (`spec.complianceTarget`); null when the policy sets none. */
  complianceTarget: number | null;
  /** Whether compliance reaches `complianceTarget`, compared exactly; null without a target or a decided item. */
  isComplianceMet: boolean | null;
  /** Business hours from the from-event to the to-event, for eligible items that have both (not invalidOrder). */
  response: HoursSummary;
  /** Business hours from the from-event to as-of, for eligible items still open. */
  openAge: HoursSummary;
  targets: SlaTargetResult[];
  escalations: SlaEscalationResult[];
  /**
   * Open items whose wait reached `recycle.after` (0 without a recycle rule); those with a target
   * are counted as breached.
   */
  recycled: number;
  /** By owner id, then by team, ascending; the null group last. */
  byOwner: SlaOwnerResult[];
  byTeam: SlaTeamResult[];
  /** By the ISO week (in the run's time zone) in which each item's clock started, in order. */
  byWeek: SlaPeriodResult[];
  /**
   * Eligible items on which a target's `when` failed to evaluate: counted as untargeted; the first
   * one as an example.
   */
  ruleErrors: { count: number; example: { id: string; message: string } | null };
}
