// The case calibrations, as data: which published figure each case scenario must reproduce, which
// unpublished input is fitted to it, and the words the calibration notebook prints. Shared by
// notebooks/calibration.ts and the tests (scenarios/cases.test.ts), so the figure the notebook
// shows is the figure the tests check. Sources: scenarios/SOURCES.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { calibratedNotes, formatAmount, formatValue, loadScenario, staffingSummary, type CalibratedNote, type ObservedFigure, type RunResult } from '../engine/index.ts';

/**
 * What the words of a case may quote, so no model figure in them is typed in: the shipped file's run
 * (the page's), and the values the shipped files hold now (their CALIBRATED fits).
 */
export interface CaseFigures {
  run: RunResult;
}
/** A case's words: fixed, or made from the figures the page computed. */
export type CaseText = string | ((f: CaseFigures) => string);
export const caseText = (t: CaseText, f: CaseFigures): string => (typeof t === 'string' ? t : t(f));

const scenarioFile = (file: string) => join(new URL('..', import.meta.url).pathname, 'scenarios', file);
/** A number a shipped scenario file holds at a field path (its CALIBRATED value, for one). */
export function fileValue(file: string, field: string): number {
  const v = parseDocument(readFileSync(scenarioFile(file), 'utf8')).getIn(field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k)));
  if (typeof v !== 'number') throw new Error(`${file}: ${field} is not a number`);
  return v;
}
/** A shipped file's CALIBRATED comment for a field: value and 95% CI, as the file states them (read as calibrate --write writes it). */
export function calibratedComment(file: string, field: string): CalibratedNote {
  const note = calibratedNotes(readFileSync(scenarioFile(file), 'utf8')).find((n) => n.field === field);
  if (!note) throw new Error(`${file}: no CALIBRATED comment for ${field}`);
  return note;
}
/** Agents on seat on average by a shipped file's own staffing (no simulation: its profile). */
const meanOnSeat = (file: string) => staffingSummary(loadScenario(scenarioFile(file))).meanOnSeat;
const minutes = (seconds: number) => formatAmount(seconds / 60, 1);
const pct0 = (x: number) => `${formatAmount(x * 100, 0)}%`;
const pct = (x: number) => formatValue(x, 'ratio');

export interface CalibrationCase {
  id: string;
  /** The case's title in Chinese, shown first (聊城市12345热线 2024：…). */
  zh: string;
  /** Its short English name (Liaocheng 2024), shown beside. */
  en: string;
  file: string;
  /** The English headline under the Chinese one. */
  title: string;
  /** The question in Chinese, shown first; `question` is its English. */
  questionZh: string;
  question: string;
  /** The cited inputs, each with its SOURCES.md entry. */
  cited: string[];
  /** The published figures the shipped file must reproduce (within the replication CI). */
  published: (ObservedFigure & { label: string; /** The published figure's own rounding, for a figure given as "about". */ tolerance?: number })[];
  /** The fit (hotline-sim calibrate), or null when nothing is published to fit to. */
  fit: {
    field: string;
    observed: ObservedFigure;
    range: [number, number];
    sensitivity: { field: string; values: number[] }[];
  } | null;
  /** The CLI command that gives the same fit. */
  command: string;
  notCalibrated?: CaseText;
  plausibility: CaseText;
  conclusion: CaseText;
  /** The file has a cost section: the head count search runs through budgetStudy (hotline-sim budget). */
  hasCost: boolean;
  /** People per agent on seat, for the head count search of files without a cost section. */
  peoplePerSeat: number;
  /** The payroll total of the head count for 95% rests on a fitted phone share and means nothing: show the people on the phones only. */
  phonesOnly?: boolean;
}

const W = 'callTypes.1.wrapUpTime.mean';
const PATIENCE = [{ field: 'patience.mean', values: [60, 240] }];
const cmd = (file: string, observed: string) =>
  `hotline-sim calibrate scenarios/${file} --observed ${observed} --fit ${W} --range ${W}=60..3600 --sensitivity patience.mean=60,240`;
const SHARE = 'payroll.phoneShare';
/** Nanning: the staffing is fitted, under the transferred work-order time and its alternatives (Liaocheng's, Haikou's fits). */
// The alternatives are the other cases' shipped fits, read from their files (so a refit moves them too).
const WORK_ORDER_ALTERNATIVES = [Math.round(fileValue('liaocheng-2024.yaml', W)), Math.round(fileValue('haikou-2020.yaml', W))];
const NANNING_SENSITIVITY = [{ field: W, values: WORK_ORDER_ALTERNATIVES }, ...PATIENCE];
const shareCmd = (file: string, observed: string) =>
  `hotline-sim calibrate scenarios/${file} --observed ${observed} --fit ${SHARE} --sensitivity ${W}=${WORK_ORDER_ALTERNATIVES.join(',')} --sensitivity patience.mean=60,240`;

export const CASES: CalibrationCase[] = [
  {
    id: 'jiangsu',
    questionZh: '江苏省公布的30秒人工接通率为95.25%：按全省十三分之一的接线员和诉求量，工单话后处理时长要多长才能复现这一数字？',
    zh: '江苏省12345热线 2024（参照校准）',
    en: 'Jiangsu 2024',
    file: 'jiangsu-2024.yaml',
    title: 'Jiangsu 2024: the average city (the reference calibration)',
    question: 'What work-order after-call time makes 1/13 of Jiangsu\'s answerers reach the province\'s published 30-s manual connection rate (95.25%) on 1/13 of its requests?',
    cited: [
      'Jiangsu 2024: 43.67M requests, 85.19% by phone; 4,708 answerers; average wait 13.4 s; 30-s manual connection rate 95.25% (SOURCES.md: Jiangsu 2024)',
      'Changzhou 2021: average talk 150 s; return visits 29.5% of answered calls at 175 s (SOURCES.md: Changzhou 2021)',
    ],
    published: [
      { metric: 'serviceLevel', value: 0.9525, seconds: 30, label: '30秒人工接通率 30-s manual connection rate' },
      { metric: 'asa', value: 13.4, label: '平均等待时长 average wait (greeting and ringing included)' },
    ],
    fit: { field: W, observed: { metric: 'serviceLevel', value: 0.9525, seconds: 30 }, range: [60, 3600], sensitivity: PATIENCE },
    command: `hotline-sim calibrate scenarios/jiangsu-2024.yaml --observed sl=0.9525@30 --observed asa=13.4 --fit ${W} --fit preQueueDelay`,
    plausibility: ({ run }) =>
      `About ${minutes(fileValue('jiangsu-2024.yaml', W))} minutes of desk work per work order and ${formatAmount(fileValue('jiangsu-2024.yaml', 'preQueueDelay'), 1)} s of greeting and ringing before the queue, fitted jointly to both published figures (the file's CALIBRATED comments), ` +
      `with a mean patience of ${formatAmount(fileValue('jiangsu-2024.yaml', 'patience.mean'), 0)} s from Changzhou's figures: 120 s cannot reproduce both, as the greeting alone would lose more callers than the 4.75% not answered within 30 s. ` +
      `Occupancy at the fit is about ${pct0(run.totals.occupancy.mean)}; the average wait ${formatAmount(run.totals.asa.mean, 1)} s against the published 13.4 s. Here the work-order time is refitted alone to the 30-s rate, with the file's time before the queue.`,
    conclusion: 'The reference: the other cases\' fitted work-order times are compared with this one (and Guangzhou and Yongchuan borrow it).',
    hasCost: false,
    peoplePerSeat: 6,
  },
  {
    id: 'liaocheng',
    questionZh: '聊城未公布接通率。要让237人达到人均诉求量相近的江苏所公布的30秒接通率（95.25%），处理时长应为多少？在此处理时长下，接通率达到95%需要多少人、多少预算？',
    zh: '聊城市12345热线 2024：237人，1,666.5万元',
    en: 'Liaocheng 2024',
    file: 'liaocheng-2024.yaml',
    title: 'Liaocheng 2024: 237 people, 16,665,264 yuan',
    question: 'Liaocheng publishes no connection rate. What handling makes its 237 people reach the rate Jiangsu publishes for the same requests per person (95.25% within 30 s), and what head count and budget does 95% connection then take?',
    cited: [
      'Liaocheng 2024: winning bid 16,665,264 yuan, 1 year; 237 people ("200-odd operators, 237 people"); scope: phone, WeChat, Weibo, app, SMS, online platform; return visits, quality inspection (SOURCES.md: Liaocheng 2024)',
      'Liaocheng 2021: 2,069,600 requests, all channels (SOURCES.md: Liaocheng 2021)',
      'Jiangsu 2024: 85.19% by phone; 95.25% within 30 s at 9,276 requests per answerer (SOURCES.md: Jiangsu 2024)',
      'Changzhou 2021: talk 150 s; return visits 29.5% of answered calls at 175 s (SOURCES.md: Changzhou 2021)',
    ],
    published: [{ metric: 'serviceLevel', value: 0.9525, seconds: 30, label: '江苏30秒人工接通率（可比指标） Jiangsu\'s 30-s rate, the comparable figure' }],
    fit: { field: W, observed: { metric: 'serviceLevel', value: 0.9525, seconds: 30 }, range: [60, 3600], sensitivity: PATIENCE },
    command: cmd('liaocheng-2024.yaml', 'sl=0.9525@30'),
    plausibility: ({ run }) =>
      `About ${minutes(fileValue('liaocheng-2024.yaml', W))} minutes per work order, against Jiangsu's own fit (${formatAmount(fileValue('jiangsu-2024.yaml', W))} s). Occupancy at the fit ~${pct0(run.totals.occupancy.mean)}.`,
    conclusion: ({ run }) =>
      `With the calibrated handling the 237 people answer ~${pct0(run.totals.connectionRate.mean)} of calls; the head count above is what a 95% connection rate needs with the same handling, and its budget the cost section's price for it.`,
    hasCost: true,
    peoplePerSeat: 6,
  },
  {
    id: 'haikou-2020',
    questionZh: '按海口公布的300名话务员（2020年人数未公布），什么样的处理时长能在2020年的来电量下复现公布的61.90%接通率？',
    zh: '海口市12345热线 2020：日均8,254件，接通率61.90%',
    en: 'Haikou 2020',
    file: 'haikou-2020.yaml',
    title: 'Haikou 2020: 61.90% at 8,254 cases a day',
    question: 'With the 300 people Haikou reports (2020\'s head count is not published), what handling reproduces the published 61.90% connection rate at 2020\'s volume?',
    cited: [
      'Haikou 2020: 3.02M cases, 8,254 a day, connection rate 61.90% (SOURCES.md: Haikou 2020)',
      'Haikou 2024: 300 operators; the 2021-24 contract (121.794M) within 4% of the 2024-26 one (SOURCES.md: Haikou 2024, Haikou 2024-26)',
      'Jiangsu 2024: 85.19% by phone (SOURCES.md: Jiangsu 2024); Changzhou 2021: talk 150 s, return visits (SOURCES.md: Changzhou 2021)',
    ],
    published: [{ metric: 'connectionRate', value: 0.619, label: '2020年接通率 connection rate (2020)' }],
    fit: { field: W, observed: { metric: 'connectionRate', value: 0.619 }, range: [60, 3600], sensitivity: PATIENCE },
    command: cmd('haikou-2020.yaml', 'connection=0.619'),
    plausibility: ({ run }) =>
      `About ${minutes(fileValue('haikou-2020.yaml', W))} minutes per work order, ${pct0(fileValue('haikou-2020.yaml', W) / fileValue('jiangsu-2024.yaml', W) - 1)} above Jiangsu's fit: high but plausible. ` +
      `The 61.90% is explained by handling near Jiangsu's with too few people for the demand (occupancy ~${pct0(run.totals.occupancy.mean)}); with fewer than 300 people in 2020 the fitted time would be shorter.`,
    conclusion: 'haikou-2024.yaml runs the same people with this handling at the 2021-24 volume (next case).',
    hasCost: false,
    peoplePerSeat: 6,
  },
  {
    id: 'haikou-2024',
    questionZh: '采用2020年校准的处理时长（haikou-2020.yaml），2024年的300名话务员在2021-24年的来电量下能达到多少接通率？达到95%需要多少人、多少预算？',
    zh: '海口市12345热线 2024-26：300人面对日均11,020件',
    en: 'Haikou 2024-26',
    file: 'haikou-2024.yaml',
    title: 'Haikou 2024-26: what 300 people deliver at 11,020 cases a day',
    question: 'With the handling calibrated on 2020 (haikou-2020.yaml), what connection rate do the 300 operators of 2024 deliver at the 2021-24 volume, and what head count and budget would 95% take?',
    cited: [
      'Haikou 2021: 4.02M+ cases, 11,020 a day (SOURCES.md: Haikou 2021)',
      'Haikou 2024: 300 operators; Haikou 2024-26: contract 126.78M for 3 years with China Telecom Hainan; the citizen\'s "515 operators" (SOURCES.md: Haikou 2024, Haikou 2024-26)',
    ],
    published: [],
    fit: null,
    command: 'hotline-sim run scenarios/haikou-2024.yaml',
    notCalibrated: () => {
      const k = calibratedComment('haikou-2020.yaml', W);
      return `No connection rate is published after 2020: the work-order time is transferred from haikou-2020.yaml (${formatAmount(k.value, 1)} s, 95% CI ${formatAmount(k.ciLow, 1)}-${formatAmount(k.ciHigh, 1)}); this file uses ${formatAmount(fileValue('haikou-2024.yaml', W), 1)} s.`;
    },
    // 11,020 / 8,254 cases a day (SOURCES.md: Haikou 2021, Haikou 2020)
    plausibility: `Rests on two assumptions stated in the file: the 2020 head count was also 300, and demand grew like the cases (x${(11_020 / 8_254).toFixed(3)}).`,
    conclusion: 'At the 2021-24 volume the 300 answer far fewer than 95% of the calls; the head count above is what 95% takes with 2020\'s handling.',
    hasCost: true,
    peoplePerSeat: 6,
  },
  {
    id: 'nanning-2020',
    questionZh: '在公布数字推算的来电量下，什么样的人员配置和处理时长能复现公布的90.07%接通率（接通406,174个）？',
    zh: '南宁市12345热线 外包后（2020年7月–2021年6月）：接通率90.07%',
    en: 'Nanning 2020-21',
    file: 'nanning-2020.yaml',
    title: 'Nanning, after outsourcing (Jul 2020 - Jun 2021): 90.07%',
    question: 'What staffing and handling reproduce the published 90.07% (406,174 answered) on the demand implied by the published figures?',
    cited: [
      'Nanning 2020: 406,174 valid calls answered, connection 90.07%; winning bid 11,998,000 yuan (SOURCES.md: Nanning 2020)',
      'Nanning seats: 60+ before 2021 (SOURCES.md: Nanning seats); Changsha 2022: 2 operators per seat (SOURCES.md: Changsha 2022)',
    ],
    published: [{ metric: 'connectionRate', value: 0.9007, label: '月均人工接通率 monthly average manual connection rate' }],
    fit: { field: SHARE, observed: { metric: 'connectionRate', value: 0.9007 }, range: [0.05, 1], sensitivity: NANNING_SENSITIVITY },
    command: shareCmd('nanning-2020.yaml', 'connection=0.9007'),
    plausibility: ({ run }) =>
      `With Jiangsu's handling, ${pct0(fileValue('nanning-2020.yaml', SHARE))} of the assumed 120 (60 seats x 2) on the phones, ${formatAmount(fileValue('nanning-2020.yaml', SHARE) * 120, 0)} people, ${formatAmount(run.staffing.meanOnSeat, 1)} agents on seat on average: plausible for 60 seats not all staffed around the clock, ` +
      'or for a vendor whose 120 also dispatch and follow up work orders. All 120 on the phones would answer nearly every call.',
    conclusion: () =>
      `Against the year before (next case): the same demand and handling, ${formatAmount(meanOnSeat('nanning-2020.yaml') / meanOnSeat('nanning-2019.yaml'), 1)} times the agents on seat (the files' own staffing). The head count for 95% keeps the fitted share on the phones, so read its people on the phones (the payroll total is that / the share).`,
    hasCost: true,
    peoplePerSeat: 6,
  },
  {
    id: 'nanning-2019',
    questionZh: '在与次年相同的来电量下，什么样的人员配置和处理时长能复现公布的约30%接通率（接通136,034个）？',
    zh: '南宁市12345热线 外包前（2019年7月–2020年6月）：接通率约30%',
    en: 'Nanning 2019-20',
    file: 'nanning-2019.yaml',
    title: 'Nanning, before outsourcing (Jul 2019 - Jun 2020): about 30%',
    question: 'What staffing and handling reproduce the published ~30% (136,034 answered) on the same demand as the year after?',
    cited: ['Nanning 2020: 136,034 valid calls answered (Jul 2019 - Jun 2020), connection about 30% (SOURCES.md: Nanning 2020)'],
    // "About 30%" (30%左右) is stated to the whole per cent: reproduced when within half a point of it.
    published: [{ metric: 'connectionRate', value: 0.3, label: '月均人工接通率（约30%） monthly average manual connection rate (about 30%)', tolerance: 0.005 }],
    fit: { field: SHARE, observed: { metric: 'connectionRate', value: 0.3 }, range: [0.05, 1], sensitivity: NANNING_SENSITIVITY },
    command: shareCmd('nanning-2019.yaml', 'connection=0.30'),
    plausibility: ({ run }) =>
      `With the same handling, about ${formatAmount(fileValue('nanning-2019.yaml', SHARE) * 120, 0)} of the 120 reference people on the phones (${formatAmount(run.staffing.meanOnSeat, 1)} agents on seat on average): a small team of externally hired staff; ` +
      `the shipped file simulates ${pct(run.totals.connectionRate.mean)} (against about 30%). Office-hours-only staffing or longer handling would fit the same figure.`,
    conclusion: () =>
      `The change from ~30% to 90.07% on the same demand is explained by staffing alone: ${formatAmount(meanOnSeat('nanning-2020.yaml') / meanOnSeat('nanning-2019.yaml'), 1)} times the agents on seat after outsourcing. ` +
      `The head count for 95% keeps the fitted share on the phones (${formatAmount(fileValue('nanning-2019.yaml', SHARE) * 100, 1)}%), so its payroll total is not meaningful: read its people on the phones.`,
    hasCost: false,
    peoplePerSeat: 6,
    phonesOnly: true,
  },
  {
    id: 'yongchuan',
    questionZh: '每年19,680个来电需要多少人？与89万元的合同相比如何？',
    zh: '重庆市永川区12345热线 2011：19,680个来电，89万元',
    en: 'Yongchuan 2011',
    file: 'yongchuan-2011.yaml',
    title: 'Yongchuan 2011: 19,680 calls, 0.89M yuan',
    question: 'What do 19,680 calls a year need, against the 0.89M yuan contract?',
    cited: ['Yongchuan 2011: 19,680 calls; return-visit satisfaction 92%; outsourced 0.89M yuan a year, in-house plan >= 2M (SOURCES.md: Yongchuan 2011)'],
    published: [],
    fit: null,
    command: 'hotline-sim run scenarios/yongchuan-2011.yaml',
    notCalibrated: 'Yongchuan publishes no connection rate, average wait or head count: nothing can be reproduced. The handling is transferred from Jiangsu.',
    plausibility: 'The 12 people are an assumption (two seats around the clock).',
    conclusion: 'A handful of people answer nearly every call; the 0.89M pays for more than answering (case work, replies, return visits).',
    hasCost: true,
    peoplePerSeat: 6,
  },
  {
    id: 'guangzhou',
    questionZh: '以其他地方校准的处理时长，1,000人面对每年4,100万件服务中的人工部分，能达到什么水平？',
    zh: '广州市12345热线 2023-25：1,000人，4,100万件服务',
    en: 'Guangzhou 2023-25',
    file: 'guangzhou-2023.yaml',
    title: 'Guangzhou 2023-25: 1,000 people, 41M services',
    question: 'What would 1,000 people deliver on the manual share of 41M services a year, with handling calibrated elsewhere?',
    cited: [
      'Guangzhou 2023-25: 466,602,900 yuan for three years (SOURCES.md: Guangzhou 2023-25); Guangzhou 2025: > 41M services a year, 1,000+ operators (SOURCES.md: Guangzhou 2025)',
      'Hangzhou 2018: 57.9% of requests manual (SOURCES.md: Hangzhou 2018)',
    ],
    published: [],
    fit: null,
    command: 'hotline-sim run scenarios/guangzhou-2023.yaml',
    notCalibrated: 'Guangzhou publishes no connection rate or average wait: nothing can be reproduced. The handling is transferred from Jiangsu; the week-long horizon keeps the run short.',
    plausibility: 'The manual share (Hangzhou\'s 57.9%) is the weakest assumption: the result says it cannot be right for Guangzhou with 1,000 people.',
    conclusion: '1,000 people answer well under half of 23.75M calls: "services" must include far more self-service and online contacts, or the head count is far above 1,000.',
    hasCost: true,
    peoplePerSeat: 6,
  },
];
