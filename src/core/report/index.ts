import type { EngineWarning } from './warnings.js';
import type { Issue } from '../issue.js';
import type { DataIssue, FileAccounting, MissingData } from '../data/types.js';
import type { CacSection } from './cac.js';
import type { CompSection } from './comp.js';
import type { ConstraintSection } from './constraint.js';
import type { ClassificationSection, FunnelSection } from './funnel.js';
import type { DealsSection, GoalSection } from './goal.js';
import type { SlaResult } from './sla.js';
import type { AttributionSection } from './attribution.js';
import type { ConstraintHistorySection } from './constraint-history.js';

export type { CacFigure, CacPeriod, CacSection, CacUnknown } from './cac.js';
export type { CompSection } from './comp.js';
export type { ConstraintSection, StageLoad } from './constraint.js';
export type { ClassificationSection, DurationStats, FunnelSection, StagePeriod, StageReport } from './funnel.js';
export type { DealsSection, GoalSection } from './goal.js';
export type { SlaResult } from './sla.js';
export type { AttributionSection } from './attribution.js';
export type { ConstraintHistorySection } from './constraint-history.js';
export type { CompWarning, EngineWarning } from './warnings.js';

/** Version of the Report's shape; a change that breaks readers bumps it. */
export const REPORT_SCHEMA_VERSION = 1;

/** Where a report came from, so anyone can reproduce it. */
export interface ReportStamp {
  engine: 'revops-policy';
  engineVersion: string;
  /** sha256 over the policy files (path and content, in path order). */
  policyHash: string;
  /** sha256 over the data files (path and content, in path order). */
  dataHash: string;
  /** The as-of moment, ISO 8601 UTC. */
  asOf: string;
  /** `option`: given with --as-of; `data`: the latest timestamp in the data. */
  asOfSource: 'option' | 'data';
  /** Wall-clock time of the run; only when asked for (reports are deterministic otherwise). */
  generatedAt?: string;
}

/** What was read, per file: rows read = evaluated + rejected, with the rejections. */
export interface DataAccounting {
  files: FileAccounting[];
  totals: { rowsRead: number; rowsEvaluated: number; rowsRejected: number; issueCount: number };
  /** Rejections and file problems as found (capped per file; `issueCount` counts them all). */
  issues: DataIssue[];
  /** Entities the data has no file for. */
  absent: string[];
  /** Files in the data directory that hold no entity. */
  ignoredFiles: string[];
  /**
   * What the run lacks, when it was asked to go on anyway (`--allow-partial-data`): failed
   * files and entities the policies need without a row. Present only for a partial run;
   * reports show it before anything else.
   */
  missing?: MissingData[];
}

/** The result of one evaluation: the contract between the engine, the reporters and CI. */
export interface Report {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  kind: 'evaluation';
  stamp: ReportStamp;
  /** The evaluated window; it ends at as-of. Periods begin in `timeZone`. */
  window: { start: string; end: string; weeks: number; timeZone: string; periodUnit: 'week' | 'month' };
  data: DataAccounting;
  policies: { files: { file: string; kind: string; name: string }[]; warnings: Issue[] };
  /** Problems met while evaluating that change no figure silently (e.g. rule errors on rows). */
  warnings: EngineWarning[];
  classification: ClassificationSection | null;
  funnel: FunnelSection | null;
  constraint: ConstraintSection | null;
  slas: SlaResult[];
  comp: CompSection | null;
  goal: GoalSection | null;
  deals: DealsSection;
  /** Pipeline and won revenue by source and campaign per attribution model; null without opportunities. */
  attribution: AttributionSection | null;
  /** The constraint period by period; null without a Funnel policy. */
  constraintHistory: ConstraintHistorySection | null;
  /** Customer acquisition cost from the spend rows (see `engine/cac.ts`); absent in reports of older versions. */
  cac?: CacSection;
  /** Whether identifiers of people and leads were replaced by pseudonyms. */
  isMasked: boolean;
}
