import { createColors } from 'picocolors';
import type { ClassExplanation, LeadExplanation, RuleExplanation } from '../core/engine/explain.js';
import type { LeadClassification } from '../core/engine/classify.js';
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
  const decidedBy = (x: LeadClassification): string =>
    x.ruleId !== undefined && x.reason !== 'threshold' ? ` by ${x.reason} \`${x.ruleId}\`` : '';
  const score = (x: LeadClassification): string =>
    `score ${round(x.score)} = fit ${round(x.fit)} + engagement ${round(x.engagement)}`;
  const replay = explanation.replay.classification;
  const isSameScore = replay.class === cls.class && replay.score === cls.score && replay.ruleId === cls.ruleId;
  const label = t(options.leadLabel ?? explanation.leadId);
  if (isSameScore) {
    out.push(
      c.bold(`Lead ${label} is ${cls.class}`) + t(decidedBy(cls)) + ` — ${score(cls)} (${t(explanation.policy)})`,
      c.dim(
        `${explanation.replay.reportedBy.join(' and ')} count the same class (they score it at its last engagement, no decay).`,
      ),
    );
  } else {
    // Two classes: the replay's (scored when the lead was decided) and the as-of's (engagement decayed since).
    out.push(
      c.bold(`Lead ${label} is ${replay.class} in ${explanation.replay.reportedBy.join(' and ')}`) +
        t(decidedBy(replay)) +
        ` — ${score(replay)}, at its last engagement with no decay: the class they replay (${t(explanation.policy)})`,
      c.bold(`At the as-of it is ${explanation.isSameClass ? 'still ' : ''}${cls.class}`) +
        t(decidedBy(cls)) +
        ` — ${score(cls)}, engagement decayed ×${round(cls.decayFactor)}: the class the rules below are traced at and revops test checks`,
    );
  }
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
  const classLines = (classes: readonly ClassExplanation[]): string[] =>
    classes.map((k) => {
      const checks = k.checks.map(
        (x) =>
          `${x.name.replace('min', '').toLowerCase()} ${round(x.value)} ${x.isMet ? '≥' : '<'} ${round(x.threshold)}`,
      );
      if (k.when !== undefined) checks.push(t(formatTrace(k.when)));
      return `  ${mark(k.isMet)} ${t(k.id).padEnd(24)}       ${c.dim(t(options.locate(k.path)))}\n      ${checks.join(', ') || 'no thresholds'}`;
    });
  const rule = ' — the first class whose thresholds are met applies';
  if (isSameScore) out.push('', c.bold('Classes') + c.dim(rule), ...classLines(explanation.classes));
  else
    out.push(
      '',
      c.bold(`Classes as ${explanation.replay.reportedBy.join(' and ')} replay them`) + c.dim(rule),
      ...classLines(explanation.replay.classes),
      '',
      c.bold('Classes at the as-of') + c.dim(rule),
      ...classLines(explanation.classes),
    );
  return terminalOutput(out.join('\n') + '\n');
}
