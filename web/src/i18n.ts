// The page's words in Chinese and English. KPI names carry their Chinese term in both languages
// (the tender's own words: 接通率, 呼损率, 服务水平, 坐席占用率).
export type Lang = 'zh' | 'en';

const WORDS = {
  title: { zh: '12345 热线测算工作台', en: 'Hotline planner\'s workbench 12345 热线测算工作台' },
  subtitle: {
    zh: '从五个数字到招标测算附件：人数、接通率与预算（自营 vs 外包）。所有计算都在本页完成，数据不离开本机。',
    en: 'From five numbers to a tender appendix: head count, connection rate and budget, in-house vs outsourced. Everything is computed in this page; nothing leaves your machine.',
  },
  start: { zh: '起点', en: 'Start from' },
  newHotline: { zh: '新建热线（五个数字）', en: 'A new hotline (five numbers)' },
  orCase: { zh: '或打开案例', en: 'or open a case' },
  openYaml: { zh: '打开 YAML 文件…', en: 'Open a YAML file…' },
  downloadYaml: { zh: '下载场景 YAML', en: 'Download scenario YAML' },
  fiveNumbers: { zh: '五个数字', en: 'Five numbers' },
  requests: { zh: '受理量（全部渠道）', en: 'Requests, all channels' },
  perYear: { zh: '每年', en: 'a year' },
  perDay: { zh: '每天', en: 'a day' },
  phoneShare: { zh: '电话占比 %', en: 'Share by phone, %' },
  noOnline: { zh: '此案例未模拟网络渠道：非电话受理量不计入', en: 'this case models no online channel: requests not by phone are left out' },
  headcount: { zh: '人数（在册）', en: 'Head count (payroll)' },
  findIt: { zh: '按目标求人数', en: 'find it for the target' },
  wage: { zh: '话务员月工资（税前，元）', en: 'Operator gross monthly wage, yuan' },
  province: { zh: '省份（成本参数表）', en: 'Province (cost parameter table)' },
  national: { zh: '全国默认值', en: 'national defaults' },
  city: { zh: '城市', en: 'City' },
  years: { zh: '合同期（年）', en: 'Contract term, years' },
  target: { zh: '接通率目标（每月）%', en: 'Target 接通率 per month, %' },
  budget: { zh: '预算或最高限价（合同期总额，元，可选）', en: 'Budget or ceiling price for the term, yuan (optional)' },
  budgetHint: { zh: '案例默认用其公开合同价', en: 'a case uses its cited contract by default' },
  more: { zh: '更多输入（默认值及其来源）', en: 'More inputs (defaults and their sources)' },
  citations: { zh: '来源', en: 'Sources' },
  analytic: { zh: '解析估算（Erlang A），待模拟验证', en: 'Analytic (Erlang A) until confirmed by simulation' },
  kpis: { zh: '服务指标', en: 'Service' },
  analyticScope: {
    zh: '解析估算只计来电；回访外呼和网络渠道占用的坐席时间需模拟才能计入，模拟后的接通率通常更低。',
    en: 'The analytic figures count the calls only; the agent time return visits and online channels take enters through simulation, which usually gives a lower connection rate.',
  },
  connectionRate: { zh: '接通率', en: 'Connection rate 接通率' },
  abandonRate: { zh: '呼损率', en: 'Abandonment 呼损率' },
  serviceLevel: { zh: '服务水平（15 秒接通率）', en: 'Service level 服务水平 (15 s)' },
  occupancy: { zh: '坐席占用率', en: 'Occupancy 坐席占用率' },
  asa: { zh: '平均等待（秒）', en: 'Average wait (ASA), s' },
  staffing: { zh: '人员', en: 'Staffing' },
  headcountFor: { zh: '达标所需人数', en: 'Head count for the target' },
  atHeadcount: { zh: '测算人数', en: 'Head count priced' },
  onSeat: { zh: '平均在席坐席', en: 'Agents on seat, mean' },
  busiest: { zh: '最忙半小时单独所需坐席', en: 'Busiest interval alone needs, on seat' },
  cost: { zh: '成本（元）', en: 'Cost, yuan' },
  item: { zh: '项目', en: 'Item' },
  outsourced: { zh: '外包', en: 'Outsourced 外包' },
  inhouse: { zh: '自营', en: 'In-house 自营' },
  annual: { zh: '年度总成本', en: 'All-in per year 年度总成本' },
  wholeTerm: { zh: '合同期总额', en: 'Whole term 合同期总额' },
  contractPrice: { zh: '合同价（含税，每年）', en: 'Contract price per year, VAT incl. 合同价' },
  perPersonMonth: { zh: '人均每月成本', en: 'Per person-month' },
  affordable: { zh: '按预算可付月工资', en: 'Affordable gross monthly wage at the price' },
  atPrice: { zh: '价格', en: 'at' },
  noPrice: { zh: '填写预算或最高限价以求可付工资', en: 'give a budget or ceiling to see the affordable wage' },
  cli: { zh: '命令行同一结果', en: 'The same figures from the command line' },
  errorsTitle: { zh: '无法计算', en: 'Cannot compute' },
  notNumber: { zh: '请输入数字', en: 'give a number' },
  between: { zh: '应在 {lo} 与 {hi} 之间', en: 'must be between {lo} and {hi}' },
  tooSmall: { zh: '人数太少：排队无限增长（没有呼损时）', en: 'too few people: the queue grows without bound' },
  charts: { zh: '图表', en: 'Charts' },
  chartConn: { zh: '接通率与人数', en: 'Connection rate 接通率 vs head count' },
  chartCost: { zh: '年度成本与接通率', en: 'Annual cost vs connection rate 接通率' },
  chartDay: { zh: '平均一天：来电与在席坐席', en: 'The average day: calls and agents on seat' },
  chartWaterfall: { zh: '从简单除法到全成本人数', en: 'From the naive division to the full-cost head count' },
  callsPerHour: { zh: '每小时来电', en: 'Calls per hour' },
  agents: { zh: '在席坐席', en: 'Agents on seat' },
  timeOfDay: { zh: '时刻', en: 'Time of day' },
  people: { zh: '人', en: 'people' },
  budgetLine: { zh: '预算/限价（每年）', en: 'Budget / ceiling per year' },
  term: { zh: '合同期', en: 'Contract term' },
  yearsUnit: { zh: '年', en: 'years' },
  caseLabel: { zh: '当前场景', en: 'Scenario' },
  langSwitch: { zh: 'English', en: '中文' },
  sameAs: { zh: '与 CLI 一致', en: 'agrees with the CLI' },
  method: {
    zh: '每半小时按 Erlang A（M/M/n+M）计算，按来电量加权得到月度接通率；人数按场景规则换算为在席坐席（随需求分布）；成本按成本模型（工资、社保、公积金、津贴、流失、座席、管理费、利润、增值税）分自营与外包。',
    en: 'Erlang A (M/M/n+M) per half hour, weighted by calls, gives the month\'s connection rate; the head count becomes agents on seat by the scenario\'s rule (following demand); the cost model (wages, social insurance, housing fund, premiums, turnover, seats, fee, profit, VAT) prices it in-house and outsourced.',
  },
} as const;

export type WordKey = keyof typeof WORDS;

export function t(lang: Lang, key: WordKey, vars: Record<string, string | number> = {}): string {
  let s: string = WORDS[key][lang];
  for (const [k, v] of Object.entries(vars)) s = s.replace(`{${k}}`, String(v));
  return s;
}

export function browserLang(): Lang {
  const langs = (typeof navigator !== 'undefined' && navigator.languages) || [];
  for (const l of langs) {
    if (/^zh/i.test(l)) return 'zh';
    if (/^en/i.test(l)) return 'en';
  }
  return 'zh';
}

/** The shipped cases' names in Chinese (the case picker shows both). */
export const CASE_NAMES_ZH: Record<string, string> = {
  'changzhou-2021': '常州 12345（2021 年，全部业务示例）',
  'guangzhou-2023': '广州 12345（2023–25 年招标，1,000 人）',
  'haikou-2020': '海口 12345（2020 年，校准至 61.90%）',
  'haikou-2024': '海口 12345（2024–26 年合同，300 人）',
  'jiangsu-2024': '江苏 12345（2024 年，13 市平均，362 人）',
  'liaocheng-2024': '聊城 12345（2024 年，237 人，已校准）',
  'nanning-2019': '南宁 12345（2019–20 年，外包前）',
  'nanning-2020': '南宁 12345（2020–21 年，外包后）',
  'yongchuan-2011': '永川区热线（2011 年，外包首年）',
};

/** Labels of the "more" inputs. */
export const MORE_LABELS: Record<string, { zh: string; en: string }> = {
  patience: { zh: '来电者平均耐心（秒）', en: 'Mean caller patience, s' },
  peoplePerSeat: { zh: '每个在席坐席对应人数', en: 'People per agent on seat' },
  minOnSeat: { zh: '夜间最少在席', en: 'Fewest on seat at night' },
  talkConsult: { zh: '咨询通话时长（秒）', en: 'Consultation talk, s' },
  talkOrder: { zh: '工单通话时长（秒）', en: 'Work-order talk, s' },
  wrapOrder: { zh: '工单话后处理（秒）', en: 'Work-order after-call work, s' },
  orderShare: { zh: '工单占比', en: 'Share needing a work order' },
  serviceLevelSeconds: { zh: '服务水平时限（秒）', en: 'Service-level threshold, s' },
  bonusMonths: { zh: '年终奖（月）', en: 'Bonus, months of wage' },
  turnover: { zh: '年流失率', en: 'Annual turnover' },
  managementFee: { zh: '管理费率', en: 'Management fee rate' },
  profit: { zh: '利润率', en: 'Profit rate' },
  seed: { zh: '随机种子', en: 'Random seed' },
  replications: { zh: '模拟重复次数', en: 'Replications' },
};

export function formatYuan(lang: Lang, x: number): string {
  if (!Number.isFinite(x)) return '—';
  return Math.round(x).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US');
}

export function formatPct(x: number, digits = 1): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(digits)}%` : '—';
}

/** Large yuan amounts as 万 in Chinese, millions in English. */
export function formatBig(lang: Lang, x: number): string {
  if (!Number.isFinite(x)) return '—';
  return lang === 'zh' ? `${(x / 1e4).toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 万元` : `${(x / 1e6).toLocaleString('en-US', { maximumFractionDigits: 2 })} M yuan`;
}
