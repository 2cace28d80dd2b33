// Held-out checks (issue #18): for each case, which published figures the shipped file was fitted
// to and which it was not, and the model against each held-out figure. A figure the model misses is
// reported as a miss with what it says about the assumptions; it is never absorbed into the fit.
// The model's side is read from the shipped file's own run (the calibration notebook's), so no
// figure here is typed in twice. Sources: scenarios/SOURCES.md (headings given per figure).
import { escapeHtml, type RunResult } from '../engine/index.ts';
import { htmlTable } from './shared.ts';

export interface HeldOutRow {
  /** The figure's name in Chinese, shown first; `figure` is its English. */
  figureZh: string;
  figure: string;
  /** The published value, as published. */
  published: string;
  /** SOURCES.md heading. */
  source: string;
  /** The model's figure (or its input, when the figure is one), from the shipped run. */
  model: string;
  verdict: 'agrees' | 'MISS' | 'not comparable';
  /** What the comparison says about the assumptions; `saysZh` in Chinese, shown first. */
  says: string;
  saysZh: string;
}

export interface HeldOut {
  fitted: string[];
  /** The same, in Chinese (one per entry of `fitted`). */
  fittedZh: string[];
  rows: HeldOutRow[];
}

const fmt = (x: number, digits = 0) => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const perDay = (r: RunResult, id: string) => r.totals[id].mean / r.horizon.days;

/** The held-out checks of a case, from its shipped run; null for a case with none. */
export function heldOut(caseId: string, r: RunResult): HeldOut | null {
  switch (caseId) {
    case 'haikou-2020': {
      const answered = perDay(r, 'answered');
      const occ = r.totals.occupancy.mean;
      // At ~100% occupancy the answered calls a day are the 300 people's capacity under the fitted handling.
      const capacity = answered / Math.min(1, occ);
      return {
        fitted: ['2020 connection rate 61.90% at 8,254 cases a day (the work-order time is fitted to it, with 300 people assumed)'],
        fittedZh: ['2020年日均8,254件时的接通率61.90%（假设300人，工单处理时长按此拟合）'],
        rows: [
          { figureZh: '2021年日均接通来电', saysZh: '拟合的300人接不完2021年的来电，而公布的接通率却上升了：到2021年海口的人数比拟合假设的多，或处理更快，所以"2020年同样是300人"不成立', figure: 'answered phone calls a day, 2021', published: '9,224 (10,827 cases x 85.19%), rate 72.51%', source: 'Haikou 2021 (official)', model: `at most ~${fmt(capacity)} (300 people at ${(occ * 100).toFixed(1)}% occupancy)`, verdict: 'MISS', says: 'the fitted 300 people cannot answer 2021\'s calls, yet the published rate rose: Haikou had more people or faster handling by 2021 than the fit assumes for 2020, so "the same 300 in 2020" fails' },
          { figureZh: '2022年上半年日均接通来电', saysZh: '到2022年上半年，接听能力比2020年增长约1.6倍：若2022年是300人，则2020年约180人（另一种解释见 calibrate --alternatives：每坐席人数、接听电话人员占比）', figure: 'answered phone calls a day, H1 2022', published: '11,567 (13,578 cases x 85.19%), rate 81.94%', source: 'Haikou 2022 (official)', model: `at most ~${fmt(capacity)}`, verdict: 'MISS', says: 'capacity grew ~1.6x over 2020 by H1 2022: if 300 people in 2022, then ~180 in 2020 (an alternative explanation: calibrate --alternatives, people per seat / share on the phones)' },
          { figureZh: '2022年接通率', saysZh: '接通数（日均12,187个）超过模型中300人的能力；2024年文件所用的来电量（2021年的）也比2022年低30%', figure: 'connection rate, 2022', published: '63.20% at 14,306 cases a day', source: 'Haikou 2022 (official)', model: `answered at most ~${fmt(capacity)} a day`, verdict: 'MISS', says: 'more answered (12,187 a day) than the model\'s 300 can; the 2024 file\'s volume (2021\'s) is also 30% below 2022\'s' },
        ],
      };
    }
    case 'liaocheng': {
      return {
        fitted: ["Jiangsu's 30-s rate 95.25% (Liaocheng publishes no rate; the work-order time is fitted so its 237 people reach it)"],
        fittedZh: ['江苏的30秒接通率95.25%（聊城未公布接通率；工单处理时长按237人达到这一数字拟合）'],
        rows: [
          { figureZh: '平均呼入时长', saysZh: '通话比假设的长68秒：由拟合的工单处理时长吸收；拟合中通话与工单时长此消彼长，对接通率95%所需人数影响较小', figure: 'average inbound call duration', published: '218 s (wallboard, 平均呼入时长)', source: 'Liaocheng wallboard', model: '150 s talk (Changzhou\'s, an input)', verdict: 'MISS', says: 'talk 68 s longer than assumed: the fitted work-order time absorbs it; talk and work-order time trade off in the fit, the head count for 95% less so' },
          { figureZh: '电话渠道占比', saysZh: '若2024年与2020年相似，来电比文件假设的多约12%：每件诉求的来电数合理范围（arrivals.scale 1.0–1.127）已覆盖', figure: 'share of requests by phone', published: '95.33% (Q2 2020)', source: 'Liaocheng Q2 2020', model: '85.19% (Jiangsu\'s, an input)', verdict: 'MISS', says: 'about 12% more calls than the file assumes if 2024 is like 2020: the plausible range of calls per case (arrivals.scale 1.0-1.127) covers it' },
          { figureZh: '每件电话诉求的回访', saysZh: '外呼工作比模型多：由按接通率拟合的工单处理时长吸收', figure: 'return visits per phone request', published: '51% (188,452 of 370,135, Q2 2020)', source: 'Liaocheng Q2 2020', model: '30% owed (Changzhou\'s share, an input)', verdict: 'MISS', says: 'more outbound work than modelled: the work-order time fitted to the rate absorbs it' },
          { figureZh: '下午高峰在席人数', saysZh: '按来电量排班的高峰在席人数与大屏显示的数量级一致', figure: 'agents on seat at an afternoon peak', published: '"100-odd seats all taken" of 184', source: 'Liaocheng wallboard', model: `${r.staffing.maxOnSeat} at the busiest interval`, verdict: r.staffing.maxOnSeat >= 90 && r.staffing.maxOnSeat <= 130 ? 'agrees' : 'MISS', says: 'the demand profile\'s peak staffing is of the order the wallboard shows' },
          { figureZh: '电话接通率', saysZh: '2020年诉求少四分之一，人数未知；有2024年的接通率即可确定校准', figure: 'phone connection rate', published: '99.58% (Q2 2020, 1.55M requests a year)', source: 'Liaocheng Q2 2020', model: `${(r.totals.connectionRate.mean * 100).toFixed(2)}% (2024, 2.07M)`, verdict: 'not comparable', says: '2020 had a quarter fewer requests and an unknown head count; a 2024 rate would settle the calibration' },
        ],
      };
    }
    case 'jiangsu': {
      return {
        fitted: ['30-s manual connection rate 95.25% and average wait 13.4 s (the work-order time and the time before the queue are fitted to them jointly)'],
        fittedZh: ['30秒人工接通率95.25%和平均等待时长13.4秒（工单处理时长和排队前时间按两者联合拟合）'],
        rows: [
          { figureZh: '每名接线员诉求量', saysZh: '2021到2024年每名接线员的负荷上升21%；有2021年的接通率即可检验拟合的处理时长能否跨年适用', figure: 'requests per answerer', published: '7,664 in 2021 (30.12M, 3,930 answerers)', source: 'Jiangsu 2021', model: '9,276 in 2024 (the fitted year)', verdict: 'not comparable', says: 'load per answerer rose 21% from 2021 to 2024; a 2021 rate would test whether the fitted handling holds across years' },
        ],
      };
    }
    case 'nanning-2020':
    case 'nanning-2019': {
      return {
        fitted: [caseId === 'nanning-2020' ? 'monthly average connection rate 90.07% (the share of 120 people on the phones fitted)' : 'connection rate about 30% (the share fitted)'],
        fittedZh: [caseId === 'nanning-2020' ? '月均接通率90.07%（拟合120人中接听电话的占比）' : '接通率约30%（拟合接听电话人员占比）'],
        rows: [
          { figureZh: '话务坐席数', saysZh: '拟合出的人员配置放得进公布的坐席数', figure: 'operator seats', published: '60+ (before 2021)', source: 'Nanning seats (upgraded: 南宁日报 2026-01-13)', model: `${r.staffing.maxOnSeat} on seat at the busiest interval`, verdict: r.staffing.maxOnSeat <= 60 ? 'agrees' : 'MISS', says: 'the fitted staffing fits in the published seats' },
        ],
      };
    }
    case 'guangzhou': {
      return {
        fitted: ['none (Guangzhou publishes no rate)'],
        fittedZh: ['无（广州未公布接通率）'],
        rows: [
          { figureZh: '2023年电话渠道占比', saysZh: '广州自身的电话量约1,390万，比文件少40%：1,000人的缺口远没有文件说的大；所需人数须按1,390万重算', figure: 'phone share of requests, 2023', published: '38.1% (internet 61.9% of 36.5M)', source: 'Guangzhou 2023', model: '57.9% (Hangzhou 2018\'s manual share, an input): 23.75M calls', verdict: 'MISS', says: 'Guangzhou\'s own phone volume is ~13.9M, 40% below the file\'s: the 1,000 people are far less short than the file says; the head count needed must be re-run on 13.9M' },
        ],
      };
    }
    default:
      return null;
  }
}

const VERDICT_ZH: Record<HeldOutRow['verdict'], string> = { agrees: '相符 agrees', MISS: '不符 MISS', 'not comparable': '不可比 not comparable' };

/** A cell: the Chinese first, the English beneath in grey. */
const zhThenEn = (zh: string, en: string) => `<span lang="zh-CN">${escapeHtml(zh)}</span><br><span class="en">${escapeHtml(en)}</span>`;

/** The held-out section of a case page. */
export function heldOutHtml(h: HeldOut): string {
  return (
    '<h2>留出检验 · Held-out checks</h2>' +
    `<p lang="zh-CN">拟合所用：${h.fittedZh.map(escapeHtml).join('；')}。下列公布值均未用于拟合；不符的如实报告，不并入拟合。</p>` +
    `<p class="en" lang="en">Fitted to: ${h.fitted.map(escapeHtml).join('; ')}. Every figure below was left out of the fit; a miss is reported, not absorbed.</p>` +
    htmlTable(
      ['留出指标 Held-out figure', '公布值 Published', '模型 Model', '判断 Verdict', '说明 What it says', '来源 SOURCES.md'],
      h.rows.map((r) => [zhThenEn(r.figureZh, r.figure), escapeHtml(r.published), escapeHtml(r.model), escapeHtml(VERDICT_ZH[r.verdict]), zhThenEn(r.saysZh, r.says), escapeHtml(r.source)]),
      { align: ['left', 'left', 'left', 'left', 'left', 'left'], htmlColumns: [0, 1, 2, 3, 4, 5], className: 'held' },
    )
  );
}
