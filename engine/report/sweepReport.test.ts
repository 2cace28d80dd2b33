// The sweep report: self-contained, byte-stable, and opened in headless Chromium without a console error.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseVary, planSweep, sweepChunks } from '../experiment/studies/sweep.ts';
import { csvLines, readSweepCsv, sweepManifest, type SweepTable } from './sweepCsv.ts';
import { availableSweepCharts } from './sweepCharts.ts';
import { chartFiles, renderSweepCharts, sweepReportHtml } from './sweepReport.ts';
import { UTF8_BOM } from './csv.ts';

const dir = mkdtempSync(join(tmpdir(), 'hotline-sweep-report-'));
const SCENARIO = join(dir, 'line.yaml');
writeFileSync(
  SCENARIO,
  `name: Report test line 测试
horizon: { hours: 2 }
arrivals: { callsPerHour: 400 }
talkTime: { distribution: exponential, mean: 180 }
patience: { distribution: exponential, mean: 120 }
agents: { headcount: 120, peoplePerSeat: 6 }
replications: 3
seed: 4
cost: {}
`,
);

/** Headless Chromium (Debian's `chromium`, or Chrome), when installed. CI installs it (.ci/run). */
function findChromium(): string | null {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    if (spawnSync('which', [name]).status === 0) return name;
  }
  return null;
}

/** Opens a page; returns its DOM after load and the console messages Chromium logged. */
function openInChromium(bin: string, file: string): { dom: string; console: string[] } {
  const r = spawnSync(
    bin,
    ['--headless', '--no-sandbox', '--disable-gpu', '--enable-logging=stderr', '--v=0', '--host-resolver-rules=MAP * ~NOTFOUND', '--dump-dom', `file://${file}`],
    { encoding: 'utf8', timeout: 60_000 },
  );
  return { dom: r.stdout, console: r.stderr.split('\n').filter((l) => /:CONSOLE\(?\d*\)?[:\]]|INFO:CONSOLE/.test(l)) };
}

describe('sweep report', () => {
  let table: SweepTable;
  let html: string;
  let file: string;
  let manifest: ReturnType<typeof sweepManifest>;

  beforeAll(async () => {
    const plan = planSweep(SCENARIO, [parseVary('agents=12..20:4'), parseVary('talkTime.mean=150,200')]);
    const rows = [...sweepChunks(plan, plan.points, 3)].flat();
    const csv = join(dir, 'sweep.csv');
    writeFileSync(csv, UTF8_BOM + (await csvLines([plan.columns, ...rows])));
    table = await readSweepCsv(csv);
    manifest = sweepManifest(plan, null);
    html = sweepReportHtml(table, manifest, await renderSweepCharts(table));
    file = join(dir, 'report.html');
    writeFileSync(file, html);
  });

  it('draws every kind of sweep chart, as SVG and PNG', async () => {
    expect(availableSweepCharts(table)).toEqual(['connection', 'frontier', 'heatmap']);
    const files = await chartFiles(await renderSweepCharts(table), true);
    expect(Object.keys(files).sort()).toEqual(
      ['chart-budget-vs-connection', 'chart-connection-vs-headcount', 'chart-heatmap'].flatMap((c) => [`${c}.png`, `${c}.svg`]),
    );
    expect(files['chart-budget-vs-connection.svg']).toContain('外包');
    expect(files['chart-heatmap.svg']).toContain('talkTime.mean');
  });

  it('is one self-contained page: inline SVG, no scripts, nothing from the network, the same bytes each time', async () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|href="(?!#)|url\((?!#)|@import/i);
    expect(html.match(/<svg /g)).toHaveLength(3);
    expect(html.match(/<tr data-point=/g)).toHaveLength(6);
    const copy = structuredClone(table);
    expect(sweepReportHtml(copy, manifest, await renderSweepCharts(copy))).toBe(html);
  });

  const chromium = findChromium();
  // .ci/run installs Chromium when it can; without a browser (a developer machine, or CI that could
  // not reach Debian's packages) this one test is skipped, and vitest reports it as skipped.
  it.skipIf(!chromium && !process.env.HOTLINE_SIM_REQUIRE_BROWSER)('opens in headless Chromium with no console errors', () => {
    expect(chromium, 'headless Chromium is needed (apt-get install -y chromium)').not.toBeNull();
    // The check sees console errors at all: a page with one is caught.
    const bad = join(dir, 'bad.html');
    writeFileSync(bad, '<!DOCTYPE html><html><body><script>console.error("boom")</script></body></html>');
    expect(openInChromium(chromium!, bad).console.join('\n')).toContain('boom');

    const { dom, console } = openInChromium(chromium!, file);
    expect(console).toEqual([]);
    expect(dom.match(/<svg /g)).toHaveLength(3);
    expect(dom).toContain('接通率');
  });
});
