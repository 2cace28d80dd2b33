// The case calibrations, as data: which published figure each case scenario must reproduce, which
// unpublished input is fitted to it, and the words the calibration notebook prints. Shared by
// notebooks/calibration.ts and the tests (scenarios/cases.test.ts), so the figure the notebook
// shows is the figure the tests check. Sources: scenarios/SOURCES.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { calibratedNotes, formatAmount, formatValue, formatWan, loadScenario, staffingSummary, type CalibratedNote, type ObservedFigure, type RunResult } from '../engine/index.ts';

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
/** Cited money as a planner reads it, in either language: "12,678.0万元" (one formatter, engine/report/format.ts). */
const wan = (yuan: number) => `${formatWan(yuan)}元`;

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
  /** The same cited inputs in Chinese, shown first (one per entry of `cited`, same order). */
  citedZh: string[];
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
  /** Chinese versions, shown first; their figures come from the same expressions as the English. */
  notCalibratedZh?: CaseText;
  plausibility: CaseText;
  plausibilityZh: CaseText;
  conclusion: CaseText;
  conclusionZh: CaseText;
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
    citedZh: [
      '江苏2024：诉求4,367万件，其中电话占85.19%；接线员4,708人；平均等待13.4秒；30秒人工接通率95.25%（SOURCES.md: Jiangsu 2024）',
      '常州2021：平均通话150秒；回访量为接通来电的29.5%，每次175秒（SOURCES.md: Changzhou 2021）',
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
    plausibilityZh: ({ run }) =>
      `每张工单约 ${minutes(fileValue('jiangsu-2024.yaml', W))} 分钟的话后处理，排队前另有 ${formatAmount(fileValue('jiangsu-2024.yaml', 'preQueueDelay'), 1)} 秒的问候语和振铃，两者按两个公布数字联合拟合（见文件中的 CALIBRATED 注释）；` +
      `平均耐心时长取 ${formatAmount(fileValue('jiangsu-2024.yaml', 'patience.mean'), 0)} 秒（据常州数字推算）：若按120秒，两个数字无法同时复现，因为仅问候语期间挂断的来电就会多于30秒内未接通的4.75%。` +
      `拟合值下坐席占用率约 ${pct0(run.totals.occupancy.mean)}；平均等待 ${formatAmount(run.totals.asa.mean, 1)} 秒，公布值13.4秒。本页只按30秒接通率重新拟合工单处理时长，排队前时间沿用文件中的值。`,
    conclusion: 'The reference: the other cases\' fitted work-order times are compared with this one (and Guangzhou and Yongchuan borrow it).',
    conclusionZh: '参照基准：其他案例拟合出的工单处理时长都与此对比（广州、永川直接沿用）。',
    hasCost: false,
    peoplePerSeat: 6,
  },
  {
    id: 'liaocheng',
    questionZh: '聊城未公布接通率。要让237人达到人均诉求量相近的江苏所公布的30秒接通率（95.25%），处理时长应为多少？在此处理时长下，接通率达到95%需要多少人、多少预算？',
    zh: `聊城市12345热线 2024：237人，${wan(16_665_264)}`,
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
    citedZh: [
      `聊城2024：中标价${wan(16_665_264)}，一年；237人（"话务员200多名，共237人"）；服务范围：电话、微信、微博、APP、短信、网络平台，以及回访、质检（SOURCES.md: Liaocheng 2024）`,
      '聊城2021：受理诉求2,069,600件，全部渠道（SOURCES.md: Liaocheng 2021）',
      '江苏2024：电话占85.19%；每名接线员9,276件诉求时30秒接通率95.25%（SOURCES.md: Jiangsu 2024）',
      '常州2021：通话150秒；回访量为接通来电的29.5%，每次175秒（SOURCES.md: Changzhou 2021）',
    ],
    published: [{ metric: 'serviceLevel', value: 0.9525, seconds: 30, label: '江苏30秒人工接通率（可比指标） Jiangsu\'s 30-s rate, the comparable figure' }],
    fit: { field: W, observed: { metric: 'serviceLevel', value: 0.9525, seconds: 30 }, range: [60, 3600], sensitivity: PATIENCE },
    command: cmd('liaocheng-2024.yaml', 'sl=0.9525@30'),
    plausibility: ({ run }) =>
      `About ${minutes(fileValue('liaocheng-2024.yaml', W))} minutes per work order, against Jiangsu's own fit (${formatAmount(fileValue('jiangsu-2024.yaml', W))} s). Occupancy at the fit ~${pct0(run.totals.occupancy.mean)}.`,
    plausibilityZh: ({ run }) =>
      `每张工单约 ${minutes(fileValue('liaocheng-2024.yaml', W))} 分钟，江苏自身的拟合值为 ${formatAmount(fileValue('jiangsu-2024.yaml', W))} 秒。拟合值下坐席占用率约 ${pct0(run.totals.occupancy.mean)}。`,
    conclusionZh: ({ run }) =>
      `按校准后的处理时长，237人约能接通 ${pct0(run.totals.connectionRate.mean)} 的来电；上面的人数是同样处理时长下接通率达到95%所需的人数，其预算是成本部分对这一人数的报价。`,
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
      `Haikou 2024: 300 operators; the 2021-24 contract (${wan(121_794_000)}) within 4% of the 2024-26 one (SOURCES.md: Haikou 2024, Haikou 2024-26)`,
      'Jiangsu 2024: 85.19% by phone (SOURCES.md: Jiangsu 2024); Changzhou 2021: talk 150 s, return visits (SOURCES.md: Changzhou 2021)',
    ],
    citedZh: [
      '海口2020：受理302万件，日均8,254件，接通率61.90%（SOURCES.md: Haikou 2020）',
      `海口2024：话务员300人；2021–24年合同（${wan(121_794_000)}）与2024–26年合同相差不到4%（SOURCES.md: Haikou 2024, Haikou 2024-26）`,
      '江苏2024：电话占85.19%（SOURCES.md: Jiangsu 2024）；常州2021：通话150秒，含回访（SOURCES.md: Changzhou 2021）',
    ],
    published: [{ metric: 'connectionRate', value: 0.619, label: '2020年接通率 connection rate (2020)' }],
    fit: { field: W, observed: { metric: 'connectionRate', value: 0.619 }, range: [60, 3600], sensitivity: PATIENCE },
    command: cmd('haikou-2020.yaml', 'connection=0.619'),
    plausibility: ({ run }) =>
      `About ${minutes(fileValue('haikou-2020.yaml', W))} minutes per work order, ${pct0(fileValue('haikou-2020.yaml', W) / fileValue('jiangsu-2024.yaml', W) - 1)} above Jiangsu's fit: high but plausible. ` +
      `The 61.90% is explained by handling near Jiangsu's with too few people for the demand (occupancy ~${pct0(run.totals.occupancy.mean)}); with fewer than 300 people in 2020 the fitted time would be shorter.`,
    plausibilityZh: ({ run }) =>
      `每张工单约 ${minutes(fileValue('haikou-2020.yaml', W))} 分钟，比江苏的拟合值高 ${pct0(fileValue('haikou-2020.yaml', W) / fileValue('jiangsu-2024.yaml', W) - 1)}：偏高但说得通。` +
      `61.90%的接通率可以这样解释：处理时长与江苏相近，但人数跟不上来电量（坐席占用率约 ${pct0(run.totals.occupancy.mean)}）；如果2020年不足300人，拟合出的处理时长会更短。`,
    conclusion: 'haikou-2024.yaml runs the same people with this handling at the 2021-24 volume (next case).',
    conclusionZh: 'haikou-2024.yaml 用同样的人数和处理时长，按2021–24年的来电量运行（见下一案例）。',
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
      `Haikou 2024: 300 operators; Haikou 2024-26: contract ${wan(126_780_000)} for 3 years with China Telecom Hainan; the citizen's "515 operators" (SOURCES.md: Haikou 2024, Haikou 2024-26)`,
    ],
    citedZh: [
      '海口2021：受理402万余件，日均11,020件（SOURCES.md: Haikou 2021）',
      `海口2024：话务员300人；海口2024–26：与中国电信海南公司签订三年合同${wan(126_780_000)}；市民所说的"够请515名话务员"（SOURCES.md: Haikou 2024, Haikou 2024-26）`,
    ],
    published: [],
    fit: null,
    command: 'hotline-sim run scenarios/haikou-2024.yaml',
    notCalibrated: () => {
      const k = calibratedComment('haikou-2020.yaml', W);
      return `No connection rate is published after 2020: the work-order time is transferred from haikou-2020.yaml (${formatAmount(k.value, 1)} s, 95% CI ${formatAmount(k.ciLow, 1)}-${formatAmount(k.ciHigh, 1)}); this file uses ${formatAmount(fileValue('haikou-2024.yaml', W), 1)} s.`;
    },
    notCalibratedZh: () => {
      const k = calibratedComment('haikou-2020.yaml', W);
      return `2020年以后没有公布接通率：工单处理时长沿用 haikou-2020.yaml 的拟合值（${formatAmount(k.value, 1)} 秒，95%置信区间 ${formatAmount(k.ciLow, 1)}–${formatAmount(k.ciHigh, 1)}）；本文件取 ${formatAmount(fileValue('haikou-2024.yaml', W), 1)} 秒。`;
    },
    // 11,020 / 8,254 cases a day (SOURCES.md: Haikou 2021, Haikou 2020)
    plausibility: `Rests on two assumptions stated in the file: the 2020 head count was also 300, and demand grew like the cases (x${(11_020 / 8_254).toFixed(3)}).`,
    plausibilityZh: `依赖文件中写明的两个假设：2020年同样是300人；来电量与受理量同比例增长（×${(11_020 / 8_254).toFixed(3)}）。`,
    conclusion: 'At the 2021-24 volume the 300 answer far fewer than 95% of the calls; the head count above is what 95% takes with 2020\'s handling.',
    conclusionZh: '按2021–24年的来电量，300人的接通率远低于95%；上面的人数是沿用2020年处理时长时达到95%所需的人数。',
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
    citedZh: [
      `南宁2020：有效接听来电406,174个，接通率90.07%；中标价${wan(11_998_000)}（SOURCES.md: Nanning 2020）`,
      '南宁坐席：2021年前60余个（SOURCES.md: Nanning seats）；长沙2022：每个坐席配2名话务员（SOURCES.md: Changsha 2022）',
    ],
    published: [{ metric: 'connectionRate', value: 0.9007, label: '月均人工接通率 monthly average manual connection rate' }],
    fit: { field: SHARE, observed: { metric: 'connectionRate', value: 0.9007 }, range: [0.05, 1], sensitivity: NANNING_SENSITIVITY },
    command: shareCmd('nanning-2020.yaml', 'connection=0.9007'),
    plausibility: ({ run }) =>
      `With Jiangsu's handling, ${pct0(fileValue('nanning-2020.yaml', SHARE))} of the assumed 120 (60 seats x 2) on the phones, ${formatAmount(fileValue('nanning-2020.yaml', SHARE) * 120, 0)} people, ${formatAmount(run.staffing.meanOnSeat, 1)} agents on seat on average: plausible for 60 seats not all staffed around the clock, ` +
      'or for a vendor whose 120 also dispatch and follow up work orders. All 120 on the phones would answer nearly every call.',
    plausibilityZh: ({ run }) =>
      `按江苏的处理时长，假设的120人（60个坐席×2）中有 ${pct0(fileValue('nanning-2020.yaml', SHARE))} 接听电话，即 ${formatAmount(fileValue('nanning-2020.yaml', SHARE) * 120, 0)} 人，平均在席 ${formatAmount(run.staffing.meanOnSeat, 1)} 个坐席：` +
      '60个坐席并非全天满员，或外包方的120人同时负责工单派发和跟进，都说得通。若120人全部接听电话，几乎每个来电都能接通。',
    conclusionZh: () =>
      `与前一年（下一案例）相比：来电量和处理时长相同，在席坐席数是前一年的 ${formatAmount(meanOnSeat('nanning-2020.yaml') / meanOnSeat('nanning-2019.yaml'), 1)} 倍（按两个文件各自的排班）。接通率95%所需人数保持拟合出的接听电话人员占比，请看其中接听电话的人数（人员总数等于该人数除以占比）。`,
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
    citedZh: ['南宁2020：2019年7月–2020年6月有效接听来电136,034个，接通率约30%（SOURCES.md: Nanning 2020）'],
    // "About 30%" (30%左右) is stated to the whole per cent: reproduced when within half a point of it.
    published: [{ metric: 'connectionRate', value: 0.3, label: '月均人工接通率（约30%） monthly average manual connection rate (about 30%)', tolerance: 0.005 }],
    fit: { field: SHARE, observed: { metric: 'connectionRate', value: 0.3 }, range: [0.05, 1], sensitivity: NANNING_SENSITIVITY },
    command: shareCmd('nanning-2019.yaml', 'connection=0.30'),
    plausibility: ({ run }) =>
      `With the same handling, about ${formatAmount(fileValue('nanning-2019.yaml', SHARE) * 120, 0)} of the 120 reference people on the phones (${formatAmount(run.staffing.meanOnSeat, 1)} agents on seat on average): a small team of externally hired staff; ` +
      `the shipped file simulates ${pct(run.totals.connectionRate.mean)} (against about 30%). Office-hours-only staffing or longer handling would fit the same figure.`,
    plausibilityZh: ({ run }) =>
      `按同样的处理时长，120名参照人员中约 ${formatAmount(fileValue('nanning-2019.yaml', SHARE) * 120, 0)} 人接听电话（平均在席 ${formatAmount(run.staffing.meanOnSeat, 1)} 个坐席）：相当于一支外聘的小团队；` +
      `所附场景文件的模拟接通率为 ${pct(run.totals.connectionRate.mean)}（公布值约30%）。只在工作时间排班或处理时长更长，也能得到同样的数字。`,
    conclusionZh: () =>
      `同样的来电量下接通率从约30%升到90.07%，仅靠人员配置就能解释：外包后在席坐席数是之前的 ${formatAmount(meanOnSeat('nanning-2020.yaml') / meanOnSeat('nanning-2019.yaml'), 1)} 倍。` +
      `接通率95%所需人数保持拟合出的接听电话人员占比（${formatAmount(fileValue('nanning-2019.yaml', SHARE) * 100, 1)}%），因此其人员总数没有意义：请看接听电话的人数。`,
    conclusion: () =>
      `The change from ~30% to 90.07% on the same demand is explained by staffing alone: ${formatAmount(meanOnSeat('nanning-2020.yaml') / meanOnSeat('nanning-2019.yaml'), 1)} times the agents on seat after outsourcing. ` +
      `The head count for 95% keeps the fitted share on the phones (${formatAmount(fileValue('nanning-2019.yaml', SHARE) * 100, 1)}%), so its payroll total is not meaningful: read its people on the phones.`,
    hasCost: false,
    peoplePerSeat: 6,
    phonesOnly: true,
  },
  {
    id: 'yongchuan',
    questionZh: `每年19,680个来电需要多少人？与${wan(890_000)}的合同相比如何？`,
    zh: `重庆市永川区12345热线 2011：19,680个来电，${wan(890_000)}`,
    en: 'Yongchuan 2011',
    file: 'yongchuan-2011.yaml',
    title: `Yongchuan 2011: 19,680 calls, ${wan(890_000)}`,
    question: `What do 19,680 calls a year need, against the ${wan(890_000)} contract?`,
    cited: [`Yongchuan 2011: 19,680 calls; return-visit satisfaction 92%; outsourced ${wan(890_000)} a year, in-house plan >= ${wan(2_000_000)} (SOURCES.md: Yongchuan 2011)`],
    citedZh: [`永川2011：来电19,680个；回访满意度92%；外包每年${wan(890_000)}，自营方案不少于${wan(2_000_000)}（SOURCES.md: Yongchuan 2011）`],
    published: [],
    fit: null,
    command: 'hotline-sim run scenarios/yongchuan-2011.yaml',
    notCalibrated: 'Yongchuan publishes no connection rate, average wait or head count: nothing can be reproduced. The handling is transferred from Jiangsu.',
    notCalibratedZh: '永川没有公布接通率、平均等待时长或人数：没有可复现的数字。处理时长沿用江苏的。',
    plausibility: 'The 12 people are an assumption (two seats around the clock).',
    plausibilityZh: '12人是假设（两个坐席全天在席）。',
    conclusion: `A handful of people answer nearly every call; the ${wan(890_000)} pays for more than answering (case work, replies, return visits).`,
    conclusionZh: `几个人就能接通几乎全部来电；${wan(890_000)}买的不只是接听（还有办件、答复、回访）。`,
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
      `Guangzhou 2023-25: ${wan(466_602_900)} for three years (SOURCES.md: Guangzhou 2023-25); Guangzhou 2025: > 41M services a year, 1,000+ operators (SOURCES.md: Guangzhou 2025)`,
      'Hangzhou 2018: 57.9% of requests manual (SOURCES.md: Hangzhou 2018)',
    ],
    citedZh: [
      `广州2023–25：三年${wan(466_602_900)}（SOURCES.md: Guangzhou 2023-25）；广州2025：每年服务超过4,100万件，话务员1,000余人（SOURCES.md: Guangzhou 2025）`,
      '杭州2018：人工受理的诉求占57.9%（SOURCES.md: Hangzhou 2018）',
    ],
    published: [],
    fit: null,
    command: 'hotline-sim run scenarios/guangzhou-2023.yaml',
    notCalibrated: 'Guangzhou publishes no connection rate or average wait: nothing can be reproduced. The handling is transferred from Jiangsu; the week-long horizon keeps the run short.',
    notCalibratedZh: '广州没有公布接通率或平均等待时长：没有可复现的数字。处理时长沿用江苏的；模拟期为一周，以缩短运行时间。',
    plausibility: 'The manual share (Hangzhou\'s 57.9%) is the weakest assumption: the result says it cannot be right for Guangzhou with 1,000 people.',
    plausibilityZh: '人工占比（沿用杭州的57.9%）是最弱的假设：结果表明，对有1,000名话务员的广州，它不可能成立。',
    conclusion: '1,000 people answer well under half of 23.75M calls: "services" must include far more self-service and online contacts, or the head count is far above 1,000.',
    conclusionZh: '1,000人接通的远不到2,375万个来电的一半："服务"中必然包含多得多的自助和网上服务，否则人数要远超1,000。',
    hasCost: true,
    peoplePerSeat: 6,
  },
];

/** A shipped case file's Chinese title (by its file name, with or without the scenarios/ folder), from the case table above (the one place it is written): a run report's heading. */
export function caseTitleZh(file: string): string | undefined {
  const name = file.split('/').pop();
  return CASES.find((c) => c.file === name)?.zh;
}
