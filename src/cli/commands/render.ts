import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { parseReport } from '../../core/report/read-report.js';
import { renderOutput } from '../../reporters/registry.js';
import { describeCommand } from '../command-index.js';
import { formatOption } from '../options.js';
import type { CommandContext } from '../program.js';
import { isOutputColored, writeOutput } from '../write-output.js';

interface RenderOptions {
  format: 'terminal' | 'markdown' | 'html';
  output?: string;
  quiet: boolean;
}

/** A report's JSON is a few MiB at most (data issues are capped per file); anything far larger is not one. */
const maxReportBytes = 64 * 1024 * 1024;

export function registerRender(program: Command, ctx: CommandContext): void {
  program
    .command('render')
    .description(describeCommand('render'))
    .argument('<report.json>', 'a report written by `revops evaluate --format json` or `revops impact --format json`')
    .addOption(formatOption(['terminal', 'markdown', 'html'], 'terminal'))
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('-q, --quiet', 'do not say where the output was written', false)
    .addHelpText(
      'after',
      `
Examples:
  revops impact --base main --format json -o impact.json
  revops render impact.json --format html -o impact.html      the page for leaders
  revops render impact.json --format markdown -o impact.md    the pull-request comment
  revops render report.json                                   an evaluation, in the terminal

Renders a saved report without reading policies or data again: one replay, every format.
The JSON is held to its schema first (schemas/report.schema.json or
schemas/impact-report.schema.json); a report that is not valid is refused, naming each path.

Exit codes: 0 rendered, 2 unreadable or invalid report.`,
    )
    .action(async (file: string, options: RenderOptions) => {
      const { io } = ctx;
      let text: string;
      try {
        const size = await io.fileSize(file);
        if (size > maxReportBytes) throw new Error(`larger than ${maxReportBytes / 1024 / 1024} MiB`);
        // A device or a pipe says 0 and would be read without end; an empty file is no report either.
        if (size === 0) throw new Error('empty, or not a regular file');
        text = new TextDecoder('utf-8', { fatal: true }).decode(await io.readFile(file));
      } catch (error) {
        throw new UsageError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      const read = parseReport(text, file);
      const render = { color: isOutputColored(io, options) };
      const rendered =
        read.kind === 'impact'
          ? renderOutput('impact', options.format, read.report, render)
          : renderOutput('report', options.format, read.report, render);
      await writeOutput(io, rendered, options, read.kind === 'impact' ? 'impact report' : 'report');
    });
}
