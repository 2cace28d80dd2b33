// The five cases the comparison page shows: the cited figures each rests on (scenarios/SOURCES.md).
// One declarative table, kept apart from the page code that reads it (notebooks/cases.ts).
// Figures from SOURCES.md that this comparison rests on. A head count that is not published is the
// scenario's assumption, and says so.
export interface CaseFacts {
  id: string;
  file: string;
  /** The city, Chinese first (聊城 Liaocheng): the page's case column and chart labels. */
  city: string;
  period: string;
  /** The cited amount, for the whole `termYears`. */
  budgetYuan: number;
  termYears: number;
  budgetWhat: string;
  budgetSource: string;
  headcount: number;
  headcountCited: boolean;
  headcountSource: string;
  /** Years the vendor amortises one-off costs over (the cost model's `years`): the contract term. */
  contractYears: number;
  /** A cited figure that bears on the finding. */
  remark?: string;
}
export const CASES: CaseFacts[] = [
  {
    id: 'liaocheng',
    file: 'liaocheng-2024.yaml',
    city: '聊城 Liaocheng',
    period: '2024',
    budgetYuan: 16_665_264,
    termYears: 1,
    budgetWhat: '2024 winning bid, 1 year',
    budgetSource: 'SOURCES.md: Liaocheng 2024',
    headcount: 237,
    headcountCited: true,
    headcountSource: 'SOURCES.md Liaocheng 2024: "200-odd operators, 237 people"',
    contractYears: 1,
    remark: 'The winning vendor reportedly paid no social insurance for its staff in 2018-2022 (SOURCES.md Liaocheng 2024, from a company-registry site: weak); the budget is "calculated from labour cost" (SOURCES.md: Liaocheng 2024).',
  },
  {
    id: 'haikou',
    file: 'haikou-2024.yaml',
    city: '海口 Haikou',
    period: '2024-26',
    budgetYuan: 126_780_000,
    termYears: 3,
    budgetWhat: 'contract signed 2024-05-17 with China Telecom Hainan, 3 years (ceiling 129M)',
    budgetSource: '奔流新闻 2024-09-10',
    headcount: 300,
    headcountCited: true,
    headcountSource: '海口网 2024-01-31: 300 hotline operators',
    contractYears: 3,
  },
  {
    id: 'nanning',
    file: 'nanning-2020.yaml',
    city: '南宁 Nanning',
    period: '2020-21',
    budgetYuan: 11_998_000,
    termYears: 1,
    budgetWhat: '2020 winning bid, 1 year (12,012,200 allocated)',
    budgetSource: 'SOURCES.md: Nanning 2020',
    headcount: 120,
    headcountCited: false,
    headcountSource: 'ASSUMPTION: 60+ seats (yuhaojiang.com) × 2 operators per seat (Changsha 2022 tender)',
    contractYears: 1,
  },
  {
    id: 'yongchuan',
    file: 'yongchuan-2011.yaml',
    city: '永川 Yongchuan',
    period: '2011',
    budgetYuan: 890_000,
    termYears: 1,
    budgetWhat: 'outsourced, a year (in-house plan "at least 2M a year")',
    budgetSource: 'SOURCES.md: Yongchuan 2011',
    headcount: 12,
    headcountCited: false,
    headcountSource: 'ASSUMPTION: two seats staffed around the clock × 6 people per seat',
    contractYears: 1,
  },
  {
    id: 'guangzhou',
    file: 'guangzhou-2023.yaml',
    city: '广州 Guangzhou',
    period: '2023-25',
    budgetYuan: 466_602_900,
    termYears: 3,
    budgetWhat: 'tender budget 2023-01-01 to 2025-12-31, contract signed yearly',
    budgetSource: 'SOURCES.md: Guangzhou 2023-25',
    headcount: 1000,
    headcountCited: true,
    headcountSource: '新华社 2025-05-26: "1,000+ operators", taken at 1,000',
    contractYears: 1,
  },
];
