/**
 * revops-policy as a library: load and validate a policy directory, load pipeline data,
 * evaluate, compare two policy sets on the same data, render a report. Files are read through
 * a `FileIo` (Node's file system by default); evaluation and rendering read and write nothing.
 *
 * @example
 * import { loadPolicies, loadData, evaluate, renderReport } from 'revops-policy';
 * const policies = await loadPolicies('policies');
 * const data = await loadData('data');
 * const report = evaluate(policies, data, { asOf: '2026-03-31' });
 * console.log(renderReport(report, 'markdown'));
 */
export { validatePolicies, loadPolicies, PolicyValidationError } from './library/policies.js';
export type { IoOptions, LoadedPolicies, PolicyValidation } from './library/policies.js';
export { loadData } from './library/data.js';
export type { LoadDataOptions, LoadedData } from './library/data.js';
export { evaluate, evaluateImpact } from './library/evaluate.js';
export type { EvaluateOptions, Moment } from './library/evaluate.js';
export { renderReport, renderImpact } from './library/render.js';
export type { RenderReportOptions } from './library/render.js';
/** Reads an impact report's JSON (e.g. a CI artifact) and validates it against schemas/impact-report.schema.json. */
export { parseImpactReport } from './core/impact/read-report.js';
export type { ReportFormat } from './reporters/report-formats.js';

/** Compiles a JSON Logic rule (with this product's operators) into a function of a row; see `CompileOptions`. */
export { compileRule, LogicCompileError, RuleEvaluationError } from './core/logic/compile.js';
export type { BusinessCalendar, CompileOptions, CompiledRule } from './core/logic/compile.js';

/** Node's file system as a `FileIo`: the default of every function that reads files. */
export { nodeFileIo } from './cli/cli-io.js';
export type { DirEntry, FileIo } from './core/io.js';

/**
 * The errors the library throws, all `RevopsError` with a `code`: `UsageError` (bad options),
 * `IoError` (a file that cannot be read), `EvaluationInputError` (data with nothing sound to evaluate).
 */
export { RevopsError, UsageError, IoError, EvaluationInputError } from './core/errors.js';
export type { RevopsErrorCode } from './core/errors.js';

/** The package version, as `revops --version` prints it and reports are stamped with. */
export { version } from './cli/version.js';

export { REPORT_SCHEMA_VERSION } from './core/report/index.js';
export type * from './core/report/index.js';
export type * from './core/report/impact.js';
export type * from './core/report/impact-attribution.js';
export type { Issue, Severity } from './core/issue.js';
export type { FileSummary } from './core/policy/load.js';
export type { Policy, PolicySet } from './core/policy/types.js';
export type { PolicyKind } from './core/schemas/index.js';
export type { DataIssue, FileAccounting, LoadProgress, PipelineData, Row } from './core/data/types.js';
