import type { SemanticCheck } from './context.js';
import { isValidDate, isValidTimeZone, timeZoneHint } from './context.js';

/** Calendars name a real time zone, working days whose end follows their start, and real, distinct holidays. */
export const calendarValid: SemanticCheck = {
  name: 'calendarValid',
  run(ctx) {
    for (const calendar of ctx.set.Calendar) {
      const { spec } = calendar;
      if (!isValidTimeZone(spec.timeZone)) {
        ctx.report(calendar, ['spec', 'timeZone'], {
          code: 'calendar.time-zone',
          message: `\`${spec.timeZone}\` is not an IANA time zone.`,
          hint: timeZoneHint(spec.timeZone),
        });
      }
      const daysSeen = new Map<string, number>();
      spec.workingHours.forEach((block, i) => {
        if (block.start >= block.end) {
          ctx.report(calendar, ['spec', 'workingHours', i, 'end'], {
            code: 'calendar.hours',
            message: `Working hours end (${block.end}) at or before they start (${block.start}).`,
            hint: 'Give `start` and `end` on the same day, end after start.',
          });
        }
        block.days.forEach((day, j) => {
          const first = daysSeen.get(day);
          if (first !== undefined) {
            ctx.report(calendar, ['spec', 'workingHours', i, 'days', j], {
              code: 'calendar.day-twice',
              message: `\`${day}\` already has working hours in workingHours[${first}].`,
              hint: 'Give each weekday one block of working hours.',
            });
          } else {
            daysSeen.set(day, i);
          }
        });
      });
      const holidays = new Map<string, number>();
      (spec.holidays ?? []).forEach((holiday, i) => {
        if (!isValidDate(holiday.date)) {
          ctx.report(calendar, ['spec', 'holidays', i, 'date'], {
            code: 'date.invalid',
            message: `\`${holiday.date}\` is not a real date.`,
            hint: 'Write a calendar date as YYYY-MM-DD.',
          });
        }
        const first = holidays.get(holiday.date);
        if (first !== undefined) {
          ctx.report(calendar, ['spec', 'holidays', i, 'date'], {
            code: 'calendar.holiday-twice',
            severity: 'warning',
            message: `${holiday.date} is listed twice (also holidays[${first}]).`,
          });
        } else {
          holidays.set(holiday.date, i);
        }
      });
    }
  },
};
