// The results, drawn twice from the same array: numbered markers (clustered when dense) and the list,
// which is the accessible equivalent of the map. Opening either opens the same detail panel.
import { t, tCount } from './i18n.js';
import { distance, offerType, travelTime, zoneStatus } from './format.js';

const L = window.L;

function element(tag, className, text) {
  const el = document.createElement(tag);
  if (className) {
    el.className = className;
  }
  if (text) {
    el.textContent = text;
  }
  return el;
}

export class ResultsView {
  /**
   * @param baseMap the BaseMap the markers go on
   * @param list the <ol> of results
   * @param onOpen called with (result, the element that opened it)
   * @param isHomeCare tells whether a family is a service at home
   */
  constructor(baseMap, list, { onOpen, isHomeCare }) {
    this.baseMap = baseMap;
    this.list = list;
    this.onOpen = onOpen;
    this.isHomeCare = isHomeCare;
    this.cluster = L.markerClusterGroup({
      maxClusterRadius: 40,
      disableClusteringAtZoom: 13,
      showCoverageOnHover: false,
      iconCreateFunction: (c) => L.divIcon({
        className: 'result-cluster',
        html: `<span aria-hidden="true">${c.getChildCount()}</span>`,
        iconSize: [36, 36],
      }),
    }).addTo(baseMap.map);
    this.cluster.on('clusterkeypress', (e) => { if (e.originalEvent.key === 'Enter') e.layer.zoomToBounds(); });
    this.cluster.on('animationend', () => this.nameClusters());
    baseMap.map.on('zoomend moveend', () => this.nameClusters());
    this.buttons = new Map();
  }

  /** Replaces the results; {ranked: true} numbers them by travel time. */
  show(results, { ranked }) {
    this.results = results;
    this.cluster.clearLayers();
    this.list.replaceChildren();
    this.buttons.clear();
    const markers = results.filter((r) => r.lat !== null && r.lat !== undefined)
      .map((r) => this.marker(r, ranked));
    this.cluster.addLayers(markers);
    results.forEach((r) => this.list.append(this.item(r, ranked)));
    this.nameClusters();
  }

  clear() {
    this.show([], { ranked: false });
  }

  bounds() {
    return this.cluster.getBounds();
  }

  /** The list button of a result, where focus returns after its detail closes. */
  buttonOf(id) {
    return this.buttons.get(id);
  }

  marker(result, ranked) {
    const label = [result.name, offerType(result), travelTime(result)].filter(Boolean).join(', ');
    const marker = L.marker([result.lat, result.lon], {
      title: label,
      icon: L.divIcon({
        className: `result-marker${this.isHomeCare(result.family) ? ' home-care' : ''}`,
        html: `<span aria-hidden="true">${ranked ? result.rank : ''}</span>`,
        iconSize: [28, 28],
      }),
    });
    marker.offerId = result.id;
    marker.on('add', () => {
      const el = marker.getElement();
      el.setAttribute('aria-label', ranked ? `${result.rank}. ${label}` : label);
      el.dataset.offerId = result.id;
    });
    marker.on('click', () => this.onOpen(result, marker.getElement()));
    marker.on('keypress', (e) => {
      if (e.originalEvent.key === 'Enter') {
        this.onOpen(result, marker.getElement());
      }
    });
    return marker;
  }

  item(result, ranked) {
    const li = element('li', 'result-item');
    const button = element('button', 'result');
    button.type = 'button';
    button.dataset.offerId = result.id;
    if (ranked) {
      button.append(element('span', 'rank', `${result.rank}`));
    }
    const text = element('span', 'result-text');
    text.append(element('span', 'result-name', result.name));
    const where = result.city ? ` · ${result.city}` : '';
    text.append(element('span', 'result-type', `${offerType(result)}${where}`));
    const figures = [travelTime(result), distance(result)].filter(Boolean).join(' · ');
    if (figures) {
      text.append(element('span', `result-time ${result.method || ''}`, figures));
    }
    const zone = zoneStatus(result, ranked && this.isHomeCare(result.family));
    if (zone) {
      text.append(element('span', 'result-zone', zone));
    }
    button.append(text);
    button.addEventListener('click', () => this.onOpen(result, button));
    this.buttons.set(result.id, button);
    li.append(button);
    return li;
  }

  /** Clusters are named by how many results they hold (Leaflet would leave them nameless). */
  nameClusters() {
    const container = this.baseMap.map.getContainer();
    container.querySelectorAll('.result-cluster').forEach((el) => {
      const count = Number(el.textContent.trim());
      el.setAttribute('aria-label', tCount('map.cluster', count));
    });
  }
}

