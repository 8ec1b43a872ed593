// The offers of the chosen families around the reported départements (issue 12): drawn on the map, and listed with
// two choices each: inside the isochrone overlay and catchment, or closed in the scenario.
import { el } from '/account/common.js';
import { t, tCount } from '../lib/i18n.js';
import { offers as loadOffers } from './data.js';

const L = window.L;

export class OfferList {
  constructor(map, section, { onChange }) {
    this.map = map;
    this.section = section;
    this.onChange = onChange;
    map.createPane('offers').style.zIndex = 620;
    map.getPane('offers').setAttribute('aria-hidden', 'true');
    this.markers = L.layerGroup().addTo(map);
    this.features = [];
    this.zone = new Set();
    this.closed = new Set();
  }

  async load(state, bbox) {
    const key = `${state.families.join(',')}|${bbox}`;
    if (key === this.key) {
      return;
    }
    this.key = key;
    const collection = await loadOffers(state, bbox);
    this.features = collection.features.filter((f) => f.geometry);
    const ids = new Set(this.features.map((f) => f.id));
    [this.zone, this.closed].forEach((set) => [...set].forEach((id) => { if (!ids.has(id)) set.delete(id); }));
    this.render();
  }

  render() {
    this.markers.clearLayers();
    this.features.forEach((f) => {
      const [lon, lat] = f.geometry.coordinates;
      const closed = this.closed.has(f.id);
      L.circleMarker([lat, lon], {
        pane: 'offers', radius: this.zone.has(f.id) ? 7 : 5, weight: 2, color: '#000000',
        fillColor: closed ? '#ffffff' : '#1a1a1a', fillOpacity: 1, interactive: false,
      }).addTo(this.markers);
    });
    const list = el('ul', { class: 'offer-list' }, ...this.features.map((f) => this.item(f)));
    const summary = el('p', {}, tCount('offers.count', this.features.length));
    this.section.replaceChildren(summary, list);
  }

  item(f) {
    const zoneId = `offer-zone-${f.id}`;
    const closeId = `offer-close-${f.id}`;
    const zone = el('input', { type: 'checkbox', id: zoneId, 'data-offer': f.id, checked: this.zone.has(f.id) });
    const close = el('input', { type: 'checkbox', id: closeId, 'data-offer': f.id, checked: this.closed.has(f.id) });
    zone.addEventListener('change', () => this.toggle(this.zone, f.id, zone.checked));
    close.addEventListener('change', () => this.toggle(this.closed, f.id, close.checked));
    const name = f.properties.name + (f.properties.city ? ` (${f.properties.city})` : '');
    return el('li', {}, el('span', { class: 'offer-name' }, name),
      el('span', { class: 'choice' }, zone, el('label', { for: zoneId }, t('offers.zone'))),
      el('span', { class: 'choice' }, close, el('label', { for: closeId }, t('offers.close'))));
  }

  toggle(set, id, on) {
    if (on) {
      set.add(id);
    } else {
      set.delete(id);
    }
    this.render();
    this.section.querySelector(`#${set === this.zone ? 'offer-zone' : 'offer-close'}-${id}`)?.focus();
    this.onChange();
  }

  name(id) {
    const f = this.features.find((x) => x.id === id);
    return f ? f.properties.name : String(id);
  }
}
