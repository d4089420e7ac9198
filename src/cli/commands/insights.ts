import type { Command } from 'commander';
import { Option } from 'commander';
import { UsageError } from '../../core/errors.js';
import { selectFieldsRead } from '../../core/engine/fields-read.js';
import { reportingTimeZone } from '../../core/engine/time-zone.js';
import { computeInsights, maskInsights } from '../../core/insights/index.js';
import { listAttributeFields } from '../../core/insights/attributes.js';
import type { FieldSelection } from '../../core/data/types.js';
import type { PolicySet } from '../../core/policy/types.js';
import { renderOutput } from '../../reporters/registry.js';
import type { OutputFormat } from '../../reporters/registry.js';
import { describeCommand } from '../command-index.js';
import { addEvaluationOptions, readClock, toRunOptions } from '../evaluation-options.js';
import type { EvaluationCliOptions } from '../evaluation-options.js';
import { createHashingIo } from '../hashing-io.js';
import { loadCommandData } from '../load-data.js';
import { loadValidPolicies } from '../load-policies.js';
import { describeOrigin } from '../project-config-apply.js';
import { createMaskDigest } from '../mask-key.js';
import type { CommandContext } from '../program.js';
import { evaluateLoaded } from '../run-evaluation.js';
import { isOutputColored, writeOutput } from '../write-output.js';

interface InsightsCommandOptions extends Omit<EvaluationCliOptions, 'format'> {
  policies: string;
  format: OutputFormat<'insights'>;
  stage?: string;
  minSample: string;
  maxGroups: string;
  band: string;
}

/** Groups kept per attribute at most, so the output stays readable and bounded. */
const MAX_GROUPS_LIMIT = 100;

function parseCount(flag: string, value: string, min: number, max: number): number {
  const n = /^[0-9]{1,6}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`${flag} ${value} is not a whole number from ${min} to ${max}.`);
  return n;
}

export function registerInsights(program: Command, ctx: CommandContext): void {
  const command = program
    .command('insights')
    .description(describeCommand('insights'))
    .option('--policies <dir>', 'policy directory', 'policies')
    .option('--stage <id>', 'look at this stage and the next instead of the constraint')
    .option('--min-sample <n>', 'matured items a group needs to be ranked or suggested', '30')
    .option(
      '--max-groups <n>',
      `values kept per attribute, the largest (at most ${MAX_GROUPS_LIMIT}); the rest are summed as "other"`,
      '20',
    )
    .addOption(new Option('--band <points>', 'width of a score band').choices(['5', '10']).default('5'))
    .addHelpText(
      'after',
      `
Examples:
  revops insights                                   the bundled example policies and data
  revops insights --band 10 --min-sample 50
  revops insights --stage sal --format markdown -o insights.md
  revops insights --policies test/fixtures/maven/policies --data test/fixtures/maven/export --mapping maven
  revops insights --format json --mask > insights.json

Conversion is measured on matured cohorts: items that entered the stage at least the 90th
percentile of its time in stage before as-of. Lift = a group's rate ÷ the stage's rate. The
JSON follows schemas/insights-report.schema.json.

Exit codes: 0 reported, 2 usage error, invalid policies or unreadable data.`,
    )
    .action(async (options: InsightsCommandOptions, command: Command) => {
      const { io } = ctx;
      const minimumSample = parseCount('--min-sample', options.minSample, 1, 1_000_000);
      const maxGroups = parseCount('--max-groups', options.maxGroups, 1, MAX_GROUPS_LIMIT);
      const bandWidth = Number(options.band);
      const hashing = createHashingIo(io);
      const loaded = await loadValidPolicies(io, options.policies, hashing.io);
      const { set } = loaded.result;
      const stages = set.Funnel[0]?.spec.stages.map((s) => s.id) ?? [];
      if (options.stage !== undefined && !stages.includes(options.stage))
        throw new UsageError(
          `--stage ${options.stage}: no such stage; the funnel has: ${stages.join(', ') || 'none'}.`,
        );
      const now = readClock(options);
      const run = toRunOptions({ ...options, format: 'terminal' }, now, reportingTimeZone(set, options.timeZone));
      const { generatedAt, ...runOptions } = run;
      const data = await loadCommandData(io, {
        now,
        allowPartialData: options.allowPartialData,
        mask: options.mask,
        data: options.data,
        dataOrigin: describeOrigin(command, 'data', '--data'),
        policies: options.policies,
        quiet: options.quiet,
        set,
        hashing,
        keep: withAttributes(selectFieldsRead([set]), set, options.mapping),
        timeZone: reportingTimeZone(set, runOptions.timeZone),
        ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
      });
      const evaluation = evaluateLoaded({ loaded, data, hashing, options, run: runOptions, generatedAt });
      let insights = computeInsights(set, evaluation, data, {
        ...(options.stage === undefined ? {} : { stage: options.stage }),
        minimumSample,
        maxGroups,
        bandWidth,
        calendars: loaded.calendars,
      });
      if (options.mask) insights = maskInsights(insights, createMaskDigest(hashing, data.files));
      const text = renderOutput('insights', options.format, insights, { color: isOutputColored(io, options) });
      await writeOutput(io, text, options, 'insights');
    });
  addEvaluationOptions(command, 'read the data through this FieldMapping policy (e.g. hubspot)');
}

/** The fields the evaluation reads, and the attributes `insights` groups by. */
function withAttributes(keep: FieldSelection, set: PolicySet, mapping: string | undefined): FieldSelection {
  // No selection for an entity means every field is kept: nothing to add.
  const add = (entity: 'leads' | 'opportunities' | 'users', fields: readonly string[]) => {
    const kept = keep[entity];
    if (kept !== undefined) keep[entity] = new Set([...kept, ...fields]);
  };
  // Custom attributes of the run's mapping only: another mapping's are not in this data.
  const attributes = listAttributeFields({
    ...set,
    FieldMapping: set.FieldMapping.filter((m) => m.metadata.name === mapping),
  });
  add('leads', attributes.lead);
  add('opportunities', attributes.opportunity);
  add('users', ['manager_id']);
  return keep;
}
