// The printable report of the planner workspace (issue 12): the parameters of the address, the map and its legend,
// the totals, the table of communes not covered, the method and the sources with their dates; printed on A4 by
// report.css. It shows public figures only (the coverage API's), so it opens without signing in: a printer, or
// `chromium --print-to-pdf`, can render it from its address alone.
import { getJson } from '../lib/api.js';
import { el } from '/account/common.js';
import { formatDate, formatNumber, loadMessages, t, translatePage } from '../lib/i18n.js';
import { loadNeeds } from '../lib/needs.js';
import { BaseMap } from '../lib/basemap.js';
import { readState, stateSearch } from './params.js';
import { communeOutlines, loadFigures } from './data.js';
import { Choropleth } from './choropleth.js';
import { methodText, minutesText } from './classes.js';
import { totalsElements } from './summary.js';

const $ = (id) => document.getElementById(id);

function params(state, departements) {
  const names = new Map(departements.map((d) => [d.code, d.name]));
  const rows = [
    ['report.families', state.families.map((f) => `${t(`family.${f}`)} (${f})`).join(', ')],
    ['report.minutes', `${formatNumber(state.minutes)} min`],
    ['report.demand', t(`demand.${state.demand}`)],
    ['report.departements', state.departements.map((d) => `${names.get(d) || d} (${d})`).join(', ')],
    ['report.layer', t(`layer.${state.layer}`)],
  ];
  $('params').replaceChildren(...rows.flatMap(([k, v]) => [el('dt', {}, t(k)), el('dd', {}, v)]));
}

function table(uncovered) {
  const head = el('tr', {}, ...['rank', 'name', 'departement', 'aged75Plus', 'aged85Plus', 'population', 'minutes']
    .map((k) => el('th', { scope: 'col' }, t(`table.${k}`))));
  const n = (v) => (v === null || v === undefined ? '—' : formatNumber(v));
  const rows = uncovered.map((r, i) => el('tr', {}, el('td', {}, n(i + 1)), el('th', { scope: 'row' }, `${r.name} (${r.code})`),
    el('td', {}, r.departement), el('td', {}, n(r.aged75Plus)), el('td', {}, n(r.aged85Plus)), el('td', {}, n(r.population)),
    el('td', {}, minutesText(r.minutes, r.method))));
  $('table').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
}

async function sources() {
  const lists = await Promise.all(['offers', 'communes'].map((layer) => getJson(`/exports/${layer}.sources.json`)
    .catch(() => ({ sources: [] }))));
  const seen = new Set();
  const unique = lists.flatMap((l) => l.sources).filter((s) => {
    const key = `${s.name}|${s.date}`;
    return !seen.has(key) && seen.add(key);
  });
  const items = unique.map((s) => el('li', {}, t('report.source', {
    name: `${s.name}${s.gives ? ` (${s.gives})` : ''}`,
    date: !s.date ? t('report.noDate') : (/^\d{4}$/.test(s.date) ? s.date : formatDate(s.date)) })));
  $('sources').replaceChildren(...items);
}

async function main() {
  const search = new URLSearchParams(window.location.search);
  await loadMessages(search.get('lang'), ['planner']);
  translatePage();
  const [needs, config, departements] = await Promise.all([loadNeeds(), getJson('/api/map/config'),
    getJson('/api/departements')]);
  const state = readState(window.location.search, needs, config.departements);
  $('back').href = `/planner/${stateSearch(state)}`;
  $('print').addEventListener('click', () => window.print());
  $('generated').textContent = t('report.generated', { date: formatDate(new Date().toISOString()) });
  params(state, departements);
  const base = new BaseMap($('map'), config);
  $('map').setAttribute('aria-label', t('planner.map.label'));
  base.map.zoomControl.remove();
  const choropleth = new Choropleth(base.map, $('legend'), { onSelect: () => {} });
  const [features, figures] = await Promise.all([communeOutlines(state.departements), loadFigures(state)]);
  choropleth.outlines(features);
  choropleth.draw(figures.rows, state.layer);
  $('totals').replaceChildren(...totalsElements(figures.coverage, figures.access));
  $('method').textContent = methodText(figures.coverage.method);
  table(figures.uncovered);
  await sources();
  document.body.dataset.state = 'ready';
}

main().catch((e) => {
  $('status').textContent = e.message;
  document.body.dataset.state = 'error';
});
