import { DateTime, IANAZone } from 'luxon';
import { UsageError } from '../core/errors.js';
import { evaluateWithState, prepareData } from '../core/engine/evaluate.js';
import type { EvaluateOptions as EngineOptions, PreparedData } from '../core/engine/evaluate.js';
import { computeImpact } from '../core/impact/impact.js';
import type { ImpactSide } from '../core/impact/impact.js';
import type { Report } from '../core/report/index.js';
import type { ImpactReport } from '../core/report/impact.js';
import { maskImpact } from '../core/report/mask-impact.js';
import { maskReport } from '../core/report/mask.js';
import { reportingTimeZone } from '../core/engine/time-zone.js';
import { createMaskDigest } from '../cli/mask-key.js';
import { version } from '../cli/version.js';
import type { LoadedData } from './data.js';
import type { LoadedPolicies } from './policies.js';

/**
 * A moment: epoch milliseconds, a Date, or an ISO 8601 date or date-time (one without an offset, a
 * bare date too, is read in the reporting time zone, as on the command line).
 */
export type Moment = number | Date | string;

/** Options of `evaluate` and `evaluateImpact`; each is the CLI flag of the same name. */
export interface EvaluateOptions {
  /** Evaluate as of this moment; default: the latest timestamp in the data. */
  asOf?: Moment;
  /** Start of the window; default: the goal period's start, else the earliest record. */
  from?: Moment;
  /** Funnel periods; default `week`. */
  periodUnit?: 'week' | 'month';
  /** IANA zone periods begin in; default: the reporting Calendar's (`reportingTimeZone`), else UTC; in an impact, the base's. */
  timeZone?: string;
  /** Replace identifiers with pseudonyms (the same as the CLI's `--mask` gives). */
  mask?: boolean;
  /** Wall-clock stamp for the report (reports are reproducible without one). */
  generatedAt?: string;
}

function toMillis(value: Moment, name: string, zone: string): number {
  const ms =
    typeof value === 'number'
      ? value
      : value instanceof Date
        ? value.getTime()
        : DateTime.fromISO(value, { zone, setZone: true }).toMillis();
  if (!Number.isFinite(ms))
    throw new UsageError(
      `${name} ${String(value)} is not a moment (epoch ms, a Date, or ISO 8601 such as 2026-03-31).`,
    );
  return ms;
}

function toEngineOptions(options: EvaluateOptions, policies: LoadedPolicies, data: LoadedData): EngineOptions {
  if (options.timeZone !== undefined && !IANAZone.isValidZone(options.timeZone))
    throw new UsageError(`timeZone ${options.timeZone} is not an IANA time zone (e.g. America/New_York).`);
  const zone = reportingTimeZone(policies.set, options.timeZone);
  return {
    ...(options.asOf === undefined ? {} : { asOf: toMillis(options.asOf, 'asOf', zone) }),
    ...(options.from === undefined ? {} : { from: toMillis(options.from, 'from', zone) }),
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    periodUnit: options.periodUnit ?? 'week',
    calendars: policies.calendars,
    policyIssues: policies.warnings,
    stamp: {
      engineVersion: version,
      policyHash: policies.policyHash,
      dataHash: data.dataHash,
      ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
    },
  };
}

function maskDigestOf(data: LoadedData): ReturnType<typeof createMaskDigest> {
  return createMaskDigest({ fileHash: (file) => data.fileHashes.get(file) }, data.data.files);
}

/**
 * Evaluates the policies against the data as of one moment: lead classes, funnel, the
 * constraint, SLAs, comp, deals and the goal. The same Report as `revops evaluate --format json`
 * (schemas/report.schema.json). Pure: reads nothing, writes nothing.
 */
export function evaluate(policies: LoadedPolicies, data: LoadedData, options: EvaluateOptions = {}): Report {
  const report = evaluateWithState(
    policies.set,
    prepareData(data.data),
    toEngineOptions(options, policies, data),
  ).report;
  return options.mask === true ? maskReport(report, maskDigestOf(data)) : report;
}

function sideOf(policies: LoadedPolicies, prepared: PreparedData, options: EngineOptions): ImpactSide {
  const evaluation = evaluateWithState(policies.set, prepared, options);
  return { ref: policies.dir, sha: null, policyHash: policies.policyHash, set: policies.set, evaluation };
}

/**
 * What a policy change does: evaluates `base` and `head` on the same data and compares them
 * (the same ImpactReport as `revops impact --base-dir … --head-dir … --format json`).
 * Guardrails are read from `base` only, so a change cannot loosen the guardrail that judges it.
 */
export function evaluateImpact(
  base: LoadedPolicies,
  head: LoadedPolicies,
  data: LoadedData,
  options: EvaluateOptions = {},
): ImpactReport {
  const prepared = prepareData(data.data);
  // Both sides in the base's reporting zone: a Calendar the head adds must not shift its periods.
  const zoned = { ...options, timeZone: options.timeZone ?? reportingTimeZone(base.set) };
  const report = computeImpact(
    sideOf(base, prepared, toEngineOptions(zoned, base, data)),
    sideOf(head, prepared, toEngineOptions(zoned, head, data)),
    data.data.leads,
    {
      engineVersion: version,
      inputs: { dataFrom: 'worktree', dataDir: data.dir, dataChanges: [], note: null },
      ...(options.generatedAt === undefined ? {} : { generatedAt: options.generatedAt }),
    },
  );
  return options.mask === true ? maskImpact(report, maskDigestOf(data)) : report;
}
