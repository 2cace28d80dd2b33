// The workbench page: the inputs on the left, the answer on the right. Every change recomputes
// the answer from the engine (compute.ts) and redraws the right-hand side.
import { compute, type Answer, type FieldError, type Inputs } from './compute.ts';
import { PROVINCES, REGIONS } from './engine.ts';
import { browserLang, CASE_NAMES_ZH, formatBig, formatPct, formatYuan, MORE_LABELS, t, type Lang, type WordKey } from './i18n.ts';
import { CASES, citations, hasOnlineChannel, moreInputs, NEW_HOTLINE_DEFAULTS, readFiveNumbers, scenarioName } from './scenarioText.ts';
import { download, h } from './dom.ts';
import { addCsvButtons, renderResults, type SimView } from './results.ts';
import { simulateInWorkers, TooLargeForBrowser, type Simulation } from './simulate.ts';
import type { RunResult } from './engine.ts';
import { decodeState, encodeState, LinkError } from './urlState.ts';
import { variantsCard } from './variants.ts';

declare const __VERSION__: string;

interface PageState {
  lang: Lang;
  inputs: Inputs;
  last: Answer | null;
  /** The simulation of one scenario text (dropped when the text changes). */
  sim: { text: string; running: Simulation | null; done: number; total: number; result: RunResult | null; error: string | null } | null;
}

const state: PageState = {
  lang: browserLang(),
  inputs: { source: 'new', baseText: '', form: { ...NEW_HOTLINE_DEFAULTS }, more: {}, budgetYuan: null },
  last: null,
  sim: null,
};

export function getState(): PageState {
  return state;
}

const app = document.getElementById('app')!;

/** A problem with the link the page was opened from (shown until the next change). */
let linkProblem: string | null = null;

function applyLink(hash: string): void {
  try {
    const link = decodeState(hash);
    if (!link) return;
    state.inputs = link.inputs;
    if (link.lang) state.lang = link.lang;
    state.last = null;
  } catch (e) {
    if (!(e instanceof LinkError)) throw e;
    linkProblem = e.message;
  }
}

function L(key: WordKey): string {
  return t(state.lang, key);
}

function numberField(id: string, label: string, value: number | null, opts: { step?: string; disabled?: boolean; hint?: string } = {}): HTMLElement {
  return h(
    'div',
    { class: 'field', 'data-field': id },
    h('label', { for: `f-${id}` }, label),
    h('input', { id: `f-${id}`, name: id, type: 'text', inputmode: 'decimal', value: value === null ? '' : String(value), disabled: opts.disabled, autocomplete: 'off' }),
    opts.hint ? h('small', { class: 'hint' }, opts.hint) : null,
    h('span', { class: 'err', role: 'alert' }),
  );
}

function parseNumber(text: string): number {
  const s = text.replace(/[,，\s]/g, '').replace(/万$/, 'e4').replace(/亿$/, 'e8');
  if (s === '') return Number.NaN;
  return Number(s);
}

function buildForm(): HTMLElement {
  const i = state.inputs;
  const f = i.form;
  const caseOptions = [
    h('option', { value: 'new', selected: i.source === 'new' }, L('newHotline')),
    ...CASES.map((c) => h('option', { value: c.id, selected: i.source === c.id }, state.lang === 'zh' && CASE_NAMES_ZH[c.id] ? CASE_NAMES_ZH[c.id] : scenarioName(c.text))),
    i.source === 'file' ? h('option', { value: 'file', selected: true }, 'YAML') : null,
  ];
  const province = h(
    'select',
    { id: 'f-province', name: 'province' },
    h('option', { value: '', selected: f.province === '' }, L('national')),
    ...PROVINCES.map((p) => h('option', { value: p, selected: f.province === p }, `${REGIONS[p].zh} ${p}`)),
  );
  const text = i.source === 'new' ? '' : i.baseText;
  const more = moreInputs(state.last?.text ?? text);
  const cites = i.source === 'new' ? [] : citations(text);
  return h(
    'form',
    { id: 'inputs', class: 'inputs', autocomplete: 'off' },
    h(
      'fieldset',
      {},
      h('legend', {}, L('start')),
      h('div', { class: 'field' }, h('label', { for: 'f-source' }, `${L('newHotline')} / ${L('orCase')}`), h('select', { id: 'f-source', name: 'source' }, ...caseOptions)),
      h('div', { class: 'row' }, h('label', { class: 'button', for: 'f-file' }, L('openYaml')), h('input', { id: 'f-file', type: 'file', accept: '.yaml,.yml,text/yaml', class: 'visually-hidden' })),
      cites.length ? h('details', { class: 'cites' }, h('summary', {}, `${L('citations')} (${cites.length})`), h('ul', {}, ...cites.map((c) => h('li', {}, c)))) : null,
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, L('fiveNumbers')),
      h(
        'div',
        { class: 'field', 'data-field': 'requests' },
        h('label', { for: 'f-requests' }, L('requests')),
        h(
          'div',
          { class: 'inline' },
          h('input', { id: 'f-requests', name: 'requests', type: 'text', inputmode: 'decimal', value: String(f.requests) }),
          h('select', { id: 'f-callsPer', name: 'callsPer' }, h('option', { value: 'year', selected: f.callsPer === 'year' }, L('perYear')), h('option', { value: 'day', selected: f.callsPer === 'day' }, L('perDay'))),
        ),
        h('span', { class: 'err', role: 'alert' }),
      ),
      numberField('phoneShare', L('phoneShare'), Number((f.phoneShare * 100).toFixed(2)), { hint: i.source !== 'new' && !hasOnlineChannel(i.baseText) ? L('noOnline') : undefined }),
      h(
        'div',
        { class: 'field', 'data-field': 'headcount' },
        h('label', { for: 'f-headcount' }, L('headcount')),
        h(
          'div',
          { class: 'inline' },
          h('input', { id: 'f-headcount', name: 'headcount', type: 'text', inputmode: 'numeric', value: f.headcount === null ? '' : String(f.headcount), disabled: f.headcount === null }),
          h('label', { class: 'check' }, h('input', { id: 'f-find', name: 'find', type: 'checkbox', checked: f.headcount === null }), L('findIt')),
        ),
        h('span', { class: 'err', role: 'alert' }),
      ),
      numberField('monthlyWage', L('wage'), f.monthlyWage),
      h('div', { class: 'field', 'data-field': 'province' }, h('label', { for: 'f-province' }, L('province')), province, h('span', { class: 'err', role: 'alert' })),
      h('div', { class: 'field', 'data-field': 'city' }, h('label', { for: 'f-city' }, L('city')), h('input', { id: 'f-city', name: 'city', type: 'text', value: f.city }), h('span', { class: 'err' })),
      numberField('years', L('years'), f.years),
      numberField('target', L('target'), Number((f.target * 100).toFixed(2))),
      numberField('budgetYuan', L('budget'), i.budgetYuan, { hint: L('budgetHint') }),
    ),
    h(
      'details',
      { class: 'more', id: 'more' },
      h('summary', {}, L('more')),
      ...more.map((m) =>
        h(
          'div',
          { class: 'field', 'data-field': `more.${m.key}` },
          h('label', { for: `f-more-${m.key}` }, MORE_LABELS[m.key][state.lang]),
          h('input', { id: `f-more-${m.key}`, name: `more.${m.key}`, type: 'text', inputmode: 'decimal', value: String(state.inputs.more[m.key] ?? m.value) }),
          h('small', { class: 'source' }, m.source || '—'),
          h('span', { class: 'err', role: 'alert' }),
        ),
      ),
    ),
  );
}

function showErrors(errors: FieldError[]): void {
  for (const el of app.querySelectorAll<HTMLElement>('.field .err')) el.textContent = '';
  for (const el of app.querySelectorAll<HTMLElement>('.field.bad')) el.classList.remove('bad');
  const general: FieldError[] = [];
  for (const e of errors) {
    const field = app.querySelector<HTMLElement>(`.field[data-field="${e.field}"]`);
    if (field) {
      field.classList.add('bad');
      field.querySelector('.err')!.textContent = e.message[state.lang];
      if (e.field.startsWith('more.')) (app.querySelector('#more') as HTMLDetailsElement).open = true;
    } else general.push(e);
  }
  const box = app.querySelector<HTMLElement>('#general-errors')!;
  const lines = general.map((e) => e.message[state.lang]);
  if (linkProblem) lines.unshift(`${state.lang === 'zh' ? '链接无法打开' : 'The link cannot be opened'}: ${linkProblem}`);
  box.replaceChildren(...lines.map((l) => h('p', {}, l)));
  box.hidden = lines.length === 0;
}

let lastOutcomeErrors: FieldError[] = [];

export function recompute(): void {
  // the last answer's head count for the target starts the next search (inputs change a little at a time)
  const outcome = compute(state.inputs, state.last?.forTarget?.headcount);
  const results = app.querySelector<HTMLElement>('#results')!;
  if (outcome.ok) {
    state.last = outcome.answer;
    lastOutcomeErrors = [];
    showErrors([]);
    if (state.sim && state.sim.text !== outcome.answer.text) {
      state.sim.running?.cancel();
      state.sim = null;
    }
    renderResults(results, outcome.answer, state.lang, state.inputs, simView());
    results.classList.remove('stale');
    const link = encodeState(state.inputs, state.lang);
    if (state.inputs.source !== 'file') history.replaceState(null, '', `#${link}`);
    const card = variantsCard(state.lang, link, openVariant, () => recompute(), state.inputs.source === 'file');
    results.insertBefore(card, results.querySelector('#charts'));
    addCsvButtons(card, state.lang);
  } else {
    lastOutcomeErrors = outcome.errors;
    showErrors(outcome.errors);
    // the last good answer stays, greyed, so the page is never blank
    results.classList.add('stale');
    if (!state.last) results.replaceChildren(h('p', { class: 'empty' }, L('errorsTitle')));
  }
  document.dispatchEvent(new CustomEvent('workbench:answer', { detail: { ok: outcome.ok } }));
}

function simView(): SimView {
  const s = state.sim;
  return {
    running: !!s?.running,
    done: s?.done ?? 0,
    total: s?.total ?? 0,
    result: s?.result ?? null,
    error: s?.error ?? null,
    start: startSimulation,
    cancel: () => state.sim?.running?.cancel(),
  };
}

function startSimulation(): void {
  const a = state.last;
  if (!a || state.sim?.running) return;
  const text = a.text;
  const sim: NonNullable<PageState['sim']> = { text, running: null, done: 0, total: 0, result: null, error: null };
  state.sim = sim;
  try {
    sim.running = simulateInWorkers(text, (done, total) => {
      sim.done = done;
      sim.total = total;
      const bar = app.querySelector<HTMLProgressElement>('#sim-progress');
      if (bar) {
        bar.max = total;
        bar.value = done;
        bar.nextElementSibling!.textContent = `${done} / ${total}`;
      }
    });
  } catch (e) {
    sim.error = e instanceof TooLargeForBrowser ? (state.lang === 'zh' ? `规模过大，无法在浏览器中模拟（约 ${Math.round(e.calls).toLocaleString('zh-CN')} 通）。请在命令行运行：${e.command}` : e.message) : e instanceof Error ? e.message : String(e);
    recompute();
    return;
  }
  recompute();
  sim.running.done.then(
    (result) => {
      sim.result = result;
      sim.running = null;
      if (state.sim === sim) recompute();
      document.dispatchEvent(new CustomEvent('workbench:simulated'));
    },
    (e: Error) => {
      sim.running = null;
      sim.error = e.name === 'AbortError' ? (state.lang === 'zh' ? '已取消' : 'cancelled') : e.message;
      if (state.sim === sim) recompute();
    },
  );
}

function openVariant(link: string): void {
  applyLink(link);
  render();
}

function openSource(source: string, text?: string): void {
  const i = state.inputs;
  i.source = source;
  i.more = {};
  i.budgetYuan = null;
  state.last = null;
  if (source === 'new') {
    i.baseText = '';
    i.form = { ...NEW_HOTLINE_DEFAULTS, target: i.form.target };
  } else {
    i.baseText = text ?? CASES.find((c) => c.id === source)!.text;
    i.form = readFiveNumbers(i.baseText, i.form.target);
  }
  render();
}

function onInput(e: Event): void {
  linkProblem = null;
  const el = e.target as HTMLInputElement | HTMLSelectElement;
  const i = state.inputs;
  const f = i.form;
  const v = parseNumber(el.value);
  switch (el.name) {
    case 'source':
      openSource(el.value);
      return;
    case 'requests':
      f.requests = v;
      break;
    case 'callsPer':
      f.callsPer = el.value === 'day' ? 'day' : 'year';
      break;
    case 'phoneShare':
      f.phoneShare = Number((v / 100).toPrecision(12));
      break;
    case 'headcount':
      f.headcount = v;
      break;
    case 'find': {
      const checked = (el as HTMLInputElement).checked;
      const input = app.querySelector<HTMLInputElement>('#f-headcount')!;
      f.headcount = checked ? null : state.last?.headcount ?? 100;
      input.disabled = checked;
      if (!checked) input.value = String(f.headcount);
      break;
    }
    case 'monthlyWage':
      f.monthlyWage = v;
      break;
    case 'province':
      f.province = el.value;
      break;
    case 'city':
      f.city = el.value.trim();
      break;
    case 'years':
      f.years = v;
      break;
    case 'target':
      f.target = Number((v / 100).toPrecision(12));
      break;
    case 'budgetYuan':
      i.budgetYuan = el.value.trim() === '' ? null : v;
      break;
    default:
      if (el.name.startsWith('more.')) {
        const key = el.name.slice(5);
        if (el.value.trim() === '') delete i.more[key];
        else i.more[key] = v;
      } else return;
  }
  recompute();
  if (f.headcount === null && state.last) app.querySelector<HTMLInputElement>('#f-headcount')!.value = String(state.last.headcount);
}

async function onFile(e: Event): Promise<void> {
  const file = (e.target as HTMLInputElement).files?.[0];
  if (!file) return;
  if (file.size > 5 * 1024 * 1024) {
    showErrors([{ field: 'scenario', message: { zh: '文件过大（上限 5 MB）', en: 'the file is larger than 5 MB' } }]);
    return;
  }
  openSource('file', await file.text());
}

export function render(): void {
  document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
  document.title = `${L('title')} · hotline-sim`;
  const header = h(
    'header',
    {},
    h('div', {}, h('h1', {}, L('title')), h('p', { class: 'subtitle' }, L('subtitle'))),
    h('div', { class: 'tools' }, h('button', { type: 'button', id: 'lang', lang: state.lang === 'zh' ? 'en' : 'zh-CN' }, L('langSwitch')), h('span', { class: 'version' }, `v${__VERSION__}`)),
  );
  const form = buildForm();
  const results = h('section', { id: 'results', class: 'results' });
  const general = h('div', { id: 'general-errors', class: 'general-errors', role: 'alert', hidden: true });
  app.replaceChildren(header, h('main', {}, form, h('div', { class: 'right' }, general, results)));
  form.addEventListener('input', onInput);
  form.addEventListener('change', (e) => {
    const el = e.target as HTMLElement;
    if (el.id === 'f-file') void onFile(e);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  header.querySelector('#lang')!.addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    render();
  });
  recompute();
  if (lastOutcomeErrors.length) showErrors(lastOutcomeErrors);
  if (state.inputs.form.headcount === null && state.last) app.querySelector<HTMLInputElement>('#f-headcount')!.value = String(state.last.headcount);
}

export function downloadYaml(): void {
  if (state.last) download(`${state.inputs.source === 'new' ? 'new-hotline' : state.inputs.source}.yaml`, state.last.text, 'text/yaml;charset=utf-8');
}

// For the tests and the bench: the state and a way to wait for an answer.
(globalThis as unknown as { workbench: unknown }).workbench = { state, recompute, render, formatYuan, formatPct, formatBig };

applyLink(location.hash);
window.addEventListener('hashchange', () => {
  // a link pasted into the address bar of an open page
  if (location.hash.slice(1) === encodeState(state.inputs, state.lang)) return;
  applyLink(location.hash);
  render();
});
render();
