// Fitted intervals cannot drift between pages (#21 item 12). Each case file's CALIBRATED comment is
// read back with the writer's own format (calibratedNotes, beside calibratedYaml), and checked
// against the file's value, the documented calibrate command, every prose mention of the fit in the
// file and in scenarios/README.md, and the files that transfer the fitted value. No simulation: a
// fit is refreshed by re-running its command with --write (see scenarios/README.md).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { calibratedNotes, calibratedYaml, type CalibratedNote } from '../engine/index.ts';
import { CASES } from '../notebooks/calibrationCases.ts';

const here = dirname(fileURLToPath(import.meta.url));
const read = (name: string) => readFileSync(join(here, name), 'utf8');
const fieldPath = (field: string) => field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));

/** The fit of a case file (its CALIBRATED comment for the case's fitted field). */
function fitOf(file: string): CalibratedNote {
  const c = CASES.find((x) => x.file === file)!;
  const note = calibratedNotes(read(file)).find((n) => n.field === c.fit!.field);
  if (!note) throw new Error(`${file}: no CALIBRATED comment for ${c.fit!.field}`);
  return note;
}

/** "1,139.1" → 1139.1, and the number of decimals it is written to. */
function quoted(s: string): { value: number; decimals: number } {
  const t = s.replace(/,/g, '');
  return { value: Number(t), decimals: t.includes('.') ? t.split('.')[1].length : 0 };
}

/** A figure quoted to some decimals agrees with an exact one rounded to them. */
function agrees(q: string, exact: number): boolean {
  const { value, decimals } = quoted(q);
  return Math.abs(value - exact) <= 0.5 * 10 ** -decimals + 1e-9;
}

/** The "value (95% CI lo–hi)" of a quotation agrees with the fit, to the quotation's own precision. */
function expectQuotes(where: string, m: RegExpMatchArray, fit: CalibratedNote): void {
  const [value, lo, hi] = [m.groups!.value, m.groups!.lo, m.groups!.hi];
  expect(agrees(value, fit.value), `${where}: ${value} is not ${fit.value}`).toBe(true);
  expect(agrees(lo, fit.ciLow) && agrees(hi, fit.ciHigh), `${where}: ${lo}–${hi} is not the fit's ${fit.ciLow}–${fit.ciHigh}`).toBe(true);
}

// "744 s (95% CI 738-750)", "0.1155 (95% CI 0.1153-0.1157)", "1,139.1 s (95% CI 1,137.1-1,141.1)", "946.1 s, 95% CI 938.8-953.4";
// a percentage (a simulated KPI's interval) is not a fit and is left out.
const QUOTE = /(?<value>\d[\d,]*(?:\.\d+)?)(?: s)?,?\s+\(?95% CI\s+(?<lo>\d[\d,]*(?:\.\d+)?)[-–](?:\s*)(?<hi>\d[\d,]*(?:\.\d+)?)(?![\d%])/g;

const fitted = CASES.filter((c) => c.fit);

describe('the CALIBRATED comment reads back as written', () => {
  it('calibratedNotes(calibratedYaml(…)) gives the fit that was written', () => {
    // Only the fields the writer reads (a whole CalibrationResult takes a calibration to make).
    const result = {
      file: 'x.yaml',
      horizonDays: 14,
      replications: 10,
      fitted: { 'callTypes.0.wrapUpTime.mean': { value: 744.2081, ciLow: 737.96, ciHigh: 750.44, before: 758.1 } },
    } as unknown as Parameters<typeof calibratedYaml>[1];
    const text = 'callTypes:\n  - { name: a, share: 1, talkTime: { distribution: exponential, mean: 150 }, wrapUpTime: { distribution: gamma, mean: 758.1, cv: 0.5 } }\n';
    const [note] = calibratedNotes(calibratedYaml(text, result, 'sl=0.9525@30'));
    expect(note).toEqual({
      field: 'callTypes.0.wrapUpTime.mean',
      value: 744.2,
      ciLow: 738.0,
      ciHigh: 750.4,
      observed: 'sl=0.9525@30',
      gloss: null,
      horizonDays: 14,
      replications: 10,
      before: 758.1,
    });
  });
});

describe('each CALIBRATED comment is the one its documented command writes', () => {
  for (const c of fitted) {
    it(`${c.file}: the value in the file lies in the comment's interval; field, figure, horizon and replications are the command's`, () => {
      const text = read(c.file);
      const doc = parseDocument(text);
      const note = fitOf(c.file);
      const used = doc.getIn(fieldPath(note.field)) as number;
      expect(agrees(String(note.value), used) || Math.abs(used - note.value) < 1e-9).toBe(true);
      expect(used).toBeGreaterThanOrEqual(note.ciLow);
      expect(used).toBeLessThanOrEqual(note.ciHigh);
      // the command's settings: --fit and --observed as documented; its horizon and replications are the file's own
      expect(c.command).toContain(` --fit ${note.field}`);
      const observed = [...c.command.matchAll(/--observed (\S+)/g)].map((m) => m[1]).join(', ');
      expect(note.observed).toBe(observed);
      expect(c.command).not.toMatch(/--horizon|--replications|--seed/);
      expect(note.horizonDays).toBe((doc.get('horizon') as { get(k: string): unknown }).get('days'));
      expect(note.replications).toBe(doc.get('replications'));
    });
  }
});

describe('every quotation of a fitted interval agrees with the fit', () => {
  for (const c of fitted) {
    it(`${c.file}: its description quotes its own fit`, () => {
      const description = String(parseDocument(read(c.file)).get('description'));
      const quotes = [...description.matchAll(QUOTE)];
      expect(quotes.length, 'the description quotes the fit').toBeGreaterThan(0);
      for (const m of quotes) expectQuotes(`${c.file} description`, m, fitOf(c.file));
    });
  }

  it('a file that transfers a fitted value uses it, and quotes it, as the file it comes from gives it', () => {
    const shipped = CASES.map((c) => c.file);
    let transfers = 0;
    for (const file of shipped) {
      const text = read(file);
      // "TRANSFERRED: … CALIBRATED on Jiangsu 2024 (jiangsu-2024.yaml, 946.1 s,\n# 95% CI …)" / "… in haikou-2020.yaml (same centre): 1,139.1 s\n# (95% CI …)"
      for (const t of text.matchAll(/^# TRANSFERRED: the work-order after-call time CALIBRATED (?:on|in) [^(]*?\(?([\w-]+\.yaml)[^\n]*\n#[^\n]*/gm)) {
        const from = t[1];
        const fit = fitOf(from);
        const block = t[0].replace(/\n# ?/g, ' ');
        const m = [...block.matchAll(QUOTE)];
        expect(m.length, `${file}: the transfer quotes value and interval`).toBe(1);
        expectQuotes(`${file} TRANSFERRED`, m[0], fit);
        const used = parseDocument(text).getIn(fieldPath(fit.field)) as number;
        expect(agrees(m[0].groups!.value, used), `${file} uses ${used}, not the ${from} fit it quotes`).toBe(true);
        transfers++;
      }
    }
    expect(transfers).toBeGreaterThanOrEqual(4);
  });

  it('scenarios/README.md: each case row quotes the file’s fit', () => {
    const rows = read('README.md')
      .split('\n')
      .filter((l) => /^\| `[\w-]+\.yaml` \|/.test(l));
    let checked = 0;
    for (const row of rows) {
      const file = /`([\w-]+\.yaml)`/.exec(row)![1];
      const c = CASES.find((x) => x.file === file);
      if (!c?.fit) continue;
      const fit = fitOf(file);
      // "work-order time 744.2 s (738.0–750.4)" / "0.1155 (0.1153–0.1157)"
      const m = /(?<value>\d[\d,]*(?:\.\d+)?)(?: s)? \((?<lo>\d[\d,]*(?:\.\d+)?)–(?<hi>\d[\d,]*(?:\.\d+)?)\)/.exec(row);
      expect(m, `${file}: the README row quotes the fit`).not.toBeNull();
      expectQuotes(`README ${file}`, m!, fit);
      checked++;
    }
    expect(checked).toBe(fitted.length);
  });
});
