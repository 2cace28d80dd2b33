// `staff --sensitivity` and `budget --sensitivity`: each PLAUSIBLE assumption of the scenario over
// its range, one at a time, the head count for the target and the budget at each end; a table on
// the screen, and with --out the CSV and the tornado chart (SVG, PNG).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyticAnswerRange,
  analyticRangeLine,
  describeKpiTarget,
  downstreamAnswer,
  formatSensitivityReport,
  nodeFileReader,
  parseScenario,
  plausibleRanges,
  resultJson,
  readScenarioFile,
  sensitivityCsv,
  sensitivityStudy,
  svgToPng,
  tornadoChart,
  writeResultFolder,
  type ScenarioOverrides,
  type StaffingTarget,
  type TargetPeriod,
} from '../engine/index.ts';
import { renderSvg } from '../engine/report/charts.ts';
import { wrapText } from '../engine/report/format.ts';
import { UsageError } from './errors.ts';

export const sensitivityOption = {
  type: 'boolean',
  describe: "each assumption with a PLAUSIBLE range in the file over that range, one at a time: head count and budget at each end (tornado chart with --out)",
} as const;

export interface SensitivityArgs {
  scenario: string;
  target: StaffingTarget | undefined;
  period: TargetPeriod;
  overrides: ScenarioOverrides;
  out?: string;
  force?: boolean;
  json?: boolean;
  detail?: boolean;
  quiet?: boolean;
}

export async function runSensitivity(a: SensitivityArgs): Promise<void> {
  // read once: the ranges, the scenario and the variants all come from this text
  const text = readScenarioFile(a.scenario);
  if (plausibleRanges(text, a.scenario).length === 0) {
    throw new UsageError(`--sensitivity: ${a.scenario} states no PLAUSIBLE ranges (a comment "# PLAUSIBLE field LOW..HIGH unit: reason" beside the value; scenarios/README.md)`);
  }
  const target = a.target ?? { kind: 'connectionRate', value: 0.95 };
  const scenario = parseScenario(text, a.scenario, a.overrides, nodeFileReader(a.scenario, a.overrides.allowFilesOutside));
  const live = !a.quiet && !a.json && process.stderr.isTTY;
  const say = (m: string) => live && process.stderr.write(`\r\x1b[K${m}`);
  const base = downstreamAnswer(a.scenario, target, a.period, a.overrides, (m) => say(`as given: ${m}`));
  const dir = mkdtempSync(join(tmpdir(), 'hotline-sim-sensitivity-'));
  let n = 0;
  let study;
  try {
    study = sensitivityStudy(text, a.scenario, base, (variant, what) => {
      const file = join(dir, `variant-${++n}.yaml`);
      writeFileSync(file, variant);
      return downstreamAnswer(file, target, a.period, a.overrides, (m) => say(`${what}: ${m}`));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  say('');
  const meta = {
    scenario: scenario.name,
    target: `${describeKpiTarget(target, scenario.serviceLevelSeconds)} (${a.period === 'horizon' ? 'on average' : `every ${a.period}`})`,
    horizonDays: (scenario.nIntervals * scenario.intervalSeconds) / 86400,
    replications: scenario.replications,
    seed: scenario.seed,
  };
  if (a.out) {
    const chart = tornadoChart(study, meta);
    const svg = await renderSvg(chart.spec, chart.id);
    const written = writeResultFolder(a.out, { 'sensitivity.csv': sensitivityCsv(study), [`${chart.id}.svg`]: svg, [`${chart.id}.png`]: await svgToPng(svg) }, a.force === true);
    if (!a.quiet) process.stderr.write(`wrote ${written.join(', ')}\n`);
  }
  if (a.json) {
    process.stdout.write(resultJson({ ...meta, ...study }) + '\n');
    return;
  }
  process.stdout.write(formatSensitivityReport(study, meta, a.detail) + '\n');
}

/**
 * The range `staff` and `budget --target` print beside their answer for a scenario whose file
 * states PLAUSIBLE ranges: each assumption at each end, estimated analytically and scaled to the
 * simulated head count (engine/experiment/calibrate/analyticRange.ts: milliseconds, where simulating
 * the ends multiplies the command's time); `--sensitivity` simulates it. Wrapped to 100 columns.
 */
export function plausibleRangeLines(file: string, headcount: number, target: StaffingTarget, overrides: ScenarioOverrides): string[] {
  let text: string;
  try {
    text = readScenarioFile(file);
    if (plausibleRanges(text, file).length === 0) return [];
  } catch {
    return [];
  }
  const range = analyticAnswerRange(text, file, headcount, target, overrides);
  return range ? wrapText(analyticRangeLine(range), 100, '  ') : ["Range over the file's plausible assumptions: add --sensitivity (or calibrate --alternatives)"];
}
