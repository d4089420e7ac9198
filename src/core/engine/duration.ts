const unitMs: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/**
 * A policy duration (`30m`, `4h`, `2d`, `1w`) in milliseconds of calendar time. The schema
 * has already checked the shape; SLAs read `h` and `d` as business time through a calendar.
 */
export function parseDuration(text: string): number {
  const match = /^([0-9]+(?:\.[0-9]+)?)(m|h|d|w)$/.exec(text);
  const unit = match?.[2];
  if (match === null || unit === undefined) throw new Error(`not a duration: ${text}`);
  return Number(match[1]) * (unitMs[unit] ?? 0);
}
