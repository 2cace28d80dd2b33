// The workbench in a real browser (Debian's Chromium through playwright-core), opened from
// `hotline-sim serve`: the five-number form against the CLI on the YAML the page downloads, the
// language toggle, bad inputs, no console errors. One browser for the file. Skipped (with a
// message) without Chromium, required when HOTLINE_SIM_REQUIRE_BROWSER=1 (.ci/run sets it).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, findChromium, launch, ROOT, staleBuild, startServe, type Launched, type Served } from './test/browser.ts';
import { pdfPages, pdfPageSizes } from './test/pdfText.ts';

const chromium = findChromium();
const required = process.env.HOTLINE_SIM_REQUIRE_BROWSER === '1';
if (!chromium && !required) console.warn('web/workbench.test.ts: skipped, no Chromium (apt-get install -y chromium fonts-noto-cjk)');

function cli(args: string[]): string {
  return execFileSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
}

const yuan = (x: number) => Math.round(x).toLocaleString('zh-CN');

describe.skipIf(!chromium && !required)('the workbench in Chromium', () => {
  let served: Served;
  let browser: Launched;
  let page: Page;
  const problems: string[] = [];
  const tmp = mkdtempSync(join(tmpdir(), 'workbench-test-'));

  beforeAll(async () => {
    expect(chromium, 'Chromium is needed: apt-get install -y chromium fonts-noto-cjk').not.toBeNull();
    expect(staleBuild()).toBeNull();
    served = await startServe();
    browser = await launch(chromium!, 'zh-CN');
    page = await browser.context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(served.url);
    await page.waitForSelector('#kpi-connection');
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    served?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  const fill = async (field: string, value: string) => {
    await page.fill(`#f-${field}`, value);
  };
  const text = (sel: string) => page.locator(sel).innerText();

  it('opens from serve in Chinese (the browser\'s language) with an analytic answer', async () => {
    expect(await text('header h1')).toContain('热线测算工作台');
    expect(await text('#analytic-badge')).toContain('待模拟验证');
    expect(await text('#kpi-connection')).toMatch(/接通率\s+\d+\.\d%/);
    mkdirSync(join(ROOT, 'output', 'web'), { recursive: true });
  });

  it('five numbers: head count and budget agree with hotline-sim budget and erlang on the downloaded YAML', async () => {
    await fill('requests', '1500000');
    await fill('phoneShare', '80');
    if (!(await page.isChecked('#f-find'))) await page.check('#f-find');
    await fill('monthlyWage', '4500');
    await page.selectOption('#f-province', 'Guangdong');
    await fill('city', '佛山');
    await fill('years', '3');
    await fill('target', '95');
    const headcount = Number(await page.inputValue('#f-headcount'));
    expect(headcount).toBeGreaterThan(50);
    expect(await text('#kpi-target-headcount')).toContain(String(headcount));
    await page.screenshot({ path: join(ROOT, 'output', 'web', 'workbench-zh.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-yaml')]);
    const file = join(tmp, 'five-numbers.yaml');
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toContain(`headcount: ${headcount}`);

    // the budget, line for line what the page shows
    const study = JSON.parse(cli(['budget', file, '--no-simulate', '--years', '3', '--json']));
    expect(study.at.headcount).toBe(headcount);
    expect(study.years).toBe(3);
    const out = study.at.budgets.outsourced.budget;
    const inh = study.at.budgets.inhouse.budget;
    expect(await text('#row-annual')).toBe(`年度总成本\t${yuan(out.total)}\t${yuan(inh.total)}`);
    expect(await text('#row-term')).toBe(`合同期总额 (3 年)\t${yuan(out.total * 3)}\t${yuan(inh.total * 3)}`);
    expect(await text('#row-price')).toContain(yuan(out.contractPrice));
    expect(await text('#cli-line')).toBe('hotline-sim budget scenario.yaml --no-simulate --years 3');

    // the busiest half hour alone, as `hotline-sim erlang` answers it
    const busiest = await page.evaluate(() => (globalThis as any).workbench.state.last.forTarget.busiest);
    const erlang = JSON.parse(
      cli(['erlang', '--calls-per-hour', String(busiest.callsPerHour), '--talk', String(busiest.handleSeconds), '--patience', String(busiest.patienceSeconds), '--target', 'connection=0.95', '--json']),
    );
    expect(erlang.agentsNeeded).toBe(busiest.agents);
    expect(await text('#kpi-busiest')).toContain(String(erlang.agentsNeeded));

    // the head count found is the smallest meeting the target: one fewer misses it
    await page.uncheck('#f-find');
    await fill('headcount', String(headcount - 1));
    expect(await text('#kpi-connection')).toContain('✗');
    await fill('headcount', String(headcount));
    expect(await text('#kpi-connection')).toContain('✓');
  });

  it('opens in English for an English browser', async () => {
    const en = await browser.browser.newContext({ locale: 'en-GB' });
    const p = await en.newPage();
    await p.goto(served.url);
    await p.waitForSelector('#kpi-connection');
    expect(await p.locator('header h1').innerText()).toBe("Hotline planner's workbench 12345 热线测算工作台");
    expect(await p.locator('#kpi-connection .label').innerText()).toBe('Connection rate 接通率');
    await en.close();
  });

  it('switches between Chinese and English live, KPIs keep their Chinese terms', async () => {
    await page.click('#lang');
    expect(await text('header h1')).toContain("Hotline planner's workbench");
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    for (const [id, zh] of [['connection', '接通率'], ['abandon', '呼损率'], ['sl', '服务水平'], ['occupancy', '坐席占用率']]) {
      expect(await text(`#kpi-${id}`)).toContain(zh);
    }
    expect(await page.inputValue('#f-city')).toBe('佛山'); // the inputs survive the switch
    await page.screenshot({ path: join(ROOT, 'output', 'web', 'workbench-en.png'), fullPage: true });
    await page.click('#lang');
    expect(await text('header h1')).toContain('12345 热线测算工作台');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  });

  it('bad input: a message beside the field, the last answer kept, never a blank page', async () => {
    const cases: [string, string, RegExp][] = [
      ['requests', 'abc', /请输入数字/],
      ['phoneShare', '150', /应在 1 与 100 之间/],
      ['monthlyWage', '-3', /应在 500 与/],
      ['years', '0', /应在 0.25 与 100 之间/],
      ['target', '120', /应在 50 与 99.9 之间/],
      ['budgetYuan', 'lots', /请输入数字/],
    ];
    for (const [field, value, message] of cases) {
      const before = await page.inputValue(`#f-${field}`);
      await fill(field, value);
      expect(await text(`.field[data-field="${field}"] .err`), field).toMatch(message);
      expect(await page.locator('#results').getAttribute('class')).toContain('stale');
      expect(await text('#kpi-connection')).toMatch(/\d+\.\d%/);
      await fill(field, before);
      expect(await text(`.field[data-field="${field}"] .err`)).toBe('');
    }
    await page.uncheck('#f-find');
    await fill('headcount', '2.5');
    expect(await text('.field[data-field="headcount"] .err')).toMatch(/整数/);
    await fill('headcount', '3'); // far too few for 1.2M calls: answered, but almost nobody gets through
    expect(await text('#kpi-connection')).toContain('✗');
    await page.check('#f-find');
    // a YAML file that is not a scenario: one line naming the field, the page stays
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, readFileSync(join(ROOT, 'scenarios', 'liaocheng-2024.yaml'), 'utf8').replace('patience: { distribution: exponential, mean: 120 }', 'patience: { distribution: exponential, mean: -3 }'));
    await page.setInputFiles('#f-file', bad);
    await page.waitForSelector('.field.bad');
    expect(await text('.field[data-field="more.patience"] .err')).toMatch(/^patience\.mean: /);
    expect(await page.isVisible('#f-more-patience')).toBe(true); // "more" opened at the field
    await fill('more-patience', '120');
    await page.waitForSelector('#results:not(.stale)');
    await page.selectOption('#f-source', 'new');
    await page.waitForSelector('#results:not(.stale)');
  });

  it('opens every shipped case with its citations', async () => {
    const ids = readFileSync(join(ROOT, 'scenarios', 'SOURCES.md'), 'utf8') ? await page.locator('#f-source option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)) : [];
    expect(ids.length).toBeGreaterThanOrEqual(9);
    for (const id of ids.filter((i) => i !== 'new')) {
      await page.selectOption('#f-source', id);
      await page.waitForSelector('#results:not(.stale)');
      expect(await text('#kpi-connection'), id).toMatch(/\d+\.\d%/);
      expect(await page.locator('details.cites li').count(), id).toBeGreaterThan(0);
    }
  });

  it('draws the four charts and exports each as PNG and SVG', async () => {
    await page.selectOption('#f-source', 'liaocheng-2024');
    await page.waitForSelector('#results:not(.stale)');
    for (const id of ['connection', 'cost', 'day', 'waterfall']) await page.waitForSelector(`#chart-${id} svg.marks`);
    expect(await text('#chart-waterfall figcaption')).toBe('从简单除法到全成本人数');
    for (const fmt of ['png', 'svg']) {
      const [d] = await Promise.all([page.waitForEvent('download'), page.click(`#chart-cost button[data-export="${fmt}"]`)]);
      const file = join(tmp, `cost.${fmt}`);
      await d.saveAs(file);
      const bytes = readFileSync(file);
      if (fmt === 'png') expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      else expect(bytes.toString()).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    }
    await page.screenshot({ path: join(ROOT, 'output', 'web', 'workbench-liaocheng-zh.png'), fullPage: true });
  });

  it('a link reproduces the page; a downloaded YAML opened again gives the same figures', async () => {
    await page.selectOption('#f-source', 'haikou-2024');
    await page.waitForSelector('#results:not(.stale)');
    await fill('headcount', '280');
    await fill('years', '2');
    await page.selectOption('#f-province', 'Guangxi');
    await page.click('#more summary');
    await fill('more-patience', '90');
    const figures = async (p: Page) => [await p.locator('#row-annual').innerText(), await p.locator('#row-term').innerText(), await p.locator('#kpi-connection').innerText(), await p.locator('#kpi-headcount').innerText()];
    const here = await figures(page);
    const url = page.url();
    expect(url).toMatch(/#v=1&lang=zh&src=haikou-2024&per=day&.*hc=280.*prov=Guangxi.*years=2.*m\.patience=90/);
    const other = await browser.context.newPage();
    await other.goto(url);
    await other.waitForSelector('#results:not(.stale)');
    expect(await figures(other)).toEqual(here);
    expect(await other.inputValue('#f-more-patience')).toBe('90');
    await other.close();

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-yaml')]);
    const file = join(tmp, 'haikou-variant.yaml');
    await download.saveAs(file);
    await page.setInputFiles('#f-file', file);
    await page.waitForSelector('#results:not(.stale)');
    expect(await page.inputValue('#f-source')).toBe('file');
    expect(await figures(page)).toEqual(here);
    // and the CLI reads the same file to the same yuan
    const study = JSON.parse(cli(['budget', file, '--no-simulate', '--years', '2', '--json']));
    expect(here[0]).toBe(`年度总成本\t${yuan(study.at.budgets.outsourced.budget.total)}\t${yuan(study.at.budgets.inhouse.budget.total)}`);
  });

  it('keeps up to three named variants side by side, in local storage', async () => {
    await page.goto(`${served.url}#v=1&src=liaocheng-2024&hc=237`);
    await page.waitForSelector('#results:not(.stale)');
    for (const [name, hc] of [['237 人', '237'], ['221 人', '221'], ['281 人', '281']]) {
      await fill('headcount', hc);
      await page.fill('#variant-name', name);
      await page.click('#variant-save');
      await page.waitForSelector(`#variants-table th:has-text("${name}")`);
    }
    expect(await page.isDisabled('#variant-save')).toBe(true);
    const row = async (id: string) => (await page.locator(`#variants-table tr[data-row="${id}"]`).innerText()).split('\t').map((c) => c.trim());
    expect((await row('headcount')).slice(1)).toEqual(['237', '221\n−16', '281\n+44']);
    expect((await row('connection'))[2]).toMatch(/\d+\.\d%\n−\d+\.\d pt/);
    await page.reload();
    await page.waitForSelector('#variants-table');
    await page.click('#variants-table button[data-delete="1"]');
    expect((await row('headcount')).slice(1)).toEqual(['237', '281\n+44']);
    await page.click('#variants-table button[data-open="1"]');
    expect(await page.inputValue('#f-headcount')).toBe('281');
  });

  it('模拟验证: Web Workers give the figures of hotline-sim run --json on the same file and seed', async () => {
    await page.goto(`${served.url}#v=1&src=liaocheng-2024&m.replications=4&m.seed=77`);
    await page.waitForSelector('#results:not(.stale)');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-yaml')]);
    const file = join(tmp, 'liaocheng-4.yaml');
    await download.saveAs(file);
    await page.click('#simulate');
    await page.waitForSelector('.badge.confirmed', { timeout: 60_000 });
    expect(await text('#analytic-badge')).toBe('模拟验证：4 次重复，种子 77，均值与 95% 置信区间');
    const totals = await page.evaluate(() => (globalThis as any).workbench.state.sim.result.totals);
    const run = JSON.parse(cli(['run', file, '--json']));
    expect(run.seed).toBe(77);
    expect(Object.keys(totals).sort()).toEqual(Object.keys(run.totals).sort());
    for (const [id, e] of Object.entries(run.totals) as [string, { mean: number; ciLow: number; ciHigh: number }][]) {
      const b = totals[id];
      // counts are equal; sums of times may differ in the last binary digit (Chromium's V8 is not Node's)
      if (['offered', 'answered', 'abandoned', 'maxQueue'].includes(id)) expect(b, id).toEqual(e);
      for (const k of ['mean', 'ciLow', 'ciHigh'] as const) expect(Math.abs(b[k] - e[k]), `${id}.${k}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(e[k])));
    }
    // what the page prints is the CLI's figure, and the analytic one beside it, flagged when > 1 point apart
    const conn = run.totals.connectionRate;
    expect(await text('#kpi-connection')).toContain(`${(conn.mean * 100).toFixed(1)}%`);
    expect(await text('#kpi-connection')).toContain(`95% CI ${(conn.ciLow * 100).toFixed(1)}%–${(conn.ciHigh * 100).toFixed(1)}%`);
    expect(await text('#kpi-occupancy')).toMatch(/⚑ 与解析值相差 \d+\.\d 个百分点/);
    // a change of input drops the simulation: the figures are analytic again
    await fill('monthlyWage', '4100');
    expect(await text('#analytic-badge')).toContain('待模拟验证');
  });

  it('a simulation can be cancelled, and one too large for the browser is refused with the CLI command', async () => {
    await page.goto(`${served.url}#v=1&src=liaocheng-2024&m.replications=40`);
    await page.waitForSelector('#results:not(.stale)');
    await page.click('#simulate');
    await page.waitForSelector('#sim-cancel');
    await page.click('#sim-cancel');
    expect(await text('#sim-error')).toBe('已取消');
    expect(await text('#analytic-badge')).toContain('待模拟验证');
    await page.goto(`${served.url}#v=1&src=new&requests=1000000000&hc=200000`);
    await page.waitForSelector('#results:not(.stale)');
    await page.click('#simulate');
    expect(await text('#sim-error')).toMatch(/^规模过大，无法在浏览器中模拟（约 [\d,]+ 通）。请在命令行运行：hotline-sim run scenario\.yaml/);
  });

  it('CSV of every table: UTF-8 with a BOM, numbers without separators', async () => {
    await page.goto(`${served.url}#v=1&src=liaocheng-2024`);
    await page.waitForSelector('#results:not(.stale)');
    await page.waitForSelector('#appendix', { state: 'attached' });
    const ids = await page.locator('button[data-csv]').evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.csv));
    expect(ids).toEqual(expect.arrayContaining(['cost-table', 'appendix-inputs', 'appendix-kpis', 'appendix-staffing', 'appendix-cost']));
    await page.click('#appendix-toggle');
    const [d] = await Promise.all([page.waitForEvent('download'), page.click('button[data-csv="cost-table"]')]);
    const file = join(tmp, 'cost.csv');
    await d.saveAs(file);
    const csv = readFileSync(file, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const study = JSON.parse(cli(['budget', join(ROOT, 'scenarios', 'liaocheng-2024.yaml'), '--no-simulate', '--json']));
    const whole = (x: number) => String(Math.round(x));
    expect(csv.slice(1).split('\r\n').slice(0, 2)).toEqual(['项目,外包,自营', `年度总成本,${whole(study.at.budgets.outsourced.budget.total)},${whole(study.at.budgets.inhouse.budget.total)}`]);
  });

  it('prints the tender appendix 招标测算附件 to A4 PDF pages with its headings, KPIs with CIs, seed and version', async () => {
    await page.goto(`${served.url}#v=1&src=liaocheng-2024&m.replications=3`);
    await page.waitForSelector('#results:not(.stale)');
    await page.click('#simulate');
    await page.waitForSelector('.badge.confirmed', { timeout: 60_000 });
    await page.waitForSelector('#appendix', { state: 'attached' });
    const ci = (await text('#appendix-kpis tbody tr:first-child td:nth-child(4)')).trim();
    expect(ci).toMatch(/^\d+\.\d%–\d+\.\d%$/);
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(join(ROOT, 'output', 'web', 'appendix-zh.pdf'), pdf);
    const sizes = pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(2);
    for (const s of sizes) expect([Math.round(s.width / 2.835), Math.round(s.height / 2.835)]).toEqual([210, 297]); // mm
    const all = pdfPages(pdf).join('\n');
    let at = -1;
    for (const heading of ['招标测算附件', '一、测算问题', '二、输入及来源', '三、测算方法', '四、服务指标', '五、人员配置', '六、成本明细(自营与外包)', '七、可复现信息']) {
      const i = all.indexOf(heading);
      expect(i, heading).toBeGreaterThan(at);
      at = i;
    }
    expect(all).toContain(ci);
    expect(all).toMatch(/随机种子\s*: 2024;\s*重复次数\s*: 3; hotline-sim v\d+\.\d+\.\d+/);
    expect(all).toContain('假设'); // which inputs are assumptions
    expect(all).not.toContain('打印招标测算附件'); // the page's controls are not printed
  });

  it('logs no console error or warning', () => {
    expect(problems).toEqual([]);
  });
});
