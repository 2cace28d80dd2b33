// The scenario file format: one zod schema, also published as JSON Schema (scenarios/schema.json).
// Units: durations in seconds (or a string with a unit), rates in calls per hour, money in yuan.
import { z } from 'zod';
import { SERVICE_LEVEL_FORMULAS } from '../analytic/erlang.ts';
import { costSchema } from '../cost/schema.ts';
import { rosterReferenceIssues, rosterSchema, scheduleOptimisationSchema, shiftsSchema, shrinkageSchema } from '../workforce/schema.ts';
import { isCalendarDate } from './calendar.ts';
import { LIMITS } from '../limits.ts';
import { parseDuration } from './units.ts';
import { publishedSchema } from './published.ts';

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

const agentCount = z
  .number()
  .int({ error: 'agents must be whole numbers' })
  .nonnegative({ error: 'agents cannot be negative' })
  .max(LIMITS.agentsOnSeat, { error: `at most ${LIMITS.agentsOnSeat.toLocaleString('en-US')} agents on seat` });

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
    dayToDayCv: z
      .number()
      .min(0, { error: 'dayToDayCv cannot be negative' })
      .max(2, { error: 'dayToDayCv above 2 is not a plausible day-to-day variation' })
      .optional()
      .describe('random day-to-day volume: each day × a gamma factor with mean 1 and this cv (0 or absent: Poisson only)'),
    specialDays: z
      .array(
        z.strictObject({
          name: z.string().min(1).describe('what happens, e.g. "rainstorm week"'),
          date: isoDate('specialDays.date').describe('first day, YYYY-MM-DD'),
          days: z.number().int().positive().default(1).describe('how many days from date'),
          factor: z.number().nonnegative().describe('multiplies the day\'s volume: 1.55 = +55%'),
        }),
      )
      .optional()
      .describe('named days with a volume factor (a rainstorm week: +55%, factor 1.55)'),
    statutoryHolidayFactor: z
      .number()
      .nonnegative()
      .optional()
      .describe('volume on statutory holidays (embedded calendar 2020-2026) × this factor, e.g. 0.6'),
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

/** A calendar date YYYY-MM-DD (checked to exist: 2024-02-30 is refused). */
function isoDate(what: string) {
  return z.string().refine(
    (v) => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
      if (!m) return false;
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
    },
    { error: `${what} must be a calendar date such as 2024-07-10` },
  );
}

/** A time of day "HH:MM" (24:00 allowed as the end of a day), in seconds from midnight. */
const timeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: 'a time of day such as "08:00"' })
  .transform((v) => Number(v.slice(0, 2)) * 3600 + Number(v.slice(3, 5)) * 60)
  .refine((v) => v <= 86400, { error: 'a time of day up to "24:00"' });

const share = (what: string) => z.number().min(0, { error: `${what} is a share from 0 to 1` }).max(1, { error: `${what} is a share from 0 to 1` });

/** A duration (seconds or "2 h") meaning a fixed value, or a distribution. */
const durationOrDistribution = (what: string) =>
  z.union([
    nonNegativeDuration(what).transform((value) => ({ distribution: 'deterministic' as const, value })),
    distributionSchema,
  ]);

export const callTypeSchema = z.strictObject({
  name: z.string().min(1).describe('e.g. consultation, complaint'),
  zh: z.string().optional().describe('Chinese name for reports, e.g. 咨询, 投诉'),
  share: z.number().positive({ error: 'a call type share must be more than 0' }).describe('share of callers (shares are normalised)'),
  talkTime: distributionSchema.describe('talk time of this type'),
  wrapUpTime: distributionSchema.default({ distribution: 'deterministic', value: 0 }).describe('after-call work of this type (e.g. writing the work order 工单)'),
});

export const outboundSchema = z
  .strictObject({
    fromAnswered: z
      .strictObject({
        share: share('outbound.fromAnswered.share').describe('share of answered calls that owe a return visit or callback'),
        deadline: positiveDuration('deadline').describe('due this long after the call ends, e.g. "24 h"'),
      })
      .optional(),
    daily: z
      .strictObject({
        tasks: z.number().int().nonnegative().describe('tasks created each day when the window opens'),
        deadline: positiveDuration('deadline').describe('due this long after creation'),
      })
      .optional(),
    talkTime: distributionSchema.describe('talk time when the citizen answers'),
    wrapUpTime: distributionSchema.default({ distribution: 'deterministic', value: 0 }),
    window: z
      .strictObject({ from: timeOfDay, to: timeOfDay })
      .prefault({ from: '09:00', to: '21:00' })
      .describe('hours when tasks may be dialled (on interval boundaries)'),
    answerProbability: share('outbound.answerProbability').default(0.8).describe('probability that the citizen answers an attempt'),
    noAnswerTime: nonNegativeDuration('noAnswerTime').default(30).describe('agent time on an attempt nobody answers'),
    retryDelay: durationOrDistribution('retryDelay').prefault(7200).describe('wait before dialling again'),
    maxAttempts: z.number().int().min(1).max(20).default(3).describe('attempts per task at most'),
    reserve: z.number().int().nonnegative().default(0).describe('outbound only when more than this many agents are idle'),
  })
  .refine((o) => o.fromAnswered !== undefined || o.daily !== undefined, { error: 'give fromAnswered, daily, or both' });

export const onlineSchema = z.strictObject({
  arrivals: z.lazy(() => arrivalsSchema).describe('requests, in the same form as arrivals (callsPerHour, dailyCalls or annualCalls)'),
  handleTime: distributionSchema.describe('agent time per request'),
  target: positiveDuration('target').default(180).describe('response-time target (GB/T 33358: SMS within 3 min)'),
  agents: z
    .union([z.literal('shared'), agentCount, z.array(agentCount).min(1)])
    .default('shared')
    .describe('"shared" with voice (answered when no caller waits), or a separate group: a count or one per interval'),
  reserve: z.number().int().nonnegative().default(0).describe('shared agents take online work only when more than this many are idle'),
});

const span = z
  .strictObject({
    days: z.number().positive().max(LIMITS.horizonDays, { error: `at most ${LIMITS.horizonDays} days (ten years)` }).optional(),
    hours: z.number().positive().max(LIMITS.horizonDays * 24, { error: `at most ${LIMITS.horizonDays * 24} hours (ten years)` }).optional(),
  })
  .refine((h) => (h.days === undefined) !== (h.hours === undefined), { error: 'give days or hours (one of them)' });


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
  talkTime: distributionSchema.optional().describe('talk time per answered call (or give callTypes)'),
  callTypes: z.array(callTypeSchema).min(1).optional().describe('a mix of call types, each with its share, talk and wrap-up (instead of talkTime/wrapUpTime)'),
  wrapUpTime: distributionSchema.default({ distribution: 'deterministic', value: 0 }).describe('after-call work'),
  patience: z
    .union([z.literal('none'), distributionSchema])
    .default('none')
    .describe('how long a caller waits before hanging up; "none" = waits forever'),
  redial: z
    .strictObject({
      probability: z
        .union([share('redial.probability'), z.array(share('redial.probability')).min(1)])
        .describe('share of callers who call again after abandoning or a busy signal: one value, or one per attempt (the last repeats)'),
      delay: distributionSchema.describe('time from hanging up to calling again'),
      maxAttempts: z.number().int().min(1).max(50).default(10).describe('attempts per person at most, the first included'),
      laterPatience: distributionSchema.optional().describe('patience on later attempts (default: as on the first)'),
    })
    .optional(),
  outbound: outboundSchema.optional().describe('outbound return visits and callbacks (回访, 回拨) done by the same agents'),
  online: onlineSchema.optional().describe('online requests (网络渠道: WeChat, app, web, SMS)'),
  lines: z.number().int().positive().optional().describe('trunk lines: a call finding all taken is blocked (busy signal, 占线)'),
  ivr: z
    .strictObject({ selfServiceShare: share('ivr.selfServiceShare').describe('share of callers who finish in self-service with no agent') })
    .optional(),
  agents: z
    .union([
      agentCount,
      z.array(agentCount).min(1),
      z.strictObject({
        headcount: z.number().int().positive().max(LIMITS.headcount).describe('people on the payroll'),
        peoplePerSeat: z.number().min(0.1, { error: 'peoplePerSeat must be at least 0.1 (people on the payroll per agent on seat)' }).max(1000).describe('people taking calls per agent on seat, on average over the day (shifts, rest days, shrinkage)'),
        profile: z
          .enum(['flat', 'demand'])
          .default('flat')
          .describe('"flat": the same number on seat around the clock; "demand": on seat in proportion to the arrival rate, the same average'),
        minOnSeat: z.number().int().nonnegative().max(LIMITS.agentsOnSeat).default(1).describe('with profile "demand": never fewer on seat than this'),
      }),
    ])
    .optional()
    .describe('on-seat agents: constant, per interval (a day of intervals, or 24 hourly values, repeats daily), or { headcount, peoplePerSeat }; or give a roster'),
  payroll: z
    .strictObject({
      phoneShare: z.number().gt(0, { error: 'phoneShare must be more than 0' }).max(1, { error: 'phoneShare is a share, at most 1' }).optional()
        .describe('share of the payroll head count who take calls (0–1)'),
      offPhone: z.record(z.string(), z.number().int().nonnegative({ error: 'people off the phones: a whole number, 0 or more' })).optional()
        .describe('people on the payroll who do not take calls, by role, e.g. { dispatcher: 12, qualityInspector: 6 }'),
    })
    .refine((p) => (p.phoneShare === undefined) !== (p.offPhone === undefined), { error: 'give phoneShare or offPhone (one of them)' })
    .optional()
    .describe('who on the payroll takes calls: used by every conversion between head count and agents on seat'),
  shifts: shiftsSchema.optional().describe('named shift patterns (see engine/workforce/README.md)'),
  roster: rosterSchema.optional().describe('people per shift pattern or rotation team; gives the agents on seat instead of `agents`'),
  shrinkage: shrinkageSchema.optional().describe('share of scheduled time not on seat: one fraction, 12 monthly values, or itemised'),
  scheduleOptimisation: scheduleOptimisationSchema.optional().describe('settings for `hotline-sim staff` (candidate shifts, costs, limits)'),
  cost: costSchema.optional().describe('cost items for `hotline-sim budget` (see engine/cost/README.md)'),
  preQueueDelay: z
    .number()
    .min(0, { error: 'preQueueDelay is seconds, 0 or more' })
    .max(LIMITS.preQueueDelaySeconds, { error: `preQueueDelay is at most ${LIMITS.preQueueDelaySeconds} seconds (a greeting and ringing, not a queue)` })
    .default(0)
    .describe('seconds every offered call spends before it can be queued (greeting, recording notice, ringing): counted in the published wait and the service-level clock, no agent busy; callers may hang up during it'),
  published: publishedSchema.optional().describe('the published figures the scenario is fitted to (use: fit) or checked against (use: heldOut)'),
  serviceLevelSeconds: z.number().positive().default(15).describe('answered within T seconds; 15 s is GB/T 33358-2016'),
  serviceLevelFormula: z.enum(SERVICE_LEVEL_FORMULAS).default('offered').describe('which service-level formula is the headline'),
  seed: z.union([z.number().int(), z.string()]).default(1),
  replications: z.number().int().min(1).max(10000).default(10),
});

export const scenarioSchema = scenarioFields.superRefine((s, ctx) => {
  if ((s.talkTime === undefined) === (s.callTypes === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['talkTime'], message: s.talkTime ? 'give talkTime or callTypes, not both' : 'give talkTime (or callTypes)' });
  }
  if (s.callTypes && s.wrapUpTime.distribution !== 'deterministic') {
    ctx.addIssue({ code: 'custom', path: ['wrapUpTime'], message: 'with callTypes, give wrapUpTime per call type' });
  }
  if (s.preQueueDelay > 0) {
    // engine/callcenter/preQueue.ts: exact by memorylessness; greeting hang-ups are not redialled.
    if (s.patience !== 'none' && s.patience.distribution !== 'exponential') {
      ctx.addIssue({ code: 'custom', path: ['preQueueDelay'], message: 'preQueueDelay is modelled with exponential patience (or none): give patience { distribution: exponential, mean } or preQueueDelay: 0' });
    }
    if (s.redial) ctx.addIssue({ code: 'custom', path: ['preQueueDelay'], message: 'preQueueDelay with redial is not modelled (greeting hang-ups would redial): drop one of them' });
  }
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
