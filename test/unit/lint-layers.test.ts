import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const eslint = new ESLint({ cwd: repoRoot });

/** The rule ids ESLint reports for `code` as if it were the file at `path` (relative to the repository). */
async function ruleIds(path: string, code: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(code, { filePath: `${repoRoot}${path}` });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('the layer rule for src/github', () => {
  it.each([
    ["import { runCli } from '../cli/program.js';\nexport const x = runCli;\n", 'no-restricted-imports'],
    ["import type { CliIo } from '../cli/cli-io.js';\nexport type X = CliIo;\n", 'no-restricted-imports'],
    [
      "import { renderMarkdown } from '../reporters/report-markdown.js';\nexport const x = renderMarkdown;\n",
      'no-restricted-imports',
    ],
    ["import { evaluate } from '../library/evaluate.js';\nexport const x = evaluate;\n", 'no-restricted-imports'],
    ['export function stop(): void {\n  process.exit(1);\n}\n', 'no-restricted-globals'],
    ['export const token = process.env.GITHUB_TOKEN;\n', 'no-restricted-globals'],
    ["export function say(): void {\n  console.log('x');\n}\n", 'no-console'],
  ])('refuses %j', async (code, rule) => {
    expect(await ruleIds('src/github/example.ts', code)).toContain(rule);
  });

  it('allows core, the escaping of the reporters, and octokit', async () => {
    const code = [
      "import { Octokit } from '@octokit/core';",
      "import { UsageError } from '../core/errors.js';",
      "import type { ImpactReport } from '../core/report/impact.js';",
      "import { escapeMarkdown } from '../reporters/sanitize.js';",
      "import { mermaidLabel } from '../reporters/markdown-escape.js';",
      'export const all = [Octokit, UsageError, escapeMarkdown, mermaidLabel];',
      'export type Report = ImpactReport;',
      '',
    ].join('\n');
    expect(await ruleIds('src/github/example.ts', code)).toEqual([]);
  });
});
