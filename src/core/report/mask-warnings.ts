import type { Pseudonyms } from './mask-pseudonyms.js';

/**
 * The engine's warnings that quote a row: an opportunity id, or the message of a rule that
 * failed on a row's values. Each pattern matches the whole warning as the engine writes it
 * (see `engine/comp/clawbacks.ts`, `engine/comp/spiffs.ts`, `engine/evaluate.ts`); the other warnings
 * name policies only and stay as they are.
 */
const TEMPLATES: { pattern: RegExp; mask: (parts: string[], deals: Pseudonyms) => string }[] = [
  {
    pattern:
      /^(.*?)opportunity (.+) was cancelled within the clawback window but closed before the evaluated window; (.*)$/s,
    mask: ([plan, id, rest], deals) =>
      `${plan}opportunity ${deals.of(id!)} was cancelled within the clawback window but closed before the evaluated window; ${rest}`,
  },
  {
    pattern: /^(.*?)SPIF (\S+): the rule failed on opportunity (.+) \(.*\); it does not match\.$/s,
    mask: ([plan, spiff, id], deals) =>
      `${plan}SPIF ${spiff}: the rule failed on opportunity ${deals.of(id!)} (message masked); it does not match.`,
  },
  {
    pattern:
      /^(\d+) leads could not be classed: a rule failed on their values \(first: .*\); they are counted as (\S+)\.$/s,
    mask: ([count, cls]) =>
      `${count} leads could not be classed: a rule failed on their values (first: message masked); they are counted as ${cls}.`,
  },
];

/** Warnings with the opportunity ids they quote replaced by pseudonyms and rule messages about a row left out. */
export function maskWarnings(warnings: readonly string[], deals: Pseudonyms): string[] {
  return warnings.map((warning) => {
    for (const { pattern, mask } of TEMPLATES) {
      const match = pattern.exec(warning);
      if (match !== null) return mask(match.slice(1), deals);
    }
    return warning;
  });
}
