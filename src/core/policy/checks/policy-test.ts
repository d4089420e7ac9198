import { EXCLUDED_CLASS } from '../../engine/classify.js';
import { didYouMean } from '../did-you-mean.js';
import type { PolicyKind } from '../../schemas/index.js';
import type { CompPolicyTestSpec, LeadPolicyTestSpec, Policy, SlaPolicyTestSpec } from '../types.js';
import type { CheckContext, SemanticCheck } from './context.js';
import { findUnchecked, reportNotChecked, theFunnel } from './context.js';

type TestOf<S> = Policy<'PolicyTest'> & { spec: S };

function reportMissingPolicy(
  ctx: CheckContext,
  test: Policy<'PolicyTest'>,
  key: string,
  kind: PolicyKind,
  name: string,
  names: string[],
): void {
  const failed = findUnchecked(ctx, kind, name);
  if (failed !== undefined) {
    reportNotChecked(ctx, test, ['spec', key], `${kind} \`${name}\``, failed);
    return;
  }
  ctx.report(test, ['spec', key], {
    code: 'ref.policy-missing',
    message: `${kind} \`${name}\` does not exist.`,
    hint: `${didYouMean(name, names)} ${kind} policies: ${names.join(', ') || 'none'}.`.trim(),
  });
}

function checkLeadTest(ctx: CheckContext, test: TestOf<LeadPolicyTestSpec>): void {
  const names = ctx.set.LeadDefinition.map((d) => d.metadata.name);
  const def = ctx.set.LeadDefinition.find((d) => d.metadata.name === test.spec.leadDefinition);
  if (def === undefined) {
    reportMissingPolicy(ctx, test, 'leadDefinition', 'LeadDefinition', test.spec.leadDefinition, names);
    return;
  }
  const s = def.spec;
  const classes = [EXCLUDED_CLASS, s.defaultClass, ...s.classes.map((c) => c.id)];
  const rules = [...(s.exclusions ?? []), ...(s.handRaisers ?? []), ...s.classes].map((r) => r.id);
  test.spec.cases.forEach((c, i) => {
    const expected = c.expect;
    if (expected.class !== undefined && !classes.includes(expected.class)) {
      ctx.report(test, ['spec', 'cases', i, 'expect', 'class'], {
        code: 'ref.class-missing',
        message: `\`${def.metadata.name}\` has no class \`${expected.class}\`.`,
        hint: `${didYouMean(expected.class, classes)} Classes: ${classes.join(', ')}.`.trim(),
      });
    }
    if (expected.rule !== undefined && !rules.includes(expected.rule)) {
      ctx.report(test, ['spec', 'cases', i, 'expect', 'rule'], {
        code: 'ref.rule-missing',
        message: `\`${def.metadata.name}\` has no exclusion, hand-raiser or class \`${expected.rule}\`.`,
        hint: didYouMean(expected.rule, rules).trim() || `Rules that decide a class: ${rules.join(', ')}.`,
      });
    }
  });
}

function checkSlaTest(ctx: CheckContext, test: TestOf<SlaPolicyTestSpec>): void {
  const names = ctx.set.HandoffSla.map((s) => s.metadata.name);
  const sla = ctx.set.HandoffSla.find((s) => s.metadata.name === test.spec.handoffSla);
  if (sla === undefined) {
    reportMissingPolicy(ctx, test, 'handoffSla', 'HandoffSla', test.spec.handoffSla, names);
    return;
  }
  const targets = sla.spec.targets.map((t) => t.id);
  const entity = theFunnel(ctx)?.spec.events.find((e) => e.id === sla.spec.from)?.entity;
  test.spec.cases.forEach((c, i) => {
    if (c.lead !== undefined && c.opportunity !== undefined) {
      ctx.report(test, ['spec', 'cases', i, 'opportunity'], {
        code: 'test.two-entities',
        message: 'A case gives a `lead` or an `opportunity`, not both.',
        at: 'key',
      });
    } else if (entity !== undefined && (entity === 'lead' ? c.opportunity : c.lead) !== undefined) {
      const given = entity === 'lead' ? 'opportunity' : 'lead';
      ctx.report(test, ['spec', 'cases', i, given], {
        code: 'test.wrong-entity',
        message: `\`${sla.metadata.name}\` starts on \`${sla.spec.from}\`, an event of the ${entity}; give the case \`${entity}\` fields instead of \`${given}\` ones.`,
        at: 'key',
      });
    }
    if (c.expect.target !== undefined && !targets.includes(c.expect.target)) {
      ctx.report(test, ['spec', 'cases', i, 'expect', 'target'], {
        code: 'ref.target-missing',
        message: `\`${sla.metadata.name}\` has no target \`${c.expect.target}\`.`,
        hint: `${didYouMean(c.expect.target, targets)} Targets: ${targets.join(', ')}.`.trim(),
      });
    }
  });
}

function checkCompTest(ctx: CheckContext, test: TestOf<CompPolicyTestSpec>): void {
  const names = ctx.set.CompPlan.map((p) => p.metadata.name);
  const plan = ctx.set.CompPlan.find((p) => p.metadata.name === test.spec.compPlan);
  if (plan === undefined) {
    reportMissingPolicy(ctx, test, 'compPlan', 'CompPlan', test.spec.compPlan, names);
    return;
  }
  const components = plan.spec.components.map((c) => c.id);
  test.spec.cases.forEach((c, i) => {
    for (const id of Object.keys(c.expect.components ?? {})) {
      if (components.includes(id)) continue;
      ctx.report(test, ['spec', 'cases', i, 'expect', 'components', id], {
        code: 'ref.component-missing',
        message: `\`${plan.metadata.name}\` has no component \`${id}\`.`,
        hint: `${didYouMean(id, components)} Components: ${components.join(', ')}.`.trim(),
        at: 'key',
      });
    }
  });
}

/** A policy test names a policy that exists, and expects classes, rules, targets and components it has. */
export const policyTestRefs: SemanticCheck = {
  name: 'policyTestRefs',
  run(ctx) {
    for (const test of ctx.set.PolicyTest) {
      const { spec } = test;
      if ('handoffSla' in spec) checkSlaTest(ctx, { ...test, spec });
      else if ('compPlan' in spec) checkCompTest(ctx, { ...test, spec });
      else checkLeadTest(ctx, { ...test, spec });
    }
  },
};
