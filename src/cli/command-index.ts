import type { Command } from 'commander';
import type { CommandContext } from './program.js';

/** Adds one command, with its options and action, to the program. */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;

/** A command as `revops --help` lists it, and how to load the module that defines it. */
export interface CommandEntry {
  name: string;
  description: string;
  load(): Promise<RegisterCommand>;
}

/**
 * Every command, in the order `--help` lists them. A command's module (and everything it
 * imports: ajv, the engine, octokit) is loaded only when that command runs, so `--version`
 * and `--help` start fast; its description lives here so that listing needs no module.
 */
export const commandIndex: readonly CommandEntry[] = [
  {
    name: 'validate',
    description: 'Check every policy file: YAML syntax, JSON Schema, and the rules that tie policies together.',
    load: async () => (await import('./commands/validate.js')).registerValidate,
  },
  {
    name: 'fmt',
    description:
      'Format policy files canonically: keys in schema order, 2-space indentation, every comment and quote kept.',
    load: async () => (await import('./commands/fmt.js')).registerFmt,
  },
  {
    name: 'init',
    description:
      'Scaffold a policy repository: example policies, schemas for editor completion, a README and the GitHub workflows that validate pull requests and comment with their impact.',
    load: async () => (await import('./commands/init.js')).registerInit,
  },
  {
    name: 'test',
    description:
      'Run the policy unit tests (kind: PolicyTest) of a policy directory: lead definitions, handoff SLAs and comp plans, with outcome coverage.',
    load: async () => (await import('./commands/test.js')).registerTest,
  },
  {
    name: 'evaluate',
    description:
      'Evaluate the policies against pipeline data: lead classes, funnel, constraint, SLAs, comp and the goal, as of one moment.',
    load: async () => (await import('./commands/evaluate.js')).registerEvaluate,
  },
  {
    name: 'explain',
    description:
      "Explain one lead's class: every rule of the lead definition with the values it saw and its file:line.",
    load: async () => (await import('./commands/explain.js')).registerExplain,
  },
  {
    name: 'impact',
    description:
      'Evaluate the base and head policies on the same data (read once) and report what the change does: constraint, SLAs, comp, goal and the guardrails it crosses.',
    load: async () => (await import('./commands/impact.js')).registerImpact,
  },
  {
    name: 'insights',
    description:
      'What converts at the constraint and the stage after it: conversion and lift by lead attribute, score band and scoring rule, with intervals, and a scoring change to try.',
    load: async () => (await import('./commands/insights.js')).registerInsights,
  },
  {
    name: 'render',
    description:
      'Render a saved JSON report (evaluate or impact) as terminal text, the markdown comment or the HTML page, without reading policies or data again.',
    load: async () => (await import('./commands/render.js')).registerRender,
  },
  {
    name: 'sample-data',
    description:
      'Generate realistic CRM pipeline data for the example company: users, leads, opportunities and activities.',
    load: async () => (await import('./commands/sample-data.js')).registerSampleData,
  },
  {
    name: 'pr',
    description:
      'Preview a pull request offline, from local git: the impact comment the workflows would post, the guardrail status they would set and the reviewers they would request.',
    load: async () => (await import('./commands/pr.js')).registerPr,
  },
  {
    name: 'comment',
    description:
      'Post the impact report as one sticky pull request comment: found again by its hidden marker and author, updated in place.',
    load: async () => (await import('./commands/comment.js')).registerComment,
  },
  {
    name: 'check',
    description:
      'Set the guardrail commit status on the pull request head: success when every crossed guardrail has its approvals there.',
    load: async () => (await import('./commands/check.js')).registerCheck,
  },
];

/** The description of a command, for its own `--help`. */
export function describeCommand(name: string): string {
  const entry = commandIndex.find((e) => e.name === name);
  if (entry === undefined) throw new Error(`No command ${name} in the command index.`);
  return entry.description;
}

/**
 * The command an argument list runs (`revops help X` shows X's help), or undefined for the
 * program's own options (`--version`, `--help`) and unknown names.
 */
export function findRequestedCommand(argv: readonly string[]): CommandEntry | undefined {
  // The program's own options (`--debug`, `--slow-path`) take no value and may come first.
  const [first, second] = argv.filter((a) => !a.startsWith('-'));
  const name = first === 'help' ? second : first;
  return commandIndex.find((e) => e.name === name);
}
