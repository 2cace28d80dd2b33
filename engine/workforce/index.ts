// Workforce layer: shift patterns, rotations, shrinkage, on-seat agents ⇄ head count,
// per-interval requirement and shift-schedule optimisation. Pure functions (the IP is async only
// because the HiGHS WebAssembly runtime loads asynchronously).
export {
  REST_TOKENS,
  breakSchema,
  breakWindowSchema,
  isRestToken,
  rosterReferenceIssues,
  rosterSchema,
  rotationSchema,
  scheduleOptimisationSchema,
  shiftPatternSchema,
  shiftsSchema,
  shrinkageItemsSchema,
  shrinkageSchema,
  workCalendarSchema,
  workforceSchema,
} from './schema.ts';
export type {
  Break,
  BreakWindow,
  Roster,
  Rotation,
  ScheduleOptimisation,
  ShiftPattern,
  Shifts,
  Shrinkage,
  ShrinkageItems,
  WorkCalendar,
  Workforce,
} from './schema.ts';
export type { ResolvedGrid, WorkforceGrid } from './time.ts';
export { resolveGrid } from './time.ts';
export type { ResolvedBreak, ResolvedShift } from './shifts.ts';
export {
  DEFAULT_BREAK_STEP_MINUTES,
  breakSlotOffsets,
  placeBreaks,
  resolveShift,
  resolveShifts,
  slotOrder,
  staggerCounts,
} from './shifts.ts';
export { averageShrinkage, shrinkageByMonth, shrinkagePerInterval, totalShrinkage } from './shrinkage.ts';
export type { OnSeatHeadcount, RosterPaidHours, RosterHeadcount, RosterHeadcountLine, TimelineOptions } from './roster.ts';
export {
  HOURS_PER_FTE_WEEK,
  headcountForOnSeat,
  onSeatFromRoster,
  onSeatFromRosterInt,
  paidHoursByCategory,
  rosterHeadcount,
  roundOnSeat,
  scheduledOnSeatFromRoster,
} from './roster.ts';
export type { RequirementOptions } from './requirement.ts';
export { erlangRequirement, foldToPeriod } from './requirement.ts';
export type { CandidateLength, CandidateOptions, WorkDaysRule } from './candidates.ts';
export { DEFAULT_FULL_TIME_LENGTHS, DEFAULT_PART_TIME_LENGTHS, generateShiftCandidates, workDaySets } from './candidates.ts';
export type { BreakModel, BreakPlanEntry, ClockRange, ScheduleProblem, ScheduleResult, UncoveredInterval } from './schedule.ts';
export { loadHighs, optimizeSchedule, scheduleProblemFromConfig } from './schedule.ts';
export * from './payroll.ts';
export * from './staffing.ts';
