/**
 * Sources of the regional parameter table. Each is copied into the project (title, publisher,
 * date, address) so that a cell can be defended without any file outside the repository.
 *
 * strength: 'official' = a government notice or statute text (an official site or a faithful repost, named);
 *           'weak'     = a third-party calculator, blog or mirror (check before relying on it);
 *           'inferred' = derived by arithmetic or reasoning from other sources (the note says how).
 * No official 2024 notice for Shandong or Hainan contribution bases, rates, minimum wages or
 * high-temperature allowances was found in the searchable corpora (November 2026): every cell
 * filled below is therefore marked weak.
 */
export type Strength = 'official' | 'weak' | 'inferred';

export interface Source {
  readonly id: string;
  readonly title: string;
  readonly publisher: string;
  /** Publication date as stated, or 'undated'. */
  readonly date: string;
  readonly url: string;
  readonly strength: Strength;
  /** What the source does not say (e.g. the year its figures are for). */
  readonly caveat?: string;
}

export const SOURCES = {
  calculatorBases: {
    id: 'calculatorBases',
    title: 'salary-calculator: src/data/provice.ts (provinceSocialInsurance, provinceHousingFund: minBase / maxBase per province)',
    publisher: 'GitHub jiabin-xu/salary-calculator (third-party calculator)',
    date: 'undated (commit b68b652a47bc5949f003811e153ec0cc29cd40d0)',
    url: 'https://github.com/jiabin-xu/salary-calculator/blob/b68b652a47bc5949f003811e153ec0cc29cd40d0/src/data/provice.ts',
    strength: 'weak',
    caveat:
      'the year is not stated; its Beijing row (6,821 / 35,283) is what other calculators label the 2024 Beijing base, so the figures are read as 2024. The same figures appear in linianhui/blog src/tool/tax/insurances.js',
  },
  workInjuryClasses: {
    id: 'workInjuryClasses',
    title: '工伤保险行业风险分类及基准费率 (classes 1–8: 0.2 % … 1.9 %; software and IT services = class 1, 0.2 %)',
    publisher: 'm.bbbaike.com (encyclopaedia mirror of 人社部发〔2015〕71号)',
    date: 'undated',
    url: 'https://m.bbbaike.com/baike/techan/1524398.html',
    strength: 'weak',
  },
  highTemperature: {
    id: 'highTemperature',
    title: '各省高温津贴标准 (Shandong 200 yuan/month outdoor and hot work, 140 yuan/month other work, June–September; Hainan 10 yuan/day, April–October)',
    publisher: 'm.78911.com.cn (新政策 column, third party)',
    date: 'undated',
    url: 'https://m.78911.com.cn/XinZhengCe/605469.html',
    strength: 'weak',
    caveat: "Hainan's rule names outdoor and high-temperature workplaces; whether it covers air-conditioned office work was not verified",
  },
  disabilityFund: {
    id: 'disabilityFund',
    title:
      '残疾人就业保障金征收使用管理办法 (财税〔2015〕72号): (staff × provincial ratio − disabled staff) × average pay; dispatched staff count at the dispatcher (art. 8); pay base capped at 2× local average pay from 2018-04-01',
    publisher: 'mirrors: m9rr9o.cn; wap.manyoumao.com; grejob.com; guocuan.com; cidian.kuaisou.com (湘财综〔2016〕46号, Hunan forwarding: ratio 1.5 %)',
    date: '2015 (rules), 2018-04-01 (cap)',
    url: 'https://cidian.kuaisou.com/湘财综2016+46号',
    strength: 'weak',
  },
  disabilityBands: {
    id: 'disabilityBands',
    title: '我国残疾人就业保障金由单一标准征收调整为分档征收 (ratio ≥ 1 %: 50 %; below 1 %: 90 %; ≤ 30 staff exempt)',
    publisher: 'bdggg.com (mirror of a 环球网 news item)',
    date: '2019-12-31',
    url: 'https://bdggg.com/2019/huanqiu/news_2019_12_31_1725695',
    strength: 'weak',
    caveat: 'the bands were introduced for a limited period; their application in 2024 was not verified',
  },
  vatServices: {
    id: 'vatServices',
    title: '劳务外包增值税: general method on the full price at the service rate (6 % for most services); differential only for labour dispatch and security; small-scale 1 % until 2027-12-31',
    publisher: 'm.iwhd.cn (tax Q&A site)',
    date: 'undated',
    url: 'https://m.iwhd.cn/article/21627.html',
    strength: 'weak',
  },
  caishui2016_47: {
    id: 'caishui2016_47',
    title:
      '财政部 税务总局 关于进一步明确全面推开营改增试点有关劳务派遣服务、收费公路通行费抵扣等政策的通知 (财税〔2016〕47号): labour dispatch may elect the 5 % simplified method on the price less wages, welfare, social insurance and housing fund paid for the dispatched staff',
    publisher: 'm.cardbaobao.com (mirror of the Ministry of Finance / SAT notice)',
    date: '2016-04-30 (notice)',
    url: 'https://m.cardbaobao.com/cardnews/cardnews_24699.shtml',
    strength: 'weak',
  },
  unionLaw: {
    id: 'unionLaw',
    title: '中华人民共和国工会法 art. 43: 2 % of the monthly total wage bill where a union is set up',
    publisher: 'ulib.interlib.cn (statute text); fymate.net (provincial rules)',
    date: 'law (as amended 2021)',
    url: 'https://ulib.interlib.cn',
    strength: 'weak',
  },
  mohrssMinWage2024: {
    id: 'mohrssMinWage2024',
    title: '全国各省、自治区、直辖市最低工资标准情况（截至2024年1月1日）: Shandong 2,200/2,010/1,820; Hainan 2,010/1,850; Guangdong 2,300/1,900/1,720/1,620; Guangxi 1,990/1,840/1,690; Chongqing 2,100/2,000',
    publisher: '人社部劳动关系司 (reposted verbatim by fjshlb.com and m.ddtbk.com)',
    date: '2024-01-19',
    url: 'http://fjshlb.com/article-43705-121787.html',
    strength: 'official',
    caveat: 'the table gives classes, not which city is in which class',
  },
  mohrssMinWage2023: {
    id: 'mohrssMinWage2023',
    title: '全国各省、自治区、直辖市最低工资标准情况（截至2023年10月1日）: Guangxi 1,810/1,580/1,430; Hainan 1,830/1,730/1,680',
    publisher: '人社部劳动关系司 (reposted verbatim by toshou.net)',
    date: '2023-10-01',
    url: 'http://www.toshou.net/?p=686',
    strength: 'official',
    caveat: "Guangxi's 1,810 start date (2020-03-01) is recalled, not in the table",
  },
  hainanMinWage2021: {
    id: 'hainanMinWage2021',
    title: '海南省人力资源和社会保障厅 关于调整全省最低工资标准的通知: from 2021-12-01 一类 1,830 (海口市、三亚市、洋浦经济开发区), 二类 1,730, 三类 1,680',
    publisher: '海南省人社厅 (repost of the notice, zhg6088.com)',
    date: '2021-10-14',
    url: 'http://www.zhg6088.com/index/news/show/id/11164.html',
    strength: 'official',
  },
  shandongClasses: {
    id: 'shandongClasses',
    title: "What is the minimum wage standard in Shandong Province in 2018 (class 1: Jinan, Qingdao, Zibo, Yantai, Dongying, Weifang, Weihai)",
    publisher: '4hw.com.cn',
    date: '2018',
    url: 'https://en.4hw.com.cn/644/22852.html',
    strength: 'weak',
    caveat: "Liaocheng's class 2 is inferred from its absence from the class-1 list; the official annex was not found",
  },
  housingFundRule: {
    id: 'housingFundRule',
    title:
      '建设部 财政部 人民银行 关于住房公积金管理若干具体问题的指导意见 (建金管〔2005〕5号) art. 3: base not above 2 or 3 × the previous-year city average monthly wage; employer rate 5–12 %; floors are set locally at the minimum wage',
    publisher: '建设部 / 财政部 / 中国人民银行 (cited by number; practice "下限为当地最低工资标准" from a Hangzhou calculator, secondary)',
    date: '2005-01-10',
    url: 'https://www.mohurd.gov.cn',
    strength: 'inferred',
    caveat: 'the notice text was not retrieved; floor = minimum wage is the common local practice, the cap uses the provincial average as a proxy for the city average',
  },
  inferredAverage: {
    id: 'inferredAverage',
    title: 'average monthly wage implied by the social-insurance cap (cap = 300 % of the average used for the bases)',
    publisher: 'arithmetic on the calculatorBases cells (this project)',
    date: '2026-12',
    url: 'https://github.com/jiabin-xu/salary-calculator/blob/b68b652a47bc5949f003811e153ec0cc29cd40d0/src/data/provice.ts',
    strength: 'inferred',
    caveat: "the 残保金 cap uses the city's 城镇非私营单位 average (higher, not found); at call-centre pay the 2× cap cannot bind either way",
  },
  disabilityBands2023: {
    id: 'disabilityBands2023',
    title: '财政部 关于延续实施残疾人就业保障金优惠政策的公告 (财政部公告2023年第8号): below 1 % disabled staff pay 90 %, 1 % to the ratio 50 %, ≤ 30 staff exempt, 2023-01-01 to 2027-12-31',
    publisher: '财政部 (reprint "来源:财政部网站", 中国西藏网 mirror)',
    date: '2023-03-26',
    url: 'http://m.xjbaicao.net/cn/Instant/municipal/202303/t20230328_7388069.html',
    strength: 'official',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
