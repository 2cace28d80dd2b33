/**
 * Zod (v4) schema for a scenario's `cost:` section.
 * Over 450 lines on purpose: it is one declarative table (every field with its bound, default and source), kept whole so it reads as one.
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
 * CITED from the project's research notes on the case figures (marked "facts:") or an ASSUMPTION (marked
 * so, with its reasoning). Figures from scenarios/SOURCES.md's "vendor-blog" row are weak sources.
 */
import { z } from 'zod';
import { PROVINCES } from './parameters/table.ts';
import { LIMITS } from '../limits.ts';

// Every number has a stated bound (LIMITS.cost, listed in scenarios/README.md): a value outside is
// refused when the scenario is read, naming the field, the bound and the unit, before any work.
const C = LIMITS.cost;
const shown = (v: number): string => (v >= 1e12 ? v.toExponential().replace('e+', 'e') : v.toLocaleString('en-US', { maximumFractionDigits: 3 }));
/** A finite number from `min` (or above 0) to `max`; out of bounds, the message states both and the unit. */
function bounded(min: number | 'above 0', max: number, unit: string) {
  const range = `${min === 'above 0' ? 'more than 0' : `from ${shown(min)}`} to ${shown(max)} ${unit}`;
  const error = (iss: { input?: unknown }) => `must be ${range} (got ${String(iss.input)})`;
  const n = z.number().finite();
  return (min === 'above 0' ? n.positive({ error }) : n.min(min, { error })).max(max, { error });
}
/** Unbounded above: only with a `.max()` of the field's own. */
const yuan = z.number().finite().nonnegative();
const positive = z.number().finite().positive();
const yuanPerMonth = bounded(0, C.yuanPerPersonMonth, 'yuan a month');
const yuanPerPersonYear = bounded(0, C.yuanPerPersonYear, 'yuan a person a year');
const yuanPerHire = bounded(0, C.yuanPerHire, 'yuan a hire');
const yuanPerSeat = bounded(0, C.yuanPerSeat, 'yuan a seat');
const yuanPerSquareMetre = bounded(0, C.yuanPerSquareMetre, 'yuan a square metre');
const yuanPerYear = bounded(0, C.yuanPerYear, 'yuan a year');
const fraction = bounded(0, 1, '(a share: 0.16 = 16 %)');
const payMultiplier = bounded(0, C.payMultiplier, 'times');
const monthsOfWage = bounded(0, C.monthsOfWage, 'months of wage');
const annualTurnover = bounded(0, C.annualTurnover, 'a year (1 = 100 %)');
const feeRate = bounded(0, C.feeRate, 'of cost (1 = 100 %)');
const years = bounded(C.years.min, C.years.max, 'years');

/** Monthly base floor and cap of a contribution base (yuan per month, per person). */
const baseBounds = z
  .object({
    monthlyFloor: yuanPerMonth,
    monthlyCap: yuanPerMonth,
  })
  .strict()
  .refine((b) => b.monthlyCap >= b.monthlyFloor, { message: 'monthlyCap must be >= monthlyFloor' });

/** A supporting role staffed by ratio to operators: one per `perOperators` operators. */
const ratioRole = (monthlyWage: number, perOperators: number) =>
  z
    .object({
      monthlyWage: yuanPerMonth.default(monthlyWage),
      perOperators: bounded(C.operatorsPerRole.min, C.operatorsPerRole.max, 'operators').default(perOperators),
    })
    .strict()
    .prefault({});

const overheads = (shareOfLabour: number) =>
  z
    .object({
      /** Overhead as a share of the labour cost (wages, bonus, premiums, contributions, turnover). */
      shareOfLabour: fraction.default(shareOfLabour),
      /** Fixed overhead, yuan per year. */
      fixedPerYear: yuanPerYear.default(0),
    })
    .strict()
    .prefault({});

export const roleKeys = ['operator', 'teamLeader', 'qualityInspector', 'trainer', 'manager', 'otherStaff'] as const;
/** Roles staffed by ratio to operators. */
export const ratioRoleKeys = ['teamLeader', 'qualityInspector', 'trainer', 'manager'] as const;
export type RatioRoleKey = (typeof ratioRoleKeys)[number];
export type RoleKey = (typeof roleKeys)[number];

const nightAllowance = z
  .discriminatedUnion('mode', [
    z
      .object({
        mode: z.literal('perShift'),
        /** ASSUMPTION: 30 yuan per night shift (no national rule; local practice 20–50 yuan). */
        yuanPerShift: bounded(0, C.yuanPerShift, 'yuan a night shift').default(30),
        /** Length of a night shift in hours: night hours / shiftHours = night shifts. */
        shiftHours: bounded(C.shiftHours.min, C.shiftHours.max, 'hours').default(8),
      })
      .strict(),
    z
      .object({
        mode: z.literal('shareOfHourlyWage'),
        /** Extra pay per night hour as a share of the hourly wage (0.2 = +20 %). */
        shareOfHourlyWage: bounded(0, C.payMultiplier, 'times the hourly wage').default(0.2),
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
     * Province (and year) whose parameter table fills the contribution bases, rates, housing
     * fund, minimum wage, high-temperature allowance and 残保金 ratio the scenario leaves out.
     * `year` defaults to calendarYear. Without a region every such value is the national default.
     */
    region: z
      .object({
        province: z.enum(PROVINCES as [string, ...string[]]),
        year: z.number().int().min(2000).max(2100).optional(),
      })
      .strict()
      .optional(),

    /**
     * The contract actually tendered or signed, as published (cite it in a comment): reports put
     * the modelled contract price beside it. Optional; it changes no computation.
     */
    citedContract: z
      .object({
        /** The contract's value, yuan, for `years` years (VAT included, as Chinese tender prices are). */
        yuan: bounded(0, C.contractYuan, 'yuan'),
        years: years.default(1),
        /** Where the figure comes from. */
        source: z.string().optional(),
        /** What is reported about how the price was met (printed beside the price fit's alternatives, with its caveat). */
        note: z.string().optional(),
      })
      .strict()
      .optional(),

    city: z
      .object({
        name: z.string().optional(),
        /** Monthly minimum wage, yuan; omitted: the table's city row (MOHRSS tables: 2024 Jinan 2,200, Liaocheng 2,010 class 2 assumed, Haikou 2,010, Guangzhou 2,300, Nanning 1,990). Used for warnings, the lawful floor and the price fit. */
        minimumMonthlyWage: yuanPerMonth.optional(),
      })
      .strict()
      .prefault({}),

    roles: z
      .object({
        /** ASSUMPTION: 4,000 yuan gross/month, middle of the vendor-blog range 3,000–5,000 for smaller cities (facts, weak). */
        operator: z.object({ monthlyWage: yuanPerMonth.default(4000) }).strict().prefault({}),
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
        /**
         * Off-phone people the scenario's payroll names under other roles (dispatchers, return
         * visits …). Wage default: the operator wage (ASSUMPTION). Never added by ratio.
         */
        otherStaff: z.object({ monthlyWage: yuanPerMonth.optional() }).strict().prefault({}),
        /**
         * Ratio roles the scenario's head count already includes (head count = people, not
         * operators plus extras). Listed roles are carved out of the head count by ratio; the
         * others are added on top. Roles the payroll's `offPhone` names are always inside the
         * head count, with the payroll's counts. Default: none (head count = operators + roles).
         */
        inHeadcount: z.array(z.enum(['teamLeader', 'qualityInspector', 'trainer', 'manager'])).default([]),
      })
      .strict()
      .prefault({}),

    bonus: z
      .object({
        /** ASSUMPTION: a 13th-month pay (1 month of wage a year) for every role — common practice, not a legal duty. */
        monthsOfWage: monthsOfWage.default(1),
      })
      .strict()
      .prefault({}),

    socialInsurance: z
      .object({
        /**
         * Monthly contribution base floor and cap (yuan). Omitted: the region table
         * (parameters/table.ts), else the labelled national default 4,000 / 20,000.
         */
        base: baseBounds.optional(),
        /**
         * What the employer declares as the contribution base before clamping:
         * 'actualPay' (the law: average monthly gross pay incl. bonus and premiums),
         * 'baseWage' (monthly wage only), 'floor' (declared at the floor — common, and
         * non-compliant when pay is above it), 'none' (no contributions at all — the
         * Liaocheng vendor reportedly paid none in 2018–2022, facts/004).
         */
        declaredOn: z.enum(['actualPay', 'baseWage', 'floor', 'none']).default('actualPay'),
        /**
         * A declared monthly base per person, yuan, for social insurance and the housing fund alike,
         * overriding declaredOn (what a price fit solves for; below the floor is non-compliant).
         */
        declaredMonthlyBase: yuanPerMonth.optional(),
        /** Employer rates; each omitted rate comes from the region table, else the labelled national default (16 %, 8 %, 0.7 %, 0.2 %). */
        rates: z
          .object({
            /** 养老保险. facts: ~16 % (national). */
            pension: fraction.optional(),
            /** 医疗保险 incl. 生育保险. ASSUMPTION 8 %: facts medical 5–12 % + maternity 0.5–1 %, merged in most cities. */
            medicalInclMaternity: fraction.optional(),
            /** 失业保险. ASSUMPTION 0.7 % inside facts' 0.5–1 %. */
            unemployment: fraction.optional(),
            /**
             * 工伤保险. Omitted: the base rate of the employer's industry class (人社部发〔2015〕71号):
             * outsourcing.vendorIndustry for the vendor (labour service / telecom: class 2, 0.4 %;
             * call centre: class 1, 0.2 %), class 1 (0.2 %) for a public employer in-house.
             */
            workInjury: fraction.optional(),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),

    housingFund: z
      .object({
        /** 住房公积金 employer rate. Omitted: region table, else the legal minimum 5 % (range 5–12 %). */
        rate: fraction.optional(),
        /** Own base floor/cap (much lower floor than social insurance); when omitted: the region table, else the national default. */
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
        hourlyDivisor: bounded(C.hourlyDivisor.min, C.hourlyDivisor.max, 'hours a month').default(174),
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
            multiplier: payMultiplier.default(2),
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
            multiplier: payMultiplier.default(3),
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
            multiplier: payMultiplier.default(1.5),
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
        workedHoursPerOperatorPerYear: bounded('above 0', C.hoursPerYear, 'hours a year').optional(),
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
        annualRate: annualTurnover.default(0.3),
        /** ASSUMPTION: 1,000 yuan per hire (advertising, screening, onboarding admin). */
        recruitmentPerHire: yuanPerHire.default(1000),
        /** facts (vendor blog, weak): training > 5,000 yuan per agent. */
        trainingPerHire: yuanPerHire.default(5000),
        /**
         * true (default): trainingPerHire is the WHOLE cost of training a hire (the weak source's
         * figure is all-in), so the trainers on the payroll are part of it: the line charges
         * hires × trainingPerHire less the trainers' wages and bonus (not below 0).
         * false: trainingPerHire is external cost only (materials, certification), on top of them.
         */
        trainingPerHireIncludesTrainers: z.boolean().default(true),
        /** Whether turnover is counted on operators only or on all staff. */
        appliesTo: z.enum(['operators', 'allStaff']).default('operators'),
      })
      .strict()
      .prefault({}),

    seats: z
      .object({
        /**
         * 'peakOnSeat' (default): seats = the peak agents on seat of the scenario's staffing plus
         * desks for the off-phone staff on duty (in the same proportion as the phone staff);
         * 'operatorRatio': operators / operatorsPerSeat. Without a staffing pattern the ratio is
         * the fallback, and the budget says so.
         */
        basis: z.enum(['peakOnSeat', 'operatorRatio']).default('peakOnSeat'),
        /** Changsha 2022 tender, seat : operator 1 : 2 for 24-h service: the fallback ratio. */
        operatorsPerSeat: bounded(C.operatorsPerSeat.min, C.operatorsPerSeat.max, 'operators a seat').default(2),
        /** facts (vendor blog, weak): 4–5 m² per seat; 5 taken to cover supervisors' desks. */
        squareMetresPerSeat: bounded(C.squareMetresPerSeat.min, C.squareMetresPerSeat.max, 'square metres').default(5),
        /** ASSUMPTION: 35 yuan/m²/month (≈1.15 yuan/m²/day) office rent incl. property fee, prefecture-level city. */
        rentPerSquareMetrePerMonth: yuanPerSquareMetre.default(35),
        /** ASSUMPTION: 1,500 yuan/m² one-off fit-out (cabling, acoustic, furniture). */
        fitOutPerSquareMetreOneOff: yuanPerSquareMetre.default(1500),
        /** facts (vendor blog, weak): ~5,000 yuan hardware per seat. */
        hardwarePerSeatOneOff: yuanPerSeat.default(5000),
        /** ASSUMPTION: fit-out and hardware amortised over 5 years. */
        usefulLifeYears: years.default(5),
        /** ASSUMPTION: 3,000 yuan/seat/year for IT support, network, trunks and telephony. */
        itTelephonyPerSeatPerYear: yuanPerSeat.default(3000),
        /** ASSUMPTION: 1,500 yuan/seat/year for ACD/CRM/QA software licences. */
        softwareLicencesPerSeatPerYear: yuanPerSeat.default(1500),
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
        /**
         * How the service is bought: 'serviceOutsourcing' (服务外包/劳务外包 — how 12345 operation
         * is procured, e.g. Hefei Shushan 2025 and Xiangjiang 2025 bought it as services) or
         * 'labourDispatch' (劳务派遣). Only labour dispatch may use the 5 % simplified method on
         * the differential (财税〔2016〕47号).
         */
        contractType: z.enum(['serviceOutsourcing', 'labourDispatch']).default('serviceOutsourcing'),
        /** The vendor's VAT status: 'general' taxpayer or 'smallScale' (小规模纳税人, annual sales ≤ 5M yuan: above it is an error). */
        taxpayer: z.enum(['general', 'smallScale']).default('general'),
        /**
         * The vendor is a small low-profit enterprise (小型微利企业: ≤ 300 staff, taxable income ≤ 3M,
         * assets ≤ 50M): surtaxes halved 2022–2027 (财政部 税务总局公告2023年第12号). Default false
         * (ASSUMPTION: income and assets not known). A head count above 300 is an error.
         */
        smallLowProfit: z.boolean().default(false),
        /**
         * The vendor's industry class for work-injury insurance (人社部发〔2015〕71号): 'labourService'
         * (商务服务业, class 2, 0.4 %, default: 12345 vendors are mostly labour-service firms),
         * 'telecom' (class 2, 0.4 %), 'callCentre' (class 1, 0.2 %).
         */
        vendorIndustry: z.enum(['labourService', 'telecom', 'callCentre']).default('labourService'),
        /**
         * Labour dispatch (劳务派遣) is lawful only on temporary, auxiliary or substitute posts
         * (劳动合同法 art. 66) and for at most 10 % of the user's workforce (劳务派遣暂行规定 art. 4):
         * a whole 12345 hall breaks both, so contractType labourDispatch needs `justification`.
         */
        dispatch: z
          .object({
            /** Why art. 66 and the 10 % cap hold here (printed on the first screen). */
            justification: z.string().min(1).optional(),
            /** The user's own staff (its 用工总量 without the dispatched): for the 10 % check. */
            userOwnStaff: z.number().int().nonnegative().max(10_000_000).optional(),
            /** The vendor holds a dispatch licence (劳务派遣经营许可证, 劳动合同法 art. 57). */
            licensed: z.boolean().default(true),
          })
          .strict()
          .prefault({}),
        /**
         * One management-fee concept (管理费 = the vendor's HR, payroll, admin and QA overhead in
         * Chinese bid build-ups): 'inManagementFee' (default) — the fee covers the overhead, no
         * separate overhead line; 'itemised' — the overhead is itemised (overheads.*) and no fee.
         */
        overheadBasis: z.enum(['inManagementFee', 'itemised']).default('inManagementFee'),
        /** ASSUMPTION 5 % on the vendor's cost (fee rates of vendors not found); used with overheadBasis inManagementFee. */
        managementFeeRate: feeRate.default(0.05),
        /** ASSUMPTION 3 % on cost + fee (facts: not found). */
        profitRate: feeRate.default(0.03),
        vat: z
          .object({
            /**
             * 'general': 6 % on the whole price (general taxpayer); 'simplified': 5 % on the
             * price less wages, welfare, social insurance and housing fund of the dispatched staff
             * (labour dispatch only, 财税〔2016〕47号); 'small': the small-scale rate on the whole
             * price (small-scale taxpayer only). Omitted: 'general' for a general taxpayer,
             * 'small' for a small-scale one. A regime the contract type or taxpayer does not
             * allow is an error. Prices are VAT-inclusive.
             */
            regime: z.enum(['general', 'simplified', 'small']).optional(),
            generalRate: fraction.default(0.06),
            simplifiedRate: fraction.default(0.05),
            /** Small-scale rate; omitted: 1 % for 2023–2027 (reduced rate to 2027-12-31), 3 % otherwise. */
            smallRate: fraction.optional(),
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
            fixedPerYear: yuanPerYear.default(0),
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

    /** Employer levies and allowances the law or the province requires. */
    levies: z
      .object({
        /**
         * 残保金 (disability employment security fund): (head count × ratio − disabledStaff) ×
         * average pay per head, the pay capped at 2× the local average pay (from 2018-04-01);
         * × band (1 = full; 0.9 / 0.5 = the time-limited reduced bands). Employers with ≤
         * smallEmployerExemptUpTo staff are exempt. Dispatched staff count at the dispatcher
         * (财税〔2015〕72号 art. 8): either way the vendor pays it in the outsourced model.
         */
        disabilityFund: z
          .object({
            enabled: z.boolean().default(true),
            /** Omitted: the region table, else the national 1.5 %. */
            ratio: fraction.optional(),
            disabledStaff: bounded(0, LIMITS.headcount, 'people').default(0),
            /**
             * Share of the amount due that is paid. Omitted: the reduced bands of 财政部公告2019年第98号 /
             * 2023年第8号 (2020–2027: 90 % below 1 % disabled staff, 50 % from 1 % to the ratio), else 1.
             */
            band: fraction.optional(),
            /** Local average pay, yuan/year; omitted: region table, else the cap is not applied. */
            averageAnnualWage: yuanPerPersonYear.optional(),
            smallEmployerExemptUpTo: bounded(0, LIMITS.headcount, 'people').int().default(30),
          })
          .strict()
          .prefault({}),
        /**
         * Union fee (工会经费): 2 % of the wage bill where a union exists (Trade Union Law art. 43);
         * where none exists the upper-level union collects the same 2 % as 筹备金 through the tax
         * bureau, so it is on by default. Turn off only for a vendor that really pays neither.
         */
        unionFee: z
          .object({ enabled: z.boolean().default(true), rate: fraction.default(0.02) })
          .strict()
          .prefault({}),
        /**
         * High-temperature allowance (高温津贴) for every person on the payroll. enabled omitted:
         * paid when the region table says the province's rule covers indoor work.
         */
        highTemperature: z
          .object({
            enabled: z.boolean().optional(),
            yuanPerMonth: yuanPerMonth.optional(),
            months: z.number().finite().min(0).max(12).optional(),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),

    /** Lines of practice; the defaults say what practice is (each stated on budget's first screen), 0 turns one off. */
    otherLines: z
      .object({
        /**
         * Meal allowance (餐补) per shift worked: 24-hour centres nearly always pay one.
         * ASSUMPTION 15 yuan per 8-h shift (10–20 yuan a meal in practice; a Jiangsu staffing
         * build-up prices 餐贴 182 a month — weak): ≈ 312 a person-month at 2,000 h a year.
         */
        meal: z
          .object({
            yuanPerShift: yuan.max(200).default(15),
            shiftHours: positive.max(24).default(8),
          })
          .strict()
          .prefault({}),
        /** Other welfare (transport, communication, festival benefits), yuan per person per month (福利费). Default 0: amounts not found. */
        welfarePerHeadPerMonth: yuanPerMonth.default(0),
        /** Employer liability / accident insurance, yuan per person per year. */
        liabilityInsurancePerHeadPerYear: yuanPerPersonYear.default(0),
        /**
         * Severance reserve for a vendor change (经济补偿金, 劳动合同法 art. 46(5), 47): one-year
         * contracts end with the one-year tender, and staff still employed are owed one month's pay.
         * Reserve = probabilityNotRenewed × (1 − turnover) × one month of the wage bill.
         * Default probabilityNotRenewed 1 (ASSUMPTION: a vendor cannot count on winning again;
         * Liaocheng changed vendor three times in 2020–2024). Outsourced only.
         */
        severanceReserve: z
          .object({ probabilityNotRenewed: fraction.default(1) })
          .strict()
          .prefault({}),
        /** Overrides the reserve above: a fraction of wages + bonus. */
        severanceReserveShareOfWages: fraction.optional(),
        /** Working capital for payment in arrears: months of vendor cost pre-financed × interest rate. */
        workingCapital: z
          .object({
            /**
             * Payment terms: 'quarterlyArrears' (default, ASSUMPTION: Changsha 2019 pays quarterly after
             * assessment; 国务院令第728号: within 30 days ⇒ 2.5 months), 'monthly' (1.5), 'instalments20x5'
             * (Changsha Yuhua 2025, ≈ 1), 'prepay65' (Hefei Shushan 2025, 0).
             */
            terms: z.enum(['quarterlyArrears', 'monthly', 'instalments20x5', 'prepay65']).default('quarterlyArrears'),
            /** Overrides the terms' months. */
            monthsInArrears: z.number().finite().nonnegative().max(24).optional(),
            /** ASSUMPTION 3.5 %: about the one-year LPR (3.45 % in early 2024). */
            annualInterestRate: fraction.default(0.035),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),

    /** Fiscal view of the outsourced price: the local share of VAT, which returns to the city's and province's budgets. */
    fiscal: z
      .object({
        /** Local share of domestic VAT: 50 % since 2016 (全面营改增 transitional split; verify). Surtaxes are wholly local. */
        localVatShare: fraction.default(0.5),
      })
      .strict()
      .prefault({}),

    /**
     * The tender's rules, for the bidder's view (`budget --bid`). Defaults are ASSUMPTIONS,
     * labelled on the screen.
     */
    tender: z
      .object({
        /** 最高限价 for the whole term, yuan. Omitted: the cited contract's term value is not a ceiling — the bid view then needs this. */
        ceilingYuan: yuan.max(1e12).optional(),
        /** Reserved for SMEs (专门面向中小企业): no price deduction in evaluation (财库〔2020〕46号 art. 9). */
        smeReserved: z.boolean().default(false),
        /** The bidder is a small or micro enterprise (小微企业). */
        bidderSmallOrMicro: z.boolean().default(false),
        /** SME price deduction for services, 10–20 % (财库〔2022〕19号). Default 10 %. */
        smePriceDeduction: z.number().finite().min(0.1).max(0.2).default(0.1),
        performanceBond: z
          .object({
            /** ≤ 10 % of the contract (政府采购法实施条例 art. 48). ASSUMPTION 5 %. */
            shareOfContract: z.number().finite().min(0).max(0.1).default(0.05),
            /** Non-cash forms only (art. 48): a bank guarantee, or a cheque/draft that ties up cash. */
            form: z.enum(['bankGuarantee', 'cheque']).default('bankGuarantee'),
            /** ASSUMPTION 1 % a year: bank guarantee fees run 0.5–3 % (practice, secondary). */
            guaranteeFeePerYear: fraction.max(0.1).default(0.01),
          })
          .strict()
          .prefault({}),
        /** Who pays the bid agency fee (招标代理服务费): the winning bidder (default, ASSUMPTION: usual in tender notices) or the purchaser. */
        agencyFeePaidBy: z.enum(['bidder', 'purchaser']).default('bidder'),
        /**
         * 考核扣款. ASSUMPTION (no numeric 12345 schedule found): 1 % of the month's fee per point of
         * 接通率 below 95 % (GB/T 33358), capped at 10 % of the month's fee.
         */
        kpiDeductions: z
          .object({
            target: z.number().finite().min(0.5).max(1).default(0.95),
            perPointShareOfMonthlyFee: fraction.max(0.5).default(0.01),
            capShareOfMonthlyFee: fraction.default(0.1),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),

    inhouse: z
      .object({
        /**
         * Employment terms of the in-house model (see README): 'vendor' — the vendor's terms
         * (market wage, same housing fund, 5 % overhead); 'publicInstitution' — 事业单位/编外聘用
         * terms (housing fund 12 %, occupational annuity 8 %, union fee, the centre's own HR,
         * finance and management staff, recruitment through public procedures); 'custom' — the
         * fields below as given. Budget reports show all three.
         */
        preset: z.enum(['vendor', 'publicInstitution', 'custom']).default('vendor'),
        /** ASSUMPTION 1.0: an in-house (编外 contract) hire is paid the market wage. (custom) */
        wageMultiplier: payMultiplier.default(1),
        /** Absolute monthly wages per role; override wageMultiplier for the roles given. */
        monthlyWages: z
          .object({
            operator: yuanPerMonth.optional(),
            teamLeader: yuanPerMonth.optional(),
            qualityInspector: yuanPerMonth.optional(),
            trainer: yuanPerMonth.optional(),
            manager: yuanPerMonth.optional(),
            otherStaff: yuanPerMonth.optional(),
          })
          .strict()
          .prefault({}),
        /** Months of wage as bonus; default: same as `bonus.monthsOfWage`. */
        bonusMonthsOfWage: monthsOfWage.optional(),
        /** Housing-fund rate; default: same as `housingFund.rate`. Public employers often pay 12 %. */
        housingFundRate: fraction.optional(),
        /** Turnover rate; default: same as `turnover.annualRate`. */
        turnoverRate: annualTurnover.optional(),
        /**
         * Extra benefits as a share of wages + bonus, e.g. 8 % occupational annuity (职业年金)
         * for staff with an establishment post. Default 0 (ASSUMPTION: contract staff).
         */
        supplementaryBenefitsRate: fraction.default(0),
        /** ASSUMPTION 5 % of labour: HR, payroll and office of a government centre. (custom) */
        overheads: overheads(0.05),
        /** Recruitment per hire in-house; default: turnover.recruitmentPerHire. (custom) */
        recruitmentPerHire: yuanPerHire.optional(),
        /** Union fee in-house; default: levies.unionFee.enabled. (custom) */
        unionFee: z.boolean().optional(),
        /**
         * Who the public-institution preset hires: 'nonEstablishment' (编外聘用, default — 12345
         * centres recruit contract staff, who are in the enterprise pension scheme and get no
         * 职业年金: 国发〔2015〕2号 art. 1, 国办发〔2015〕18号 art. 2) or 'establishment' (编制内: 8 % annuity).
         */
        establishment: z.enum(['nonEstablishment', 'establishment']).default('nonEstablishment'),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .superRefine((c, ctx) => {
    const o = c.outsourcing;
    const regime = o.vat.regime;
    if (regime === 'simplified' && o.contractType !== 'labourDispatch') {
      ctx.addIssue({
        code: 'custom',
        path: ['outsourcing', 'vat', 'regime'],
        message: `"simplified" (5 % on the differential) is for labour dispatch (劳务派遣) only (财税〔2016〕47号); this contract is ${o.contractType}: use general, or set outsourcing.contractType: labourDispatch`,
      });
    }
    if (regime === 'small' && o.taxpayer !== 'smallScale') {
      ctx.addIssue({ code: 'custom', path: ['outsourcing', 'vat', 'regime'], message: '"small" is for a small-scale taxpayer: set outsourcing.taxpayer: smallScale' });
    }
    if (o.contractType === 'labourDispatch' && o.dispatch.justification === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['outsourcing', 'dispatch', 'justification'],
        message:
          'a whole 12345 hall on labour dispatch breaks 劳动合同法 art. 66 (temporary, auxiliary or substitute posts only) and the 10% cap (劳务派遣暂行规定 art. 4): say why they hold here, or use serviceOutsourcing',
      });
    }
    if (regime === 'general' && o.taxpayer === 'smallScale') {
      ctx.addIssue({ code: 'custom', path: ['outsourcing', 'vat', 'regime'], message: 'a small-scale taxpayer pays the small-scale rate, not "general": use small (or simplified for labour dispatch)' });
    }
  });

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
