// Scenarios from the workspace (issue 12): hypothetical sites placed on the map (or in a commune, by keyboard), offers
// to close, a name; saved through the scenarios API, then compared with the baseline: communes newly covered or lost,
// 75+ covered before and after, mean index before and after, and the map of changes.
import { el } from '/account/common.js';
import { formatNumber, t } from '../lib/i18n.js';
import { announce } from '../lib/a11y.js';
import { methodText } from './classes.js';
import { comparison, saveScenario } from './data.js';

const L = window.L;

export class ScenarioEditor {
  constructor(map, root, { offerList, status, onCompared, onSitesChanged }) {
    this.map = map;
    this.root = root;
    this.offerList = offerList;
    this.status = status;
    this.onCompared = onCompared;
    this.onSitesChanged = onSitesChanged;
    this.sites = [];
    this.placing = false;
    this.markers = L.layerGroup().addTo(map);
    this.form = root.querySelector('#scenario-form');
    this.list = root.querySelector('#scenario-sites');
    this.deltas = root.querySelector('#scenario-deltas');
    this.placeButton = root.querySelector('#scenario-place');
    this.placeButton.addEventListener('click', () => this.setPlacing(!this.placing));
    map.on('click', (e) => {
      if (this.placing) {
        this.add({ lon: e.latlng.lng, lat: e.latlng.lat });
        this.setPlacing(false);
      }
    });
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.save();
    });
  }

  /** Keeps the family choice to the workspace's families. */
  families(state) {
    const select = this.form.querySelector('#site-family');
    const current = select.value;
    select.replaceChildren(...state.families.map((f) => el('option', { value: f }, t(`family.${f}`))));
    if (state.families.includes(current)) {
      select.value = current;
    }
    this.state = state;
  }

  setPlacing(on) {
    this.placing = on;
    this.placeButton.setAttribute('aria-pressed', String(on));
    this.map.getContainer().classList.toggle('placing', on);
    announce(this.status, on ? t('scenario.placing') : '');
  }

  /** Adds a hypothetical site with the form's family and capacity. */
  add({ lon, lat, name }) {
    const family = this.form.querySelector('#site-family').value;
    const capacity = Number(this.form.querySelector('#site-capacity').value) || null;
    this.sites.push({ name: name || t('scenario.siteName', { n: this.sites.length + 1 }), family, capacity,
      lon, lat });
    this.renderSites();
    announce(this.status, t('scenario.added', { name: this.sites[this.sites.length - 1].name }));
    this.onSitesChanged();
  }

  renderSites() {
    this.markers.clearLayers();
    this.sites.forEach((s, i) => {
      L.marker([s.lat, s.lon], { title: s.name, alt: s.name, keyboard: false,
        icon: L.divIcon({ className: 'site-marker', html: String(i + 1), iconSize: [24, 24] }) }).addTo(this.markers);
    });
    this.list.replaceChildren(...this.sites.map((s, i) => {
      const remove = el('button', { type: 'button', class: 'secondary' }, t('scenario.remove'));
      remove.addEventListener('click', () => {
        this.sites.splice(i, 1);
        this.renderSites();
        this.onSitesChanged();
        this.placeButton.focus();
      });
      return el('li', {}, `${s.name} — ${t(`family.${s.family}`)}, ${s.capacity === null ? t('scenario.capacityUnknown')
        : t('scenario.capacity', { capacity: formatNumber(s.capacity) })} `, remove);
    }));
  }

  async save() {
    const name = this.form.querySelector('#scenario-name').value.trim();
    if (!name) {
      announce(this.status, t('scenario.nameNeeded'));
      this.form.querySelector('#scenario-name').focus();
      return;
    }
    const body = { name, description: t('scenario.description'), sites: this.sites,
      closures: [...this.offerList.closed] };
    try {
      const saved = await saveScenario(body, this.savedName === name ? this.savedId : null);
      this.savedId = saved.id;
      this.savedName = name;
      this.root.dataset.scenarioId = saved.id;
      await this.compare({ saved: true });
    } catch (e) {
      announce(this.status, e.message);
    }
  }

  /** Compares the saved scenario with the baseline for the workspace's parameters. */
  async compare({ saved = false } = {}) {
    if (!this.savedId) {
      return;
    }
    const c = await comparison(this.state, this.savedId);
    this.showDeltas(c);
    this.onCompared(c, { saved });
    announce(this.status, t('scenario.saved', { name: c.scenarioName }));
  }

  showDeltas(c) {
    const gained = c.communes.filter((r) => !r.coveredBefore && r.coveredAfter);
    const lost = c.communes.filter((r) => r.coveredBefore && !r.coveredAfter);
    const n = (v, d = 0) => (v === null || v === undefined ? '—' : formatNumber(v, { maximumFractionDigits: d }));
    const delta = c.after.aged75Plus.covered - c.before.aged75Plus.covered;
    const names = (rows) => (rows.length ? rows.map((r) => `${r.name} (${r.code})`).join(', ') : t('scenario.noneChanged'));
    this.deltas.replaceChildren(
      el('h3', {}, t('scenario.deltas', { name: c.scenarioName })),
      el('p', {}, methodText(c.method)),
      el('dl', { class: 'figures' },
        el('dt', {}, t('scenario.covered75Before')), el('dd', { 'data-figure': 'before75' }, n(c.before.aged75Plus.covered)),
        el('dt', {}, t('scenario.covered75After')), el('dd', { 'data-figure': 'after75' }, n(c.after.aged75Plus.covered)),
        el('dt', {}, t('scenario.covered75Delta')), el('dd', { 'data-figure': 'delta75' }, (delta > 0 ? '+' : '') + n(delta)),
        el('dt', {}, t('scenario.meanBefore')), el('dd', { 'data-figure': 'meanBefore' }, n(c.meanIndexBefore, 5)),
        el('dt', {}, t('scenario.meanAfter')), el('dd', { 'data-figure': 'meanAfter' }, n(c.meanIndexAfter, 5))),
      el('p', { 'data-list': 'gained' }, t('scenario.gained', { count: gained.length, names: names(gained) })),
      el('p', { 'data-list': 'lost' }, t('scenario.lost', { count: lost.length, names: names(lost) })));
  }
}

/** The comparison's rows as map rows of the "changes" layer. */
export function changeRows(c) {
  return c.communes.map((r) => {
    let change = 'same';
    if (!r.coveredBefore && r.coveredAfter) {
      change = 'gained';
    } else if (r.coveredBefore && !r.coveredAfter) {
      change = 'lost';
    } else if (r.indexDelta > 1e-9) {
      change = 'better';
    } else if (r.indexDelta < -1e-9) {
      change = 'worse';
    }
    return { code: r.code, name: r.name, change };
  });
}
