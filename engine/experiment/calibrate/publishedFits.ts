// The published figures a scenario states it is fitted to (`published:` entries with use: fit), as
// the observed figures and fitted fields `calibrate` takes: `calibrate FILE` and
// `calibrate FILE --alternatives` default to them, so a case is refitted to the figures its own
// file names, not to figures retyped on a command line.
import { observedText, type PublishedFigure } from '../../scenario/published.ts';
import type { Scenario } from '../../scenario/resolve.ts';
import { ScenarioError } from '../../scenario/errors.ts';
import type { ObservedFigure } from './calibrate.ts';

export interface PublishedFits {
  observed: ObservedFigure[];
  /** The field fitted to each figure, in the same order. */
  fields: string[];
  /** The file the fit is made in when the value is transferred from another period (as written, relative to the scenario); null: this file. */
  fittedIn: string | null;
  /** "sl=0.9525@30, asa=13.4" (for the CALIBRATED note). */
  text: string;
  figures: PublishedFigure[];
}

/** The scenario's fit figures; null when it states none (a case that is not calibrated). */
export function publishedFits(s: Pick<Scenario, 'published' | 'file'>): PublishedFits | null {
  const figures = s.published.filter((p) => p.use === 'fit');
  if (figures.length === 0) return null;
  const places = [...new Set(figures.map((p) => p.fittedIn ?? null))];
  if (places.length > 1) throw new ScenarioError(s.file, ['published'], `the figures with use: fit are fitted in different files (${places.map((p) => p ?? 'this one').join(', ')}): fit them in one`);
  return {
    observed: figures.map((p) => ({ metric: p.figure, value: p.value, ...(p.seconds !== undefined ? { seconds: p.seconds } : {}) })),
    fields: figures.map((p) => p.fits!),
    fittedIn: places[0],
    text: figures.map(observedText).join(', '),
    figures,
  };
}
