// The totals of the chosen parameters and the links to take every table and layer away in the API's own formats
// (issue 12).
import { el } from '/account/common.js';
import { formatNumber, t } from '../lib/i18n.js';
import { methodText } from './classes.js';
import { coverageUrl } from './data.js';
import { stateSearch } from './params.js';

/** "6 012 of 10 027 people aged 75+ within 30 min (60 %)" and the other bands, with the method. */
export function totalsElements(coverage, access) {
  const tot = coverage.totals;
  const line = (key, tally) => el('li', { 'data-total': key }, t(`totals.${key}`, {
    covered: formatNumber(tally.covered), total: formatNumber(tally.total),
    percent: tally.coveredPercent === null ? '—' : formatNumber(tally.coveredPercent) }));
  return [
    el('p', { class: 'method', 'data-method': coverage.method }, methodText(coverage.method)),
    el('ul', { class: 'totals' },
      el('li', { 'data-total': 'communes' }, t('totals.communes', { covered: formatNumber(tot.coveredCommunes),
        total: formatNumber(tot.communes), minutes: formatNumber(coverage.parameters.minutes) })),
      line('aged75Plus', tot.aged75Plus), line('aged85Plus', tot.aged85Plus), line('population', tot.population),
      el('li', { 'data-total': 'mean' }, t('totals.mean', {
        mean: access.areaMean === null ? '—' : formatNumber(access.areaMean, { maximumSignificantDigits: 3 }) }))),
  ];
}

function pair(label, path, state, extra, name) {
  const csv = el('a', { href: coverageUrl(path, state, { ...extra, format: 'csv' }), download: `${name}.csv`,
    'data-download': `${name}-csv` }, 'CSV');
  const geojson = el('a', { href: coverageUrl(path, state, { ...extra, format: 'geojson' }), download: `${name}.geojson`,
    'data-download': `${name}-geojson` }, 'GeoJSON');
  return el('li', {}, `${label} : `, csv, ' · ', geojson);
}

/** The links for what the workspace shows now. */
export function downloadLinks(state, { commune, scenarioId, k }) {
  const items = [
    pair(t('download.table'), '/api/coverage/uncovered', state, {}, 'uncovered'),
    pair(t('download.coverage'), '/api/coverage', state, {}, 'coverage'),
    pair(t('download.accessibility'), '/api/coverage/accessibility', state, {}, 'accessibility'),
  ];
  if (commune) {
    items.push(el('li', {}, `${t('download.explain', { commune })} : `, el('a', {
      href: coverageUrl('/api/coverage/accessibility/explain', state, { commune, format: 'csv' }),
      download: `explain-${commune}.csv`, 'data-download': 'explain-csv' }, 'CSV')));
  }
  if (k) {
    items.push(pair(t('download.suggestions'), '/api/coverage/suggestions', state, { k }, 'suggestions'));
  }
  if (scenarioId) {
    items.push(pair(t('download.comparison'), `/api/coverage/scenarios/${scenarioId}/comparison`, state, {},
      `scenario-${scenarioId}`));
  }
  items.push(el('li', {}, el('a', { href: `/planner/report.html${stateSearch(state)}`, 'data-download': 'report' },
    t('download.report'))));
  return el('ul', { class: 'downloads' }, ...items);
}
