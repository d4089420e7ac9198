import type { Command } from 'commander';
import { IoError, UsageError } from '../../core/errors.js';
import type { Issue } from '../../core/issue.js';
import { listPolicyFiles } from '../../core/policy/discover.js';
import { formatPolicyText } from '../../core/policy/format.js';
import { rewriteModeline } from '../../core/policy/modeline.js';
import type { FormatOutcome } from '../../core/policy/format.js';
import { limits } from '../../core/policy/limits.js';
import { terminalText as t } from '../../reporters/sanitize.js';
import { describeCommand } from '../command-index.js';
import type { CommandContext } from '../program.js';
import { cleanPath, policiesOption, quietOption, takePositionalDir } from '../options.js';

interface FmtOptions {
  policies: string;
  check?: boolean;
  quiet: boolean;
}

export function registerFmt(program: Command, ctx: CommandContext): void {
  program
    .command('fmt')
    .description(describeCommand('fmt'))
    // The old positional directory, hidden: --policies replaces it.
    .argument('[dir]')
    .usage('[options]')
    .addOption(policiesOption())
    .addOption(quietOption('print only the files not formatted (--check) and the problems: no summary'))
    .option('--check', 'write nothing; list the files that are not formatted and exit 1 if there are any')
    .addHelpText(
      'after',
      `
Examples:
  revops fmt                            format every policy file in ./policies
  revops fmt --check                    in CI: fail if a file is not formatted

Keys are ordered as the schema of the file's kind lists them (apiVersion, kind, metadata, spec
first); keys the schema does not know keep their order after the known ones. Comments, quoting,
line breaks inside text, CRLF line endings and a UTF-8 BOM are kept. A file is only written if it
reads back as the same data with the same comments and formatting it again changes nothing;
otherwise it is reported as refused and left unchanged. Files that are not valid YAML are
reported with file:line:column and left unchanged. A \`# yaml-language-server: $schema=…\`
modeline that does not resolve from the file's folder is pointed at the nearest schemas/ that has
the kind's schema.
Exit codes: 0 all files formatted, 1 files not formatted (--check), invalid or refused,
2 usage or IO error.`,
    )
    .action(async (dirArg: string | undefined, options: FmtOptions, command: Command) => {
      const { io } = ctx;
      const dir = cleanPath(
        takePositionalDir(io, command, dirArg, { name: '--policies', attribute: 'policies' }) ?? 'policies',
      );
      if (!(await io.exists(dir))) throw new UsageError(`Policy directory ${dir} does not exist.`);
      const files = await listPolicyFiles(dir, io);
      if (files.length === 0) throw new UsageError(`No policy files (*.yaml, *.yml) found in ${dir}.`);
      let changed = 0;
      let failed = 0;
      for (const file of files) {
        const outcome = await formatFile(file, ctx);
        if (outcome.status === 'changed') {
          changed++;
          if (options.check) {
            io.stdout(`${t(file)}\n`);
          } else {
            await writeText(file, outcome.output ?? '', ctx);
            if (!options.quiet) io.stdout(`formatted ${t(file)}\n`);
          }
        } else if (outcome.status === 'refused') {
          failed++;
          io.stderr(
            `${t(file)}: refused to format: ${t(outcome.reason ?? 'unknown reason')}; the file is left unchanged.\n`,
          );
        } else if (outcome.status === 'invalid') {
          failed++;
          io.stderr(renderIssues(outcome.issues ?? []));
        }
      }
      if (!options.quiet) io.stdout(renderSummary(files.length, changed, failed, options.check === true, dir));
      ctx.setExitCode(failed > 0 || (options.check === true && changed > 0) ? 1 : 0);
    });
}

async function formatFile(file: string, { io }: CommandContext): Promise<FormatOutcome> {
  let bytes: Uint8Array;
  try {
    const size = await io.fileSize(file);
    if (size > limits.maxFileBytes) {
      const message = `File is ${size} bytes; policy files may be at most ${limits.maxFileBytes} bytes.`;
      return {
        status: 'invalid',
        issues: [{ code: 'file.too-large', severity: 'error', message, file, path: '', line: 0, column: 0 }],
      };
    }
    bytes = await io.readFile(file);
  } catch (cause) {
    throw new IoError(`Cannot read ${file}: ${(cause as Error).message}`, { cause });
  }
  // Keep a BOM in the text so that formatting writes it back.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const outcome = formatPolicyText(text, file);
  if (outcome.status !== 'changed' && outcome.status !== 'unchanged') return outcome;
  // A `$schema` modeline that no longer resolves from the file's folder points at the one that does.
  const output = await rewriteModeline(file, outcome.output ?? text, io);
  return output === undefined ? outcome : { status: 'changed', output };
}

async function writeText(file: string, text: string, { io }: CommandContext): Promise<void> {
  try {
    await io.writeFile(file, text);
  } catch (cause) {
    throw new IoError(`Cannot write ${file}: ${(cause as Error).message}`, { cause });
  }
}

function renderIssues(issues: readonly Issue[]): string {
  return issues
    .map((issue) => {
      const where = issue.line > 0 ? `${t(issue.file)}:${issue.line}:${issue.column}` : t(issue.file);
      const hint = issue.hint === undefined ? '' : `\n  fix: ${t(issue.hint)}`;
      return `${where}: ${t(issue.message)} [${t(issue.code)}]${hint}\n`;
    })
    .join('');
}

function renderSummary(total: number, changed: number, failed: number, isCheck: boolean, dir: string): string {
  const files = (n: number): string => `${n} policy file${n === 1 ? '' : 's'}`;
  const lines: string[] = [];
  if (changed > 0) {
    lines.push(
      isCheck
        ? `${changed} of ${files(total)} not formatted; run \`revops fmt --policies ${t(dir)}\` to format.`
        : `Formatted ${changed} of ${files(total)}.`,
    );
  }
  if (failed > 0) lines.push(`${files(failed)} not formatted because of the problems above; left unchanged.`);
  if (changed === 0 && failed === 0) lines.push(`All ${files(total)} formatted.`);
  return lines.join('\n') + '\n';
}
