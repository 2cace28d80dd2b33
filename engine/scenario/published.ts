// The published figures a scenario is fitted to or checked against, as data (`published:`), so
// that `calibrate FILE` and `calibrate FILE --alternatives` fit the file's own figures and the
// held-out ones are listed beside them. Each names its SOURCES.md heading.
import { z } from 'zod';

/** The run figures a published figure may be (run metric ids), with the unit its value is in. */
export const PUBLISHED_FIGURES = {
  connectionRate: 'ratio',
  serviceLevel: 'ratio',
  abandonmentRate: 'ratio',
  asa: 'seconds',
  meanWait: 'seconds',
  answered: 'calls',
  offered: 'calls',
} as const;
export type PublishedFigureId = keyof typeof PUBLISHED_FIGURES;

/** Bounds of a published figure's value, by unit: a share, seconds of waiting, calls in a run. */
export const PUBLISHED_BOUNDS = { ratio: [0, 1], seconds: [0, 3600], calls: [0, 1e10] } as const;

const FIELD_PATH = /^[A-Za-z]\w*(?:\.\w+)*$/;

export const publishedFigureSchema = z
  .strictObject({
    figure: z.enum(Object.keys(PUBLISHED_FIGURES) as [PublishedFigureId, ...PublishedFigureId[]]).describe('which run figure it is: connectionRate (接通率), serviceLevel (with seconds), abandonmentRate, asa, meanWait, answered, offered'),
    value: z.number().describe('as a share (0.9525, not 95.25), seconds, or calls over the run'),
    seconds: z.number().min(1).max(600).optional().describe('a service level\'s threshold T in seconds (1-600): "answered within T s"'),
    period: z.string().min(1).max(40).describe('the period the figure covers, as published ("2024", "2020 monthly average")'),
    use: z.enum(['fit', 'heldOut']).describe('"fit": an unknown is fitted to it (give `fits`); "heldOut": compared, never fitted'),
    fits: z.string().regex(FIELD_PATH, { error: 'fits names a field path such as callTypes.1.wrapUpTime.mean' }).optional().describe('with use: fit, the field fitted to it'),
    fittedIn: z.string().min(1).optional().describe('with use: fit, the scenario file the fit is made in when the value is transferred from another period (relative to this file)'),
    source: z.string().min(1).max(120).describe('its heading in scenarios/SOURCES.md'),
    note: z.string().max(400).optional(),
  })
  .superRefine((p, ctx) => {
    const unit = PUBLISHED_FIGURES[p.figure];
    const [lo, hi] = PUBLISHED_BOUNDS[unit];
    if (!(Number.isFinite(p.value) && p.value >= lo && p.value <= hi)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${p.figure} is ${unit === 'ratio' ? 'a share' : unit === 'seconds' ? 'seconds' : 'calls'}: from ${lo} to ${hi} (got ${p.value})` });
    }
    if ((p.figure === 'serviceLevel') !== (p.seconds !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['seconds'], message: p.figure === 'serviceLevel' ? 'a service level needs its threshold: seconds: 30' : 'seconds goes with figure: serviceLevel only' });
    }
    if (p.use === 'fit' && p.fits === undefined) ctx.addIssue({ code: 'custom', path: ['fits'], message: 'a figure with use: fit names the field fitted to it (fits: callTypes.1.wrapUpTime.mean)' });
    if (p.use === 'heldOut' && (p.fits !== undefined || p.fittedIn !== undefined)) ctx.addIssue({ code: 'custom', path: ['fits'], message: 'a held-out figure is never fitted: no fits or fittedIn' });
  });

export const publishedSchema = z.array(publishedFigureSchema).max(50, { error: 'at most 50 published figures' });
export type PublishedFigure = z.output<typeof publishedFigureSchema>;

/** A published figure in `--observed` form, e.g. "sl=0.9525@30". */
export function observedText(p: PublishedFigure): string {
  const alias: Record<string, string> = { connectionRate: 'connection', serviceLevel: 'sl', abandonmentRate: 'abandon', meanWait: 'wait' };
  return `${alias[p.figure] ?? p.figure}=${p.value}${p.seconds !== undefined ? `@${p.seconds}` : ''}`;
}
