import type { SampleCalendar } from './calendar.js';
import { findDayIndex, minuteMs } from './calendar.js';

/** Business hours per week in `policies/calendar-us.yaml` (08:30–17:30, Monday to Friday). */
export const businessHoursPerWeek = 45;
const bucketMs = 15 * minuteMs;
/** An MQL nobody touches within 10 business days is recycled (`policies/sla-speed-to-lead.yaml`). */
export const patienceHours = 10 * 9;

/** What the SDR queue does with an MQL. */
export interface QueuePlace {
  /** False when its wait would pass the patience: nobody touches it and it is recycled. */
  joined: boolean;
  /** When its turn comes (before any per-touch delay); `Infinity` after the export. */
  turnMs: number;
  /** Business hours it waited for its turn. */
  waitHours: number;
}

/**
 * The SDR first-touch queue as a fluid model over 15-minute buckets: hand-raisers first, then
 * everyone else, each first come first served, at the team's weekly first-touch capacity (the
 * Funnel's `mql` stage) spread evenly over the business hours.
 * The first pass records arrivals; `plan` works out cumulative arrivals and service per class,
 * so an MQL's turn is where cumulative service reaches its place in line. First touches thus
 * never outrun capacity, and waits grow exactly when arrivals exceed it.
 */
export class SdrQueue {
  private readonly cal: SampleCalendar;
  /** First touches the team completes in a 15-minute business bucket. */
  private readonly touchesPerBucket: number;
  private readonly buckets: number;
  private readonly arrivals: [Int32Array, Int32Array];
  private readonly joins: [Uint8Array, Uint8Array];
  /** Cumulative joined arrivals before each bucket, and cumulative service by its end, per class. */
  private readonly arrivedBefore: [Float64Array, Float64Array];
  private readonly servedBy: [Float64Array, Float64Array];
  /** Business buckets before each bucket (to turn bucket spans into business hours). */
  private readonly openBefore: Int32Array;

  constructor(cal: SampleCalendar, firstTouchesPerWeek: number) {
    this.cal = cal;
    this.touchesPerBucket = firstTouchesPerWeek / businessHoursPerWeek / 4;
    this.buckets = Math.ceil((cal.asOfMs - cal.startMs) / bucketMs);
    const n = this.buckets;
    this.arrivals = [new Int32Array(n), new Int32Array(n)];
    this.joins = [new Uint8Array(n), new Uint8Array(n)];
    this.arrivedBefore = [new Float64Array(n), new Float64Array(n)];
    this.servedBy = [new Float64Array(n), new Float64Array(n)];
    this.openBefore = new Int32Array(n + 1);
  }

  record(mqlMs: number, isPriority: boolean): void {
    const counts = this.arrivals[isPriority ? 0 : 1];
    const b = this.bucketOf(mqlMs);
    counts[b] = (counts[b] as number) + 1;
  }

  /** Runs the queue over the recorded arrivals. Call once, after the last `record`. */
  plan(): void {
    const n = this.buckets;
    const capacity = new Float64Array(n);
    for (let b = 0; b < n; b++) {
      const from = this.cal.startMs + b * bucketMs;
      const d = findDayIndex(this.cal, from);
      const isOpen =
        this.cal.isBusinessDay[d] === 1 &&
        from >= (this.cal.openMs[d] as number) &&
        from < (this.cal.closeMs[d] as number);
      capacity[b] = isOpen ? this.touchesPerBucket : 0;
      this.openBefore[b + 1] = (this.openBefore[b] as number) + (isOpen ? 1 : 0);
    }
    const left = this.runClass(0, capacity);
    this.runClass(1, left);
  }

  /** Where an MQL arriving at `mqlMs` stands; hand-raisers (`isPriority`) have their own line. */
  place(mqlMs: number, isPriority: boolean): QueuePlace {
    const c = isPriority ? 0 : 1;
    const b = this.bucketOf(mqlMs);
    if (this.joins[c][b] !== 1) return { joined: false, turnMs: Infinity, waitHours: Infinity };
    const share = Math.min(1, Math.max(0, (mqlMs - this.cal.startMs - b * bucketMs) / bucketMs));
    const position = (this.arrivedBefore[c][b] as number) + share * (this.arrivals[c][b] as number);
    const served = this.servedBy[c];
    const s = findFirstAtLeast(served, position, b);
    if (s === this.buckets) return { joined: true, turnMs: Infinity, waitHours: Infinity };
    const before = s === 0 ? 0 : (served[s - 1] as number);
    const within = (served[s] as number) > before ? (position - before) / ((served[s] as number) - before) : 0;
    const turnMs = Math.max(mqlMs, this.cal.startMs + (s + Math.min(1, Math.max(0, within))) * bucketMs);
    return { joined: true, turnMs, waitHours: ((this.openBefore[s] as number) - (this.openBefore[b] as number)) / 4 };
  }

  /** One class first come first served on `capacity`; returns the capacity it leaves. */
  private runClass(c: 0 | 1, capacity: Float64Array): Float64Array {
    const n = this.buckets;
    const left = new Float64Array(n);
    const capacityBy = new Float64Array(n);
    let sum = 0;
    for (let b = 0; b < n; b++) capacityBy[b] = sum += capacity[b] as number;
    let arrived = 0;
    let served = 0;
    for (let b = 0; b < n; b++) {
      const backlog = arrived - served;
      // Join only if the backlog clears within the patience, on the capacity this class gets.
      const target = (b === 0 ? 0 : (capacityBy[b - 1] as number)) + backlog;
      const clears = findFirstAtLeast(capacityBy, target - 1e-9, b);
      const waitHours = ((this.openBefore[Math.min(clears, n)] as number) - (this.openBefore[b] as number)) / 4;
      const joins = waitHours <= patienceHours;
      this.joins[c][b] = joins ? 1 : 0;
      this.arrivedBefore[c][b] = arrived;
      if (joins) arrived += this.arrivals[c][b] as number;
      const serve = Math.min(arrived - served, capacity[b] as number);
      served += serve;
      this.servedBy[c][b] = served;
      left[b] = (capacity[b] as number) - serve;
    }
    return left;
  }

  private bucketOf(t: number): number {
    return Math.min(this.buckets - 1, Math.max(0, Math.floor((t - this.cal.startMs) / bucketMs)));
  }
}

/** First index from `from` whose value is at least `target` (values never decrease); `length` if none. */
function findFirstAtLeast(values: Float64Array, target: number, from: number): number {
  let lo = from;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) >= target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
