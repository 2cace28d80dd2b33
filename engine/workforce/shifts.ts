/**
 * Shift patterns resolved to minutes, and the deterministic break-placement (stagger) rule.
 *
 * Break placement rule
 * --------------------
 * A break of d minutes with window [e, l] (minutes after the shift start) may start at the slots
 * s_k = e + k·g, k = 0..K−1, K = floor((l − d − e)/g) + 1, where g is the break step (default 15 min).
 * The P people who work the same shift on the same day (all roster sources pooled) are dealt out
 * round-robin over the slots in a fixed, well-spread slot order σ_K: with P = q·K + m, every slot
 * gets q people and the first m slots of σ_K one more. σ_K visits slot ⌊v_n·K⌋ for the base-2
 * van der Corput sequence v_n = ½, ¼, ¾, ⅛, ⅝, ⅜, ⅞, 1/16, … (duplicates skipped): the middle first,
 * then the quarter points, and so on, so any prefix is spread over the window and the edges come
 * last: e.g. σ_9 = [4, 2, 6, 1, 5, 3, 7, 0, 8].
 * Every break therefore lies inside its window and the on-seat dip summed over the window equals
 * P × d minutes, spread over it (never more than ⌈P/K⌉ people start a break in the same slot).
 * The rule is nested (one more person adds one break in one slot), which lets the schedule IP model
 * it exactly with linear constraints (schedule.ts, breakModel 'exact').
 */
import { MINUTES_PER_DAY, mod, parseClock, weekdayNumber, type WeekdayName } from './time.ts';

/**
 * A break as the input gives it (schema.ts's Break validates it). Declared here, not imported, so
 * that the schema may check a pattern with this file's rule without an import circle.
 */
export interface BreakInput {
  durationMinutes: number;
  window?: { earliestStart: string; latestEnd: string };
}

/** A shift pattern as the input gives it (schema.ts's ShiftPattern validates it). */
export interface ShiftInput {
  start: string;
  lengthHours: number;
  unpaidBreaks?: BreakInput[];
  paidBreaks?: BreakInput[];
  days?: (number | WeekdayName)[];
  kind?: 'full-time' | 'part-time';
}

export const DEFAULT_BREAK_STEP_MINUTES = 15;

export interface ResolvedBreak {
  durationMinutes: number;
  /** Window start, minutes after the shift start. */
  earliestStartOffset: number;
  /** Window end, minutes after the shift start. */
  latestEndOffset: number;
  paid: boolean;
}

export interface ResolvedShift {
  name: string;
  /** Minutes after midnight of the start. */
  startMinute: number;
  lengthMinutes: number;
  /** Breaks sorted by window start; windows do not overlap. */
  breaks: ResolvedBreak[];
  /** weekdays[w] for w = 1..7 (index 0 unused): the shift starts on that weekday. */
  weekdays: boolean[];
  kind: 'full-time' | 'part-time';
  /** Paid minutes per shift: length minus unpaid breaks. */
  paidMinutes: number;
  /** On-seat minutes per shift: length minus all breaks. */
  onSeatMinutes: number;
}

function breakOffset(text: string, startMinute: number, isEnd: boolean): number {
  if (text.startsWith('+')) return parseClock(text.slice(1).padStart(5, '0'));
  const off = mod(parseClock(text) - startMinute, MINUTES_PER_DAY);
  return isEnd && off === 0 ? MINUTES_PER_DAY : off;
}

function resolveBreak(b: BreakInput, paid: boolean, startMinute: number, lengthMinutes: number, where: string): ResolvedBreak {
  let e: number;
  let l: number;
  if (b.window) {
    e = breakOffset(b.window.earliestStart, startMinute, false);
    l = breakOffset(b.window.latestEnd, startMinute, true);
  } else if (lengthMinutes - 120 >= b.durationMinutes) {
    e = 60;
    l = lengthMinutes - 60;
  } else {
    e = 0;
    l = lengthMinutes;
  }
  if (l > lengthMinutes || e >= lengthMinutes) {
    throw new Error(`${where}: window ${b.window?.earliestStart}–${b.window?.latestEnd} is not inside the shift`);
  }
  if (l - e < b.durationMinutes) {
    throw new Error(`${where}: a ${b.durationMinutes}-min break does not fit in its ${l - e}-min window`);
  }
  return { durationMinutes: b.durationMinutes, earliestStartOffset: e, latestEndOffset: l, paid };
}

/** Resolve a shift pattern to minutes; throws with a readable message if it is inconsistent. */
export function resolveShift(name: string, p: ShiftInput): ResolvedShift {
  const startMinute = parseClock(p.start);
  const lengthMinutes = Math.round(p.lengthHours * 60);
  if (lengthMinutes <= 0 || lengthMinutes > MINUTES_PER_DAY) throw new Error(`shift "${name}": lengthHours must be in (0, 24]`);
  const all = [...(p.unpaidBreaks ?? []), ...(p.paidBreaks ?? [])];
  if (all.length > 1 && all.some((b) => !b.window)) {
    throw new Error(`shift "${name}" has ${all.length} breaks: give each its own window (windows must not overlap)`);
  }
  const breaks = [
    ...(p.unpaidBreaks ?? []).map((b, i) => resolveBreak(b, false, startMinute, lengthMinutes, `shift "${name}" unpaidBreaks[${i}]`)),
    ...(p.paidBreaks ?? []).map((b, i) => resolveBreak(b, true, startMinute, lengthMinutes, `shift "${name}" paidBreaks[${i}]`)),
  ].sort((a, b) => a.earliestStartOffset - b.earliestStartOffset);
  for (let i = 1; i < breaks.length; i++) {
    if (breaks[i].earliestStartOffset < breaks[i - 1].latestEndOffset) {
      throw new Error(`shift "${name}": break windows overlap; each break needs its own window`);
    }
  }
  const breakMinutes = breaks.reduce((s, b) => s + b.durationMinutes, 0);
  const unpaid = breaks.filter((b) => !b.paid).reduce((s, b) => s + b.durationMinutes, 0);
  if (breakMinutes >= lengthMinutes) throw new Error(`shift "${name}": breaks fill the whole shift`);
  const weekdays = new Array<boolean>(8).fill(p.days === undefined);
  weekdays[0] = false;
  for (const d of p.days ?? []) weekdays[weekdayNumber(d)] = true;
  return {
    name,
    startMinute,
    lengthMinutes,
    breaks,
    weekdays,
    kind: p.kind ?? 'full-time',
    paidMinutes: lengthMinutes - unpaid,
    onSeatMinutes: lengthMinutes - breakMinutes,
  };
}

/** Resolve every named pattern. */
export function resolveShifts(shifts: Record<string, ShiftInput>): Map<string, ResolvedShift> {
  const out = new Map<string, ResolvedShift>();
  for (const [name, p] of Object.entries(shifts)) out.set(name, resolveShift(name, p));
  return out;
}

/** Candidate start offsets (minutes after the shift start) of a break under the stagger rule. */
export function breakSlotOffsets(b: ResolvedBreak, stepMinutes = DEFAULT_BREAK_STEP_MINUTES): number[] {
  if (!(stepMinutes > 0)) throw new Error('break step must be positive');
  const span = b.latestEndOffset - b.durationMinutes - b.earliestStartOffset;
  const k = Math.floor(span / stepMinutes + 1e-9) + 1;
  const out: number[] = [];
  for (let i = 0; i < k; i++) out.push(b.earliestStartOffset + Math.round(i * stepMinutes));
  return out;
}

const slotOrderCache = new Map<number, number[]>();

/** The slot order σ_K of the stagger rule (see the module comment). */
export function slotOrder(slots: number): number[] {
  let order = slotOrderCache.get(slots);
  if (order) return order;
  order = [];
  const seen = new Uint8Array(slots);
  for (let n = 1; order.length < slots; n++) {
    // base-2 radical inverse of n: ½, ¼, ¾, ⅛, …
    let v = 0;
    let f = 0.5;
    for (let x = n; x > 0; x >>= 1, f /= 2) if (x & 1) v += f;
    const k = Math.min(slots - 1, Math.floor(v * slots));
    if (!seen[k]) {
      seen[k] = 1;
      order.push(k);
    }
  }
  slotOrderCache.set(slots, order);
  return order;
}

/**
 * People per slot when `people` (an integer) share `slots` break slots: with P = q·K + m, every
 * slot gets q and the first m slots of σ_K one more.
 */
export function staggerCounts(people: number, slots: number): Float64Array {
  const p = Math.round(people);
  const q = Math.floor(p / slots);
  const m = p - q * slots;
  const counts = new Float64Array(slots).fill(q);
  const order = slotOrder(slots);
  for (let r = 0; r < m; r++) counts[order[r]] += 1;
  return counts;
}

/** Placed breaks of P people on one shift: [{offset, durationMinutes, people, paid}], offsets from the shift start. */
export function placeBreaks(
  shift: ResolvedShift,
  people: number,
  stepMinutes = DEFAULT_BREAK_STEP_MINUTES,
): { offset: number; durationMinutes: number; people: number; paid: boolean }[] {
  const out: { offset: number; durationMinutes: number; people: number; paid: boolean }[] = [];
  for (const b of shift.breaks) {
    const slots = breakSlotOffsets(b, stepMinutes);
    const counts = staggerCounts(people, slots.length);
    slots.forEach((offset, k) => {
      if (counts[k] > 0) out.push({ offset, durationMinutes: b.durationMinutes, people: counts[k], paid: b.paid });
    });
  }
  return out;
}
