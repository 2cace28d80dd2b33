// The scenario file format: one zod schema, also published as JSON Schema (scenarios/schema.json).
// Units: durations in seconds (or a string with a unit), rates in calls per hour, money in yuan.
import { z } from 'zod';
import { SERVICE_LEVEL_FORMULAS } from '../analytic/erlang.ts';
import { costSchema } from '../cost/schema.ts';
import { rosterReferenceIssues, rosterSchema, scheduleOptimisationSchema, shiftsSchema, shrinkageSchema } from '../workforce/schema.ts';
import { isCalendarDate } from './calendar.ts';
import { LIMITS } from './limits.ts';
import { parseDuration } from './units.ts';

/** A duration field: seconds as a number, or a string with its unit; zero allowed only where it makes sense. */
const duration = (what: string, allowZero: boolean) =>
  z
    .union([z.number(), z.string()])
    .transform((v, ctx) => {
      const s = parseDuration(v);
      if (typeof s !== 'number') {
        ctx.addIssue({ code: 'custom', message: s.error });
        return z.NEVER;
      }
      if (!Number.isFinite(s) || s < 0 || (s === 0 && !allowZero)) {
        ctx.addIssue({ code: 'custom', message: `${what} must be ${allowZero ? 'zero or more' : 'a positive number of'} seconds (got ${v})` });
        return z.NEVER;
      }
      if (s > LIMITS.durationSeconds || (!allowZero && s < LIMITS.minMeanSeconds)) {
        ctx.addIssue({ code: 'custom', message: `${what} must be between ${allowZero ? 0 : LIMITS.minMeanSeconds} and ${LIMITS.durationSeconds.toExponential(0).replace('e+', 'e')} seconds (got ${v})` });
        return z.NEVER;
      }
      return s;
    })
    .describe(`${what}: seconds, or a string with a unit such as "4 min"`);
const positiveDuration = (what: string) => duration(what, false);
const nonNegativeDuration = (what: string) => duration(what, true);

const cv = z
  .number()
  .positive({ error: 'cv (standard deviation / mean) must be positive' })
  .min(LIMITS.cv.min, { error: `cv must be at least ${LIMITS.cv.min}` })
  .max(LIMITS.cv.max, { error: `cv must be at most ${LIMITS.cv.max}` })
  .describe('coefficient of variation, sd / mean');

export const distributionSchema = z.discriminatedUnion(
  'distribution',
  [
    z.strictObject({ distribution: z.literal('exponential'), mean: positiveDuration('mean') }),
    z.strictObject({ distribution: z.literal('lognormal'), mean: positiveDuration('mean'), cv }),
    z.strictObject({ distribution: z.literal('gamma'), mean: positiveDuration('mean'), cv }),
    z.strictObject({ distribution: z.literal('deterministic'), value: nonNegativeDuration('value') }),
    z.strictObject({
      distribution: z.literal('empirical'),
      file: z.string().min(1).describe('CSV of observed durations in seconds, relative to the scenario file'),
      column: z.string().optional().describe('column to read (default: the first)'),
    }),
  ],
  { error: 'distribution must be one of exponential, lognormal, gamma, deterministic, empirical' },
);
export type DistributionInput = z.infer<typeof distributionSchema>;

const rateArray = z.array(z.number().nonnegative({ error: 'calls per hour cannot be negative' })).min(1);
const shape = (n: string) => z.array(z.number().nonnegative({ error: `${n} weights cannot be negative` })).min(1);

export const arrivalsSchema = z
  .strictObject({
    callsPerHour: z
      .union([z.number().nonnegative({ error: 'calls per hour cannot be negative' }), rateArray])
      .optional()
      .describe('constant calls per hour, or one value per interval (a day of intervals repeats daily)'),
    dailyCalls: z.number().nonnegative().optional().describe('calls per day, shaped by weekdayShape and intradayShape'),
    annualCalls: z.number().nonnegative().optional().describe('calls per year, shaped by monthlyShape, weekdayShape and intradayShape'),
    monthlyShape: shape('monthlyShape').length(12, { error: 'monthlyShape needs 12 values, January first' }).optional(),
    weekdayShape: shape('weekdayShape').length(7, { error: 'weekdayShape needs 7 values, Monday first' }).optional(),
    intradayShape: shape('intradayShape').optional().describe('relative weights, one per interval of the day or one per hour (24)'),
    scale: z.number().nonnegative().default(1).describe('multiplies every rate (what-ifs such as a rainstorm week: 1.55)'),
  })
  .superRefine((a, ctx) => {
    const forms = (['callsPerHour', 'dailyCalls', 'annualCalls'] as const).filter((k) => a[k] !== undefined);
    if (forms.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        message: forms.length ? `give only one of ${forms.join(', ')}` : 'give callsPerHour, dailyCalls or annualCalls',
      });
    }
    if (a.callsPerHour !== undefined) {
      for (const k of ['monthlyShape', 'weekdayShape', 'intradayShape'] as const) {
        if (a[k] !== undefined) ctx.addIssue({ code: 'custom', path: [k], message: `${k} applies to dailyCalls or annualCalls, not callsPerHour` });
      }
    }
    if (a.dailyCalls !== undefined && a.monthlyShape !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['monthlyShape'], message: 'monthlyShape applies to annualCalls, not dailyCalls' });
    }
  });

const span = z
  .strictObject({
    days: z.number().positive().max(LIMITS.horizonDays, { error: `at most ${LIMITS.horizonDays} days (ten years)` }).optional(),
    hours: z.number().positive().max(LIMITS.horizonDays * 24, { error: `at most ${LIMITS.horizonDays * 24} hours (ten years)` }).optional(),
  })
  .refine((h) => (h.days === undefined) !== (h.hours === undefined), { error: 'give days or hours (one of them)' });


const agentCount = z
  .number()
  .int({ error: 'agents must be whole numbers' })
  .nonnegative({ error: 'agents cannot be negative' })
  .max(LIMITS.agentsOnSeat, { error: `at most ${LIMITS.agentsOnSeat.toLocaleString('en-US')} agents on seat` });

const scenarioFields = z.strictObject({
  name: z.string().min(1).describe('title shown on reports'),
  description: z.string().optional(),
  sources: z.array(z.string()).max(LIMITS.sources, { error: `at most ${LIMITS.sources} sources` }).optional().describe('citations for the figures used'),
  startDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'startDate must be a date such as 2024-01-01' })
    .refine(isCalendarDate, { error: 'startDate is not a calendar date (years 1900 to 2200, months 01 to 12, days that month has)' })
    .default('2024-01-01')
    .describe('first simulated day (weekday and month shapes follow the calendar)'),
  horizon: span.describe('simulated length: { days: 7 } or { hours: 24 }'),
  intervalMinutes: z
    .number()
    .int()
    .positive()
    .refine((m) => 1440 % m === 0, { error: 'intervalMinutes must divide a day (e.g. 15, 30, 60)' })
    .default(30)
    .describe('reporting interval; rates and agents are constant within one'),
  warmup: span.optional().describe('calls arriving before this are simulated but not counted (whole intervals)'),
  arrivals: arrivalsSchema,
  talkTime: distributionSchema.describe('talk time per answered call'),
  wrapUpTime: distributionSchema.default({ distribution: 'deterministic', value: 0 }).describe('after-call work'),
  patience: z
    .union([z.literal('none'), distributionSchema])
    .default('none')
    .describe('how long a caller waits before hanging up; "none" = waits forever'),
  redial: z
    .strictObject({
      probability: z
        .number()
        .min(0)
        .max(LIMITS.redialProbability, { error: `redial probability must be at most ${LIMITS.redialProbability} (or callers redial for ever)` })
        .describe('share of abandoning callers who call again'),
      delay: distributionSchema.describe('time from hanging up to calling again'),
    })
    .optional(),
  agents: z
    .union([
      agentCount,
      z.array(agentCount).min(1),
      z.strictObject({
        headcount: z.number().int().positive().max(LIMITS.headcount).describe('operators on the payroll'),
        peoplePerSeat: z.number().min(0.1, { error: 'peoplePerSeat must be at least 0.1 (people on the payroll per agent on seat)' }).max(1000).describe('people on the payroll per agent on seat around the clock (shifts, rest days, shrinkage)'),
      }),
    ])
    .optional()
    .describe('on-seat agents: constant, per interval (a day of intervals, or 24 hourly values, repeats daily), or { headcount, peoplePerSeat }; or give a roster'),
  shifts: shiftsSchema.optional().describe('named shift patterns (see engine/workforce/README.md)'),
  roster: rosterSchema.optional().describe('people per shift pattern or rotation team; gives the agents on seat instead of `agents`'),
  shrinkage: shrinkageSchema.optional().describe('share of scheduled time not on seat: one fraction, 12 monthly values, or itemised'),
  scheduleOptimisation: scheduleOptimisationSchema.optional().describe('settings for `hotline-sim staff` (candidate shifts, costs, limits)'),
  cost: costSchema.optional().describe('cost items for `hotline-sim budget` (see engine/cost/README.md)'),
  serviceLevelSeconds: z.number().positive().default(15).describe('answered within T seconds; 15 s is GB/T 33358-2016'),
  serviceLevelFormula: z.enum(SERVICE_LEVEL_FORMULAS).default('offered').describe('which service-level formula is the headline'),
  seed: z.union([z.number().int(), z.string()]).default(1),
  replications: z.number().int().min(1).max(10000).default(10),
});

export const scenarioSchema = scenarioFields.superRefine((s, ctx) => {
  if (s.agents === undefined && s.roster === undefined) {
    ctx.addIssue({ code: 'custom', path: ['agents'], message: 'give agents (on seat) or a roster' });
  }
  if (s.agents !== undefined && s.roster !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['roster'], message: 'give agents or a roster, not both' });
  }
  if (s.roster) {
    for (const issue of rosterReferenceIssues(s.roster, s.shifts ?? {})) {
      ctx.addIssue({ code: 'custom', path: ['roster', ...issue.path], message: issue.message });
    }
  }
  (s.scheduleOptimisation?.includeShifts ?? []).forEach((name, i) => {
    if (!(name in (s.shifts ?? {}))) {
      ctx.addIssue({ code: 'custom', path: ['scheduleOptimisation', 'includeShifts', i], message: `unknown shift "${name}"` });
    }
  });
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type ScenarioSpec = z.output<typeof scenarioSchema>;

/** The JSON Schema editors use to check scenario files. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}
