// The isochrone overlay and its catchment population (issue 12): the union of the areas reached within T from the
// selected offers and the scenario's sites, drawn on the map, with the people inside by band (routing API,
// POST /api/routing/catchment: each commune counts by the share of its area inside).
import { el } from '/account/common.js';
import { formatNumber, t } from '../lib/i18n.js';
import { methodText } from './classes.js';
import { catchment } from './data.js';

const L = window.L;

const STYLE = { color: '#000000', weight: 2.5, dashArray: '6 4', fill: true, fillColor: '#000000', fillOpacity: 0.08,
  interactive: false, className: 'catchment-area' };

/** Services at home are timed from the site to the commune, establishments the other way (as coverage does). */
export function direction(needs, families) {
  return families.every((f) => needs.homeCareFamilies.includes(f)) ? 'out' : 'in';
}

export class Catchment {
  constructor(map, section) {
    this.map = map;
    this.section = section;
    map.createPane('catchment').style.zIndex = 450;
    map.getPane('catchment').setAttribute('aria-hidden', 'true');
    this.layer = L.layerGroup().addTo(map);
    this.result = null;
  }

  body(state, needs, offerIds, sites) {
    const body = { minutes: Math.round(state.minutes), direction: direction(needs, state.families) };
    if (offerIds.length) {
      body.offers = offerIds;
    }
    if (sites.length) {
      body.sources = sites.map((s) => [s.lon, s.lat]);
    }
    return body;
  }

  async compute(state, needs, offerIds, sites) {
    this.layer.clearLayers();
    if (!offerIds.length && !sites.length) {
      this.result = null;
      this.section.replaceChildren(el('p', {}, t('catchment.none')));
      return null;
    }
    this.section.replaceChildren(el('p', {}, t('state.loading')));
    this.request = this.body(state, needs, offerIds, sites);
    const result = await catchment(this.request);
    this.result = result;
    L.geoJSON(result, { style: STYLE, pane: 'catchment' }).addTo(this.layer);
    const p = result.features[0].properties;
    const n = (v) => formatNumber(Math.round(v));
    this.section.replaceChildren(
      el('p', { id: 'catchment-summary' }, t('catchment.summary', {
        count: offerIds.length + sites.length, minutes: formatNumber(state.minutes), method: methodText(p.method) })),
      el('dl', { class: 'figures' },
        el('dt', {}, t('catchment.population')), el('dd', { 'data-figure': 'population' }, n(p.population)),
        el('dt', {}, t('catchment.aged75')), el('dd', { 'data-figure': 'aged75Plus' }, n(p.aged75Plus)),
        el('dt', {}, t('catchment.aged85')), el('dd', { 'data-figure': 'aged85Plus' }, n(p.aged85Plus))),
      el('p', { class: 'note' }, t('catchment.basis')),
      this.downloads());
    return result;
  }

  downloads() {
    const geojson = el('button', { type: 'button', class: 'secondary' }, t('download.catchmentGeojson'));
    const csv = el('button', { type: 'button', class: 'secondary' }, t('download.catchmentCsv'));
    geojson.addEventListener('click', () => save(new Blob([JSON.stringify(this.result)], { type: 'application/geo+json' }),
      'catchment.geojson'));
    csv.addEventListener('click', async () => {
      const response = await fetch('/api/routing/catchment?format=csv', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(this.request) });
      save(await response.blob(), 'catchment.csv');
    });
    return el('p', { class: 'actions' }, geojson, csv);
  }
}

/** Offers a file made in the page for download. */
export function save(blob, name) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
