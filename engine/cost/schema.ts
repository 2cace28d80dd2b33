/**
 * Zod (v4) schema for a scenario's `cost:` section.
 *
 * Conventions
 * - Money is in yuan (CNY), never rounded inside the model.
 * - The period is part of every money field's name: `monthlyWage`, `perSeatPerYear`,
 *   `oneOff`, `perHire`, `fixedPerYear`.
 * - Rates are fractions (0.16 = 16 %).
 * - Every object is `.strict()`: an unknown (e.g. misspelt) field is an error.
 * - Nested objects use `.prefault({})` so an omitted section is parsed through the
 *   schema and picks up the inner defaults (zod 4's `.default()` would not).
 *
 * Provenance of defaults: see engine/cost/README.md. In short, every default is either
 * CITED from /work/shared/reference/facts.md (marked "facts:") or an ASSUMPTION (marked
 * so, with its reasoning). Figures from facts.md's "vendor-blog" row are weak sources.
 */
import { z } from 'zod';

const yuan = z.number().finite().nonnegative();
const fraction = z.number().finite().min(0).max(1);
const positive = z.number().finite().positive();

/** Monthly base floor and cap of a contribution base (yuan per month, per person). */
const baseBounds = z
  .object({
    monthlyFloor: yuan,
    monthlyCap: yuan,
  })
  .strict()
  .refine((b) => b.monthlyCap >= b.monthlyFloor, { message: 'monthlyCap must be >= monthlyFloor' });

/** A supporting role staffed by ratio to operators: one per `perOperators` operators. */
const ratioRole = (monthlyWage: number, perOperators: number) =>
  z
    .object({
      monthlyWage: yuan.default(monthlyWage),
      perOperators: positive.default(perOperators),
    })
    .strict()
    .prefault({});

const overheads = (shareOfLabour: number) =>
  z
    .object({
      /** Overhead as a share of the labour cost (wages, bonus, premiums, contributions, turnover). */
      shareOfLabour: fraction.default(shareOfLabour),
      /** Fixed overhead, yuan per year. */
      fixedPerYear: yuan.default(0),
    })
    .strict()
    .prefault({});

export const roleKeys = ['operator', 'teamLeader', 'qualityInspector', 'trainer', 'manager'] as const;
export type RoleKey = (typeof roleKeys)[number];

const nightAllowance = z
  .discriminatedUnion('mode', [
    z
      .object({
        mode: z.literal('perShift'),
        /** ASSUMPTION: 30 yuan per night shift (no national rule; local practice 20–50 yuan). */
        yuanPerShift: yuan.default(30),
        /** Length of a night shift in hours: night hours / shiftHours = night shifts. */
        shiftHours: positive.default(8),
      })
      .strict(),
    z
      .object({
        mode: z.literal('shareOfHourlyWage'),
        /** Extra pay per night hour as a share of the hourly wage (0.2 = +20 %). */
        shareOfHourlyWage: z.number().finite().nonnegative().default(0.2),
      })
      .strict(),
  ])
  .prefault({ mode: 'perShift' });

export const costSchema = z
  .object({
    /**
     * Calendar year the budget is for: sets the statutory-holiday count (11 up to 2024,
     * 13 from 2025) and the standard annual hours. Embedded calendar covers 2020–2026.
     * Default 2024 = the Liaocheng 2024 tender (facts).
     */
    calendarYear: z.number().int().min(2020).max(2026).default(2024),

    /**
     * The contract actually tendered or signed, as published (cite it in a comment): reports put
     * the modelled contract price beside it. Optional; it changes no computation.
     */
    citedContract: z
      .object({
        /** The contract's value, yuan, for `years` years (VAT included, as Chinese tender prices are). */
        yuan: yuan,
        years: z.number().positive().default(1),
        /** Where the figure comes from. */
        source: z.string().optional(),
      })
      .strict()
      .optional(),

    city: z
      .object({
        name: z.string().optional(),
        /** Monthly minimum wage, yuan (facts: 2024 Jinan 2,160; Haikou 2,010; Guangzhou 2,300; Nanning 1,990). Used for warnings only. */
        minimumMonthlyWage: yuan.optional(),
      })
      .strict()
      .prefault({}),

    roles: z
      .object({
        /** ASSUMPTION: 4,000 yuan gross/month, middle of the vendor-blog range 3,000–5,000 for smaller cities (facts, weak). */
        operator: z.object({ monthlyWage: yuan.default(4000) }).strict().prefault({}),
        /** ASSUMPTION: 1 per 15 operators (the brief's example), 1.3× operator wage. */
        teamLeader: ratioRole(5200, 15),
        /** ASSUMPTION: 1 per 30 operators, 1.2× operator wage. */
        qualityInspector: ratioRole(4800, 30),
        /** ASSUMPTION: 1 per 80 operators, 1.3× operator wage. */
        trainer: ratioRole(5200, 80),
        /** facts (vendor blog, weak): ~50 agents per manager; wage ASSUMPTION 2× operator wage. */
        manager: ratioRole(8000, 50),
        /**
         * 'ceil': whole people per role (ceil(operators / perOperators)), as a payroll has;
         * 'fractional': operators / perOperators (smooth; useful for sensitivity plots).
         */
        headcountRounding: z.enum(['ceil', 'fractional']).default('ceil'),
      })
      .strict()
      .prefault({}),

    bonus: z
      .object({
        /** ASSUMPTION: a 13th-month pay (1 month of wage a year) for every role — common practice, not a legal duty. */
        monthsOfWage: z.number().finite().nonnegative().default(1),
      })
      .strict()
      .prefault({}),

    socialInsurance: z
      .object({
        /**
         * Per-city monthly contribution base floor and cap (yuan). ASSUMPTION: 4,000 / 20,000 —
         * floors and caps are set at about 60 % / 300 % of the provincial average wage;
         * Shandong and Hainan 2024 values were not found (facts). Check the city's notice.
         */
        base: baseBounds.prefault({ monthlyFloor: 4000, monthlyCap: 20000 }),
        /**
         * What the employer declares as the contribution base before clamping:
         * 'actualPay' (the law: average monthly gross pay incl. bonus and premiums),
         * 'baseWage' (monthly wage only), 'floor' (declared at the floor — common, and
         * non-compliant when pay is above it), 'none' (no contributions at all — the
         * Liaocheng vendor reportedly paid none in 2018–2022, facts/004).
         */
        declaredOn: z.enum(['actualPay', 'baseWage', 'floor', 'none']).default('actualPay'),
        /** Employer rates. facts gives national ranges; Shandong/Hainan rates not found ⇒ ASSUMPTIONS inside those ranges. */
        rates: z
          .object({
            /** 养老保险. facts: ~16 % (national). */
            pension: fraction.default(0.16),
            /** 医疗保险 incl. 生育保险. ASSUMPTION 8 %: facts medical 5–12 % + maternity 0.5–1 %, merged in most cities. */
            medicalInclMaternity: fraction.default(0.08),
            /** 失业保险. ASSUMPTION 0.7 % inside facts' 0.5–1 %. */
            unemployment: fraction.default(0.007),
            /** 工伤保险. ASSUMPTION 0.4 %: office work is the lowest risk class; facts range 0.2–2 %. */
            workInjury: fraction.default(0.004),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),

    housingFund: z
      .object({
        /** 住房公积金 employer rate. ASSUMPTION 5 %: the legal minimum of facts' 5–12 % range, usual for vendors. */
        rate: fraction.default(0.05),
        /** Own base floor/cap; when omitted, the social-insurance base floor/cap is used. */
        base: baseBounds.optional(),
      })
      .strict()
      .prefault({}),

    premiums: z
      .object({
        /**
         * Hourly wage = monthly wage / hourlyDivisor. 174 = 21.75 paid days × 8 h
         * (劳社部发〔2008〕3号, 关于职工全年月平均工作时间和工资折算问题的通知).
         */
        hourlyDivisor: positive.default(174),
        nightAllowance,
        /**
         * Rest-day work at 200 % (facts: labour law). Default OFF: rostered 7×24 staff work
         * under the comprehensive working-hours system (综合计算工时工作制), where work on a
         * rest day is balanced by rotation (a day off elsewhere) rather than paid 200 %.
         * Turn on for standard-hours staff or when rest days are bought out.
         */
        restDay: z
          .object({
            enabled: z.boolean().default(false),
            multiplier: z.number().finite().nonnegative().default(2),
          })
          .strict()
          .prefault({}),
        /**
         * Statutory-holiday work at 300 % (facts: labour law); applies under the comprehensive
         * system too, and a 7×24 line works every holiday (facts).
         * basis 'onTopOfMonthlyWage' (default): the monthly wage already pays the holiday as
         * paid leave (21.75 days include holidays), so work on it earns 300 % extra.
         * 'inclusive': 300 % in total, i.e. 200 % on top of the monthly wage.
         */
        statutoryHoliday: z
          .object({
            multiplier: z.number().finite().nonnegative().default(3),
            basis: z.enum(['onTopOfMonthlyWage', 'inclusive']).default('onTopOfMonthlyWage'),
          })
          .strict()
          .prefault({}),
        /**
         * Under the comprehensive system, hours over the standard annual hours
         * ((365 − 104 − holiday days) × 8 = 2,000 h with 11 holidays, 1,984 h with 13) are
         * overtime at 150 % (facts: labour law). Counted on normal + rest-day hours per operator.
         */
        comprehensiveOvertime: z
          .object({
            enabled: z.boolean().default(true),
            multiplier: z.number().finite().nonnegative().default(1.5),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),

    /**
     * Used only when the caller gives no paidHoursByCategory (the workforce layer normally does).
     */
    hoursFallback: z
      .object({
        /** Worked hours per operator per year; default = standard annual hours of calendarYear (ASSUMPTION: no overtime). */
        workedHoursPerOperatorPerYear: positive.optional(),
        /**
         * Share of worked hours in the night window. ASSUMPTION 8 %: facts report one hotline
         * staffing 2–3 agents at night against 37 at peak, so nights are a small share.
         */
        nightShare: fraction.default(0.08),
      })
      .strict()
      .prefault({}),

    turnover: z
      .object({
        /**
         * ASSUMPTION 30 %/year: facts' Changsha tender caps turnover at ≤ 20 %/year; vendor
         * blogs (weak) say good centres 20–30 %, many > 100 %.
         */
        annualRate: z.number().finite().nonnegative().default(0.3),
        /** ASSUMPTION: 1,000 yuan per hire (advertising, screening, onboarding admin). */
        recruitmentPerHire: yuan.default(1000),
        /** facts (vendor blog, weak): training > 5,000 yuan per agent. */
        trainingPerHire: yuan.default(5000),
        /** Whether turnover is counted on operators only or on all staff. */
        appliesTo: z.enum(['operators', 'allStaff']).default('operators'),
      })
      .strict()
      .prefault({}),

    seats: z
      .object({
        /** facts: Changsha 2022 tender, seat : operator 1 : 2 for 24-h service. */
        operatorsPerSeat: positive.default(2),
        /** facts (vendor blog, weak): 4–5 m² per seat; 5 taken to cover supervisors' desks. */
        squareMetresPerSeat: positive.default(5),
        /** ASSUMPTION: 35 yuan/m²/month (≈1.15 yuan/m²/day) office rent incl. property fee, prefecture-level city. */
        rentPerSquareMetrePerMonth: yuan.default(35),
        /** ASSUMPTION: 1,500 yuan/m² one-off fit-out (cabling, acoustic, furniture). */
        fitOutPerSquareMetreOneOff: yuan.default(1500),
        /** facts (vendor blog, weak): ~5,000 yuan hardware per seat. */
        hardwarePerSeatOneOff: yuan.default(5000),
        /** ASSUMPTION: fit-out and hardware amortised over 5 years. */
        usefulLifeYears: positive.default(5),
        /** ASSUMPTION: 3,000 yuan/seat/year for IT support, network, trunks and telephony. */
        itTelephonyPerSeatPerYear: yuan.default(3000),
        /** ASSUMPTION: 1,500 yuan/seat/year for ACD/CRM/QA software licences. */
        softwareLicencesPerSeatPerYear: yuan.default(1500),
        /**
         * A vendor that provides the site or platform cannot count on winning the next
         * tender, so it recovers one-off costs within the contract term
         * (min(usefulLifeYears, contract years)). Default true.
         */
        vendorRecoversWithinContract: z.boolean().default(true),
      })
      .strict()
      .prefault({}),

    /** The vendor's own overhead (HR, payroll, office) in the outsourced model. ASSUMPTION 3 % of labour. */
    overheads: overheads(0.03),

    outsourcing: z
      .object({
        /** ASSUMPTION 5 % on the vendor's cost (facts: fee and margin of vendors not found). */
        managementFeeRate: z.number().finite().nonnegative().default(0.05),
        /** ASSUMPTION 3 % on cost + fee (facts: not found). */
        profitRate: z.number().finite().nonnegative().default(0.03),
        vat: z
          .object({
            /**
             * 'general': 6 % on the whole price; 'simplified': 5 % on the margin after
             * pass-through wages, social insurance and housing fund (Caishui [2016] No. 47);
             * 'small': 3 % on the whole price (facts). Prices are VAT-inclusive.
             * ASSUMPTION: default 'general' (the conservative choice; a labour-service
             * company may elect 'simplified').
             */
            regime: z.enum(['general', 'simplified', 'small']).default('general'),
            generalRate: fraction.default(0.06),
            simplifiedRate: fraction.default(0.05),
            smallRate: fraction.default(0.03),
          })
          .strict()
          .prefault({}),
        /** facts: surtaxes on VAT paid — city maintenance 7 % (urban), education 3 %, local education 2 %. */
        surtaxes: z
          .object({
            cityMaintenance: fraction.default(0.07),
            education: fraction.default(0.03),
            localEducation: fraction.default(0.02),
          })
          .strict()
          .prefault({}),
        /**
         * The government's own cost of tendering and managing the contract (outside the
         * contract price). ASSUMPTION: 1 % of the contract (about one official's time on a
         * 15M-yuan contract), no fixed part.
         */
        governmentContractManagement: z
          .object({
            fixedPerYear: yuan.default(0),
            shareOfContract: fraction.default(0.01),
          })
          .strict()
          .prefault({}),
        /**
         * Who provides the site (rent, fit-out) and the platform (hardware, IT/telephony,
         * software). Default 'government' for both: facts/003 — Liaocheng's centre speaks
         * of "our hall" and the government runs the centre; the vendor supplies operators.
         * Haikou's contractor is China Telecom, which likely also supplies the platform
         * (facts) — set platform: vendor there.
         */
        site: z.enum(['government', 'vendor']).default('government'),
        platform: z.enum(['government', 'vendor']).default('government'),
      })
      .strict()
      .prefault({}),

    inhouse: z
      .object({
        /** ASSUMPTION 1.0: an in-house (编外 contract) hire is paid the market wage. */
        wageMultiplier: z.number().finite().nonnegative().default(1),
        /** Absolute monthly wages per role; override wageMultiplier for the roles given. */
        monthlyWages: z
          .object({
            operator: yuan.optional(),
            teamLeader: yuan.optional(),
            qualityInspector: yuan.optional(),
            trainer: yuan.optional(),
            manager: yuan.optional(),
          })
          .strict()
          .prefault({}),
        /** Months of wage as bonus; default: same as `bonus.monthsOfWage`. */
        bonusMonthsOfWage: z.number().finite().nonnegative().optional(),
        /** Housing-fund rate; default: same as `housingFund.rate`. Public employers often pay 12 %. */
        housingFundRate: fraction.optional(),
        /** Turnover rate; default: same as `turnover.annualRate`. */
        turnoverRate: z.number().finite().nonnegative().optional(),
        /**
         * Extra benefits as a share of wages + bonus, e.g. 8 % occupational annuity (职业年金)
         * for staff with an establishment post. Default 0 (ASSUMPTION: contract staff).
         */
        supplementaryBenefitsRate: fraction.default(0),
        /** ASSUMPTION 5 % of labour: HR, payroll and office of a government centre. */
        overheads: overheads(0.05),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type CostSpec = z.infer<typeof costSchema>;
export type CostSpecInput = z.input<typeof costSchema>;

/** Parse (and default) a scenario's `cost:` section. Throws a ZodError on invalid input. */
export function parseCostSpec(input: unknown): CostSpec {
  return costSchema.parse(input ?? {});
}

/** A fully-defaulted spec. */
export function defaultCostSpec(): CostSpec {
  return costSchema.parse({});
}
