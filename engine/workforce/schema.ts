/**
 * Zod v4 schemas for the workforce part of a scenario: named shift patterns, the roster (people per
 * pattern and rotation teams) and shrinkage. All objects are strict (unknown fields are rejected).
 * No transforms and no zod defaults are used, so the input and output types are identical and
 * `z.toJSONSchema()` works; defaults are documented on each field and applied by the code.
 */
import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { resolveShift } from './shifts.ts';
import { WEEKDAY_NAMES } from './time.ts';

const solverSecondsError = (iss: { input?: unknown }) =>
  `must be from ${LIMITS.solverSeconds.min} to ${LIMITS.solverSeconds.max.toLocaleString('en-US')} seconds (got ${String(iss.input)}): a solve that finds no roster in time falls back to the greedy cover`;

/** Tokens that mean "rest day" in a rotation cycle. */
export const REST_TOKENS = ['rest', 'off', '休', '-'] as const;

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a clock time "HH:MM" (00:00–23:59)');

/** A clock time "HH:MM" (24:00 allowed) or an offset from the shift start "+H:MM" / "+HH:MM". */
const breakTime = z
  .string()
  .regex(
    /^(\+\d{1,2}:[0-5]\d|([01]\d|2[0-3]):[0-5]\d|24:00)$/,
    'expected a clock time "HH:MM" or an offset from the shift start "+HH:MM"',
  );

const isoDate = z.iso.date();

export const breakWindowSchema = z
  .strictObject({
    earliestStart: breakTime.meta({
      description:
        'Earliest start of the break: clock time "HH:MM" (the first such time at or after the shift start) or "+HH:MM" after the shift start.',
    }),
    latestEnd: breakTime.meta({
      description: 'Latest end of the break: clock time "HH:MM" or "+HH:MM" after the shift start.',
    }),
  })
  .meta({ description: 'Window inside which the break must lie.' });

export const breakSchema = z
  .strictObject({
    durationMinutes: z.int().positive().max(720).meta({ description: 'Break length in minutes.' }),
    window: breakWindowSchema.optional().meta({
      description:
        'Window for the break. Default (allowed only when the shift has a single break): from 1 h after the shift start to 1 h before its end (the whole shift if that is too short). Windows of one shift must not overlap.',
    }),
  })
  .meta({ description: 'A break taken off seat.' });

const weekday = z.union([z.int().min(1).max(7), z.enum(WEEKDAY_NAMES)]);

export const shiftPatternSchema = z
  .strictObject({
    start: clockTime.meta({ description: 'Shift start, local clock time "HH:MM".' }),
    lengthHours: z
      .number()
      .positive()
      .max(24)
      .refine((h) => Math.abs(h * 60 - Math.round(h * 60)) < 1e-9, 'lengthHours must be a whole number of minutes')
      .meta({
        description:
          'Span from start to end in hours, paid and unpaid time together. A shift may cross midnight (22:00 + 10 h ends 08:00 next day).',
      }),
    unpaidBreaks: z
      .array(breakSchema)
      .optional()
      .meta({ description: 'Unpaid breaks (e.g. a 1-h lunch): off seat and not paid. Default none.' }),
    paidBreaks: z
      .array(breakSchema)
      .optional()
      .meta({ description: 'Paid breaks (rest, meal in shift): off seat but paid. Default none.' }),
    days: z
      .array(weekday)
      .min(1)
      .max(7)
      .optional()
      .meta({
        description:
          'Weekdays on which the shift STARTS (1 = Monday … 7 = Sunday, or "Mon".."Sun"). Default all 7. Ignored when the shift is used in a rotation.',
      }),
    kind: z.enum(['full-time', 'part-time']).optional().meta({ description: 'Contract kind. Default full-time.' }),
    description: z.string().optional(),
  })
  .superRefine((p, ctx) => {
    try {
      resolveShift('shift', p);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
  });

export const shiftsSchema = z
  .record(
    z
      .string()
      .min(1)
      .refine((k) => !(REST_TOKENS as readonly string[]).includes(k), 'a shift cannot be named like a rest token'),
    shiftPatternSchema,
  )
  .meta({ description: 'Named shift patterns.' });

export const rotationSchema = z
  .strictObject({
    cycle: z
      .array(z.string().min(1))
      .min(1)
      .meta({
        description: `Cycle of N days: the shift name worked on each day, or a rest token (${REST_TOKENS.join(', ')}).`,
      }),
    teams: z.int().min(1).meta({ description: 'Number of teams K.' }),
    offsetDays: z.int().min(0).meta({
      description:
        'Team k (k = 0..K-1) runs the cycle k·offsetDays days behind team 0: on date D it works cycle[(D − anchorDate − k·offsetDays) mod N].',
    }),
    anchorDate: isoDate.meta({ description: 'Date on which team 0 works cycle day 0.' }),
    peoplePerTeam: z
      .union([z.int().min(0), z.array(z.int().min(0)).min(1)])
      .meta({ description: 'People per team: one number for all teams, or one number per team.' }),
  })
  .superRefine((r, ctx) => {
    if (Array.isArray(r.peoplePerTeam) && r.peoplePerTeam.length !== r.teams) {
      ctx.addIssue({
        code: 'custom',
        path: ['peoplePerTeam'],
        message: `peoplePerTeam lists ${r.peoplePerTeam.length} teams but teams = ${r.teams}`,
      });
    }
  });

export const rosterSchema = z
  .strictObject({
    patterns: z
      .record(z.string().min(1), z.int().min(0))
      .optional()
      .meta({
        description:
          'People per named shift pattern: that many people work the shift on each of its days. For a 7-day pattern this is seats filled per day, not distinct people (see the head-count functions).',
      }),
    rotations: z
      .record(z.string().min(1), rotationSchema)
      .optional()
      .meta({ description: 'Named rotations (e.g. 四班三倒) and their team sizes.' }),
  })
  .meta({ description: 'Who works which pattern.' });

const fraction = z.number().min(0).lt(1);
const fractionOrMonthly = z.union([
  fraction,
  z.array(fraction).length(12).meta({ description: 'One fraction per calendar month, January first.' }),
]);

export const shrinkageItemsSchema = z.strictObject({
  combine: z.enum(['multiplicative', 'additive']).optional().meta({
    description:
      'How items combine: multiplicative total = 1 − Π(1 − s_i) (default), additive total = Σ s_i.',
  }),
  annualLeave: fractionOrMonthly.optional(),
  sickLeave: fractionOrMonthly.optional(),
  training: fractionOrMonthly.optional(),
  meetings: fractionOrMonthly.optional(),
  other: fractionOrMonthly.optional(),
  additional: z
    .record(z.string().min(1), fractionOrMonthly)
    .optional()
    .meta({ description: 'Further named items (e.g. coaching, system downtime).' }),
});

export const shrinkageSchema = z
  .union([fractionOrMonthly, shrinkageItemsSchema])
  .superRefine((s, ctx) => {
    if (typeof s === 'number' || Array.isArray(s)) return;
    if ((s.combine ?? 'multiplicative') !== 'additive') return;
    const items = [s.annualLeave, s.sickLeave, s.training, s.meetings, s.other, ...Object.values(s.additional ?? {})];
    for (let m = 0; m < 12; m++) {
      let sum = 0;
      for (const it of items) if (it !== undefined) sum += typeof it === 'number' ? it : it[m];
      if (sum >= 1) {
        ctx.addIssue({ code: 'custom', message: `additive shrinkage reaches ${sum.toFixed(3)} ≥ 1 in month ${m + 1}` });
        return;
      }
    }
  })
  .meta({
    description:
      'Share of scheduled (paid) time lost off seat for reasons other than the placed breaks: one fraction (0.3 = 30 %), 12 monthly fractions, or itemised.',
  });

/** Public holidays and adjusted working days, for paid-hours categories. */
export const workCalendarSchema = z.strictObject({
  statutoryHolidays: z
    .array(isoDate)
    .optional()
    .meta({ description: 'Statutory public holidays (法定节假日), ISO dates: 300 % overtime days.' }),
  makeupWorkdays: z
    .array(isoDate)
    .optional()
    .meta({ description: 'Weekend dates that are official working days (调休上班).' }),
  extraRestDays: z
    .array(isoDate)
    .optional()
    .meta({ description: 'Weekday dates that are rest days (调休放假), not statutory holidays.' }),
});


const candidateLengthSchema = z.union([
  z.number().positive().max(24),
  z.strictObject({
    hours: z.number().positive().max(24),
    unpaidBreaks: z.array(breakSchema).optional(),
    paidBreaks: z.array(breakSchema).optional(),
    label: z.string().min(1).optional().meta({ description: 'Name prefix of the generated patterns.' }),
  }),
]);

const workDaysSchema = z.union([
  z.enum(['every-day', 'five-consecutive', 'five-any']),
  z.array(z.array(weekday).min(1).max(7)).min(1),
]);

const clockRangeSchema = z.strictObject({ start: clockTime, end: clockTime });

/** Candidate generation and IP settings for shift-schedule optimisation (see schedule.ts). */
export const scheduleOptimisationSchema = z
  .strictObject({
    candidates: z
      .strictObject({
        startEveryMinutes: z.int().positive().max(1440).optional().meta({ description: 'Step between start times (default 60).' }),
        earliestStart: clockTime.optional(),
        latestStart: clockTime.optional(),
        lengths: z.array(candidateLengthSchema).optional().meta({ description: 'Full-time lengths (default 8 h, 9 h incl. 1-h unpaid lunch, 12 h).' }),
        partTime: z.union([z.array(candidateLengthSchema), z.literal(false)]).optional().meta({ description: 'Part-time lengths (default [4]); false for none.' }),
        workDays: workDaysSchema.optional().meta({ description: 'Working-day sets (default five-consecutive).' }),
        partTimeWorkDays: workDaysSchema.optional(),
      })
      .optional()
      .meta({ description: 'Generated candidate patterns; omit to use only includeShifts.' }),
    includeShifts: z.array(z.string().min(1)).optional().meta({ description: 'Names from the shifts section also offered as candidates.' }),
    period: z.enum(['week', 'day']).optional().meta({ description: 'Representative period the requirement is folded to (default week).' }),
    costPerPaidHour: z
      .union([z.number().positive(), z.strictObject({ 'full-time': z.number().positive().optional(), 'part-time': z.number().positive().optional() })])
      .optional()
      .meta({ description: 'Cost weight per paid hour, or per contract kind (default 1).' }),
    costPerPerson: z.number().min(0).optional().meta({ description: 'Extra weekly cost per person (default 0).' }),
    openingHours: clockRangeSchema.optional().meta({ description: 'Daily opening hours (default 7×24).' }),
    restrictShiftsToOpeningHours: z.boolean().optional(),
    maxPeoplePerPattern: z.int().min(0).max(LIMITS.agentsOnSeat).optional(),
    minOnSeat: z.number().min(0).max(LIMITS.agentsOnSeat).optional(),
    minOnSeatAtNight: z.number().min(0).max(LIMITS.agentsOnSeat).optional(),
    nightHours: clockRangeSchema.optional().meta({ description: 'Default 22:00–06:00.' }),
    maxOverstaff: z.number().min(0).max(LIMITS.agentsOnSeat).optional().meta({ description: 'Agents above requirement allowed per interval (soft).' }),
    maxPartTimeShare: z.number().min(0).max(1).optional().meta({ description: 'Maximum part-time share of paid hours.' }),
    breakModel: z.enum(['placed', 'expected', 'exact']).optional().meta({ description: 'Default placed (the IP chooses break times).' }),
    breakStepMinutes: z.int().positive().optional().meta({ description: 'Break slot step (default 15).' }),
    mipRelGap: z.number().min(0).max(1).optional().meta({ description: 'HiGHS relative gap (default 0.005).' }),
    timeLimitSeconds: z
      .number()
      .min(LIMITS.solverSeconds.min, { error: solverSecondsError })
      .max(LIMITS.solverSeconds.max, { error: solverSecondsError })
      .optional()
      .meta({ description: 'HiGHS time limit, all stages: a safety net behind the node limit (default 60; 1 to 3600).' }),
  })
  .meta({ description: 'Shift-schedule optimisation settings.' });

export type ScheduleOptimisation = z.infer<typeof scheduleOptimisationSchema>;

/**
 * A workforce section (shifts + roster + shrinkage + optional optimisation settings) with the
 * cross-checks: roster and includeShifts must name defined shifts. The lead may embed the parts
 * separately; then call rosterReferenceIssues in the scenario's superRefine.
 */
export const workforceSchema = z
  .strictObject({
    shifts: shiftsSchema.optional(),
    roster: rosterSchema.optional(),
    shrinkage: shrinkageSchema.optional(),
    scheduleOptimisation: scheduleOptimisationSchema.optional(),
  })
  .superRefine((w, ctx) => {
    const shifts = w.shifts ?? {};
    if (w.roster) {
      for (const issue of rosterReferenceIssues(w.roster, shifts)) {
        ctx.addIssue({ code: 'custom', path: ['roster', ...issue.path], message: issue.message });
      }
    }
    (w.scheduleOptimisation?.includeShifts ?? []).forEach((name, i) => {
      if (!(name in shifts)) {
        ctx.addIssue({ code: 'custom', path: ['scheduleOptimisation', 'includeShifts', i], message: `unknown shift "${name}"` });
      }
    });
  });
export type BreakWindow = z.infer<typeof breakWindowSchema>;
export type Break = z.infer<typeof breakSchema>;
export type ShiftPattern = z.infer<typeof shiftPatternSchema>;
export type Shifts = z.infer<typeof shiftsSchema>;
export type Rotation = z.infer<typeof rotationSchema>;
export type Roster = z.infer<typeof rosterSchema>;
export type ShrinkageItems = z.infer<typeof shrinkageItemsSchema>;
export type Shrinkage = z.infer<typeof shrinkageSchema>;
export type WorkCalendar = z.infer<typeof workCalendarSchema>;
export type Workforce = z.infer<typeof workforceSchema>;

export function isRestToken(s: string): boolean {
  return (REST_TOKENS as readonly string[]).includes(s);
}

/**
 * Cross-check a roster against the shift patterns: every pattern and every rotation cycle entry must
 * name a defined shift (or a rest token). Use this in the scenario schema's superRefine.
 */
export function rosterReferenceIssues(
  roster: Roster,
  shifts: Shifts,
): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  for (const name of Object.keys(roster.patterns ?? {})) {
    if (!(name in shifts)) issues.push({ path: ['patterns', name], message: `unknown shift pattern "${name}"` });
  }
  for (const [rname, rot] of Object.entries(roster.rotations ?? {})) {
    rot.cycle.forEach((entry, i) => {
      if (!isRestToken(entry) && !(entry in shifts)) {
        issues.push({
          path: ['rotations', rname, 'cycle', i],
          message: `unknown shift "${entry}" (define it under shifts, or use a rest token: ${REST_TOKENS.join(', ')})`,
        });
      }
    });
  }
  return issues;
}
