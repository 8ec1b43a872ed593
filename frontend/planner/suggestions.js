// Site suggestions (issue 12): k sites of the greedy maximal covering location for T, drawn on the map with each
// step's gain in 75+; one button turns a suggestion into a hypothetical site of the scenario.
import { el } from '/account/common.js';
import { formatNumber, t } from '../lib/i18n.js';
import { announce } from '../lib/a11y.js';
import { methodText } from './classes.js';
import { suggestions } from './data.js';

const L = window.L;

export class Suggestions {
  constructor(map, root, { status, onUse, onDone }) {
    this.map = map;
    this.root = root;
    this.status = status;
    this.onUse = onUse;
    this.onDone = onDone;
    this.markers = L.layerGroup().addTo(map);
    this.list = root.querySelector('#suggestion-list');
    root.querySelector('#suggestion-form').addEventListener('submit', (e) => {
      e.preventDefault();
      this.run();
    });
  }

  setState(state) {
    this.state = state;
  }

  async run() {
    const k = Number(this.root.querySelector('#suggestion-k').value) || 3;
    this.list.replaceChildren(el('p', {}, t('state.loading')));
    try {
      this.report = await suggestions(this.state, k);
      this.render();
      this.onDone();
      announce(this.status, t('suggestions.done', { count: this.report.steps.length }));
    } catch (e) {
      this.list.replaceChildren(el('p', { class: 'error' }, e.message));
    }
  }

  render() {
    const r = this.report;
    this.markers.clearLayers();
    r.steps.forEach((s) => {
      L.marker([s.lat, s.lon], { keyboard: false, title: `${s.rank}. ${s.communeName}`, alt: s.communeName,
        icon: L.divIcon({ className: 'suggestion-marker', html: `S${s.rank}`, iconSize: [30, 24] }) }).addTo(this.markers);
    });
    const items = r.steps.map((s) => {
      const use = el('button', { type: 'button', 'data-rank': s.rank }, t('suggestions.use'));
      use.addEventListener('click', () => this.onUse(s));
      return el('li', { 'data-rank': s.rank },
        t('suggestions.step', { rank: s.rank, name: s.communeName, code: s.communeCode, gain: formatNumber(s.gain),
          cumulative: formatNumber(s.cumulativeCovered), percent: formatNumber(s.coveredPercent ?? 0) }), ' ', use);
    });
    this.list.replaceChildren(
      el('p', {}, t('suggestions.summary', { before: formatNumber(r.coveredBefore), after: formatNumber(r.coveredAfter),
        total: formatNumber(r.aged75Plus), method: methodText(r.method) })),
      el('ol', { class: 'steps' }, ...items));
  }
}
