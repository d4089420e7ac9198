import { createColors } from 'picocolors';
import type { LeadExplanation, RuleExplanation } from '../core/engine/explain.js';
import { terminalOutput, terminalText as t } from './sanitize.js';
import { formatTrace } from './trace-text.js';

export interface ExplainOptions {
  color: boolean;
  /** `file:line` of a data path in the lead definition, for every rule shown. */
  locate: (path: readonly (string | number)[]) => string;
  /** Shown instead of the lead id when identifiers are masked. */
  leadLabel?: string;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** The explanation of one lead's class, rule by rule, for the terminal. */
export function renderExplainTerminal(explanation: LeadExplanation, options: ExplainOptions): string {
  const c = createColors(options.color);
  const cls = explanation.classification;
  const out: string[] = [];
  const decided = cls.ruleId !== undefined && cls.reason !== 'threshold' ? ` by ${cls.reason} \`${cls.ruleId}\`` : '';
  out.push(
    c.bold(`Lead ${t(options.leadLabel ?? explanation.leadId)} is ${cls.class}`) +
      t(decided) +
      ` — score ${round(cls.score)} = fit ${round(cls.fit)} + engagement ${round(cls.engagement)} (${t(explanation.policy)})`,
  );
  const mark = (ok: boolean): string => (ok ? c.green('✓') : c.dim('✗'));
  const line = (rule: RuleExplanation, extra = ''): string => {
    const where = c.dim(t(options.locate(rule.path)));
    const trace = rule.when === undefined ? 'always' : t(formatTrace(rule.when));
    const points = rule.pointsTrace !== undefined ? `  points: ${t(formatTrace(rule.pointsTrace))}` : '';
    return `  ${mark(rule.isMatched)} ${t(rule.id).padEnd(24)}${extra.padEnd(6)} ${where}\n      ${trace}${points}`;
  };
  const sections: { title: string; section: RuleExplanation['section']; note?: string }[] = [
    { title: 'Exclusions', section: 'exclusion' },
    { title: 'Hand-raisers', section: 'hand-raiser' },
    { title: 'Fit', section: 'fit', note: `${round(cls.fit)}` },
    {
      title: 'Engagement',
      section: 'engagement',
      note:
        cls.decayFactor < 1
          ? `${round(cls.engagementRaw)} × decay ${round(cls.decayFactor)} → ${round(cls.engagement)}`
          : `${round(cls.engagement)}`,
    },
  ];
  for (const { title, section, note } of sections) {
    const rules = explanation.rules.filter((r) => r.section === section);
    if (rules.length === 0) continue;
    const matched = rules.filter((r) => r.isMatched).length;
    out.push(
      '',
      c.bold(`${title}`) +
        c.dim(` — ${matched} of ${rules.length} matched${note !== undefined ? `; score ${note} after cap` : ''}`),
    );
    for (const rule of rules) {
      const extra =
        rule.points !== undefined && rule.isMatched ? `${rule.points >= 0 ? '+' : ''}${round(rule.points)}` : '';
      out.push(line(rule, extra));
    }
  }
  out.push('', c.bold('Classes') + c.dim(' — the first class whose thresholds are met applies'));
  for (const k of explanation.classes) {
    const checks = k.checks.map(
      (x) =>
        `${x.name.replace('min', '').toLowerCase()} ${round(x.value)} ${x.isMet ? '≥' : '<'} ${round(x.threshold)}`,
    );
    if (k.when !== undefined) checks.push(t(formatTrace(k.when)));
    out.push(
      `  ${mark(k.isMet)} ${t(k.id).padEnd(24)}       ${c.dim(t(options.locate(k.path)))}\n      ${checks.join(', ') || 'no thresholds'}`,
    );
  }
  return terminalOutput(out.join('\n') + '\n');
}
