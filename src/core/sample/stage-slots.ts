import type { SampleCalendar } from './calendar.js';
import { atBusinessTime, findDayIndex } from './calendar.js';

/**
 * The weekly capacity of a later stage (discovery meetings, AE reviews, new deals), booked as
 * the generator schedules that work. A week (Monday to Sunday in New York) holds its share of
 * the weekly capacity by business days; work falling in a full week moves to the first week
 * with room, at the same time of day, so a stage never does more than its capacity. Leads are
 * booked in creation order, which is close enough to time order for weekly counts.
 */
export class WeeklySlots {
  private readonly cal: SampleCalendar;
  /** Days of week 0 before day 0 of the period (the period can start mid-week). */
  private readonly lead: number;
  private readonly limit: Float64Array;
  private readonly booked: Int32Array;

  constructor(cal: SampleCalendar, perWeek: number) {
    this.cal = cal;
    this.lead = (cal.weekday[0] as number) - 1;
    const weeks = Math.floor((cal.days - 1 + this.lead) / 7) + 1;
    this.limit = new Float64Array(weeks);
    this.booked = new Int32Array(weeks);
    for (let d = 0; d < cal.days; d++)
      if (cal.isBusinessDay[d] === 1) this.limit[this.weekOf(d)] = (this.limit[this.weekOf(d)] as number) + perWeek / 5;
  }

  /** When work planned for `t` happens: `t` if its week has room, else later; `Infinity` if not in the period. */
  book(t: number): number {
    if (!(t < this.cal.asOfMs)) return t;
    const d = findDayIndex(this.cal, t);
    for (let w = this.weekOf(d); w < this.limit.length; w++) {
      if ((this.booked[w] as number) >= (this.limit[w] as number)) continue;
      const at = w === this.weekOf(d) ? t : atBusinessTime(this.cal, w * 7 - this.lead, this.fractionOfDay(d, t));
      if (at >= this.cal.asOfMs) return Infinity;
      this.booked[w] = (this.booked[w] as number) + 1;
      return at;
    }
    return Infinity;
  }

  private weekOf(d: number): number {
    return Math.floor((d + this.lead) / 7);
  }

  /** How far into day `d`'s business hours `t` is, in [0, 1). */
  private fractionOfDay(d: number, t: number): number {
    const open = this.cal.openMs[d] as number;
    const share = (t - open) / ((this.cal.closeMs[d] as number) - open);
    return Math.min(0.999, Math.max(0, share));
  }
}
