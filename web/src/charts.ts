// Charts (Vega-Lite through vega-embed, bundled): drawn in the next step.
import type { Answer, Inputs } from './compute.ts';
import type { Lang } from './i18n.ts';

export function drawCharts(_root: HTMLElement, _a: Answer, _lang: Lang, _inputs: Inputs): void {}
