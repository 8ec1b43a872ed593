// The finder shared by the public map and the widget: a place, needs and filters in; results on the map
// and in the list, an isochrone, a detail panel, states in words and one polite live region.
import { announce } from './a11y.js';
import { getJson } from './api.js';
import { BaseMap } from './basemap.js';
import { DetailPanel } from './detail.js';
import { t, tCount, translatePage } from './i18n.js';
import { familiesOf, isHomeCare, loadNeeds } from './needs.js';
import { ResultsView } from './results.js';
import { areaResults, contains, findPlace, isochrone, nearestResults } from './search.js';

const L = window.L;
const ISOCHRONE_STYLE = { color: '#8a3b00', weight: 2, dashArray: '6 4', fillColor: '#ffb380', fillOpacity: 0.15,
  interactive: false };
const FALLBACK_COUNT = 5;

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

/** Inserts the finder's parts (lib/finder.html) at the start of a page's root element, translated. */
export async function insertFinder(root) {
  const response = await fetch('/lib/finder.html');
  root.insertAdjacentHTML('afterbegin', await response.text());
  translatePage(root);
}

export class Finder {
  /**
   * @param root the element holding the finder's parts ([data-map], [data-results], …)
   * @param params the page's settings: q, at, need, families, audience, minutes, commune, zoom
   * @param updateUrl whether searches are written into the page's address (?q=…)
   */
  constructor(root, params, { updateUrl }) {
    this.root = root;
    this.params = params;
    this.updateUrl = updateUrl;
    this.part = (name) => root.querySelector(`[data-${name}]`);
  }

  async start() {
    this.needs = await loadNeeds();
    const config = await getJson('/api/map/config');
    this.baseMap = new BaseMap(this.part('map'), config, { zoom: this.params.zoom });
    this.baseMap.map.getPane('overlayPane').setAttribute('aria-hidden', 'true');
    this.results = new ResultsView(this.baseMap, this.part('results'), {
      onOpen: (result, opener) => this.detail.open(result, opener),
      isHomeCare: (family) => isHomeCare(this.needs, family),
    });
    this.detail = new DetailPanel(this.part('detail'), {
      onOpen: () => { this.part('results-section').hidden = true; },
      onClose: () => { this.part('results-section').hidden = false; },
      showZone: (zone) => this.baseMap.showZone(zone),
      fallback: (result) => this.results.buttonOf(result.id),
    });
    this.isochroneLayer = L.layerGroup().addTo(this.baseMap.map);
    // a phone turned sideways: the results stay framed
    this.baseMap.map.on('resize', () => { if (this.searched) this.fit(this.searched); });
    this.placeLayer = L.layerGroup().addTo(this.baseMap.map);
    this.fillForm();
    await this.baseMap.drawOutlines();
    if (this.params.q || this.params.at) {
      await this.search();
    } else {
      await this.showArea();
    }
  }

  fillForm() {
    const form = this.part('search-form');
    if (!form) {
      return;
    }
    const need = this.part('need');
    need.append(option('', t('need.any')));
    this.needs.needs.forEach((n) => need.append(option(n.id, t(`need.${n.id}`))));
    need.value = this.params.need || '';
    const audience = this.part('audience');
    this.needs.audiences.forEach((a) => audience.append(option(a, t(`audience.${a}`))));
    audience.value = this.params.audience || 'all';
    const minutes = this.part('minutes');
    minutes.append(option('', t('minutes.any')));
    this.needs.minutes.forEach((m) => minutes.append(option(`${m}`, t('minutes.within', { minutes: m }))));
    minutes.value = this.params.minutes || '';
    this.part('place').value = this.params.q || '';
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.readForm();
      this.params.at = null;
      this.search();
    });
    for (const select of [need, audience, minutes]) {
      select.addEventListener('change', () => {
        this.readForm();
        if (this.params.q || this.params.at) {
          this.search();
        } else {
          this.showArea();
        }
      });
    }
    const locate = this.part('locate');
    if (locate && navigator.geolocation) {
      locate.addEventListener('click', () => this.locate());
    } else if (locate) {
      locate.hidden = true;
    }
  }

  readForm() {
    this.params.q = this.part('place').value.trim();
    this.params.need = this.part('need').value;
    this.params.families = null;
    this.params.audience = this.part('audience').value;
    this.params.minutes = this.part('minutes').value;
  }

  locate() {
    this.setState('loading', t('state.locating'));
    navigator.geolocation.getCurrentPosition((position) => {
      const { longitude, latitude } = position.coords;
      this.params.at = `${longitude.toFixed(5)},${latitude.toFixed(5)}`;
      this.params.q = '';
      this.part('place').value = '';
      this.search();
    }, () => this.setState('error', t('error.geolocation')));
  }

  filters() {
    return { families: familiesOf(this.needs, this.params), audience: this.params.audience || 'all' };
  }

  setState(state, message) {
    this.root.dataset.state = state;
    this.part('results').setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
    this.part('summary').textContent = message;
    if (state !== 'loading') {
      announce(this.part('status'), message);
    }
  }

  /** Without a place: the offers of the first view, by name. */
  async showArea() {
    this.searched = null;
    this.setState('loading', t('state.loading'));
    this.isochroneLayer.clearLayers();
    this.placeLayer.clearLayers();
    try {
      const { results: found, total } = await areaResults(this.baseMap.bbox(), this.filters());
      found.sort((a, b) => a.name.localeCompare(b.name));
      this.results.show(found, { ranked: false });
      const message = total > found.length ? t('state.areaCapped', { count: found.length, total })
        : tCount('state.area', found.length);
      this.setState(found.length ? 'area' : 'empty', message);
    } catch (e) {
      this.results.clear();
      this.setState('error', e.message);
    }
  }

  async place() {
    if (this.params.at) {
      const [lon, lat] = this.params.at.split(',').map(Number);
      return { name: t('place.position'), code: null, point: { lon, lat } };
    }
    const { place } = await findPlace(this.params.q);
    const [lon, lat] = place.representativePoint.coordinates;
    return { name: place.name, code: place.code, point: { lon, lat } };
  }

  /** A place's offers by travel time, within the time filter when one is chosen. */
  async search() {
    this.detail.close();
    this.setState('loading', t('state.searching'));
    this.writeUrl();
    try {
      const place = await this.place();
      this.searched = null;
      const filters = this.filters();
      const minutes = Number(this.params.minutes) || null;
      const [all, area] = await Promise.all([
        nearestResults(place.point, { ...filters, commune: place.code }),
        minutes ? isochrone(place.point, minutes) : Promise.resolve(null),
      ]);
      this.drawPlace(place, area, minutes);
      let shown = area ? all.filter((r) => r.minutes <= minutes && contains(area.geometry, r.lon, r.lat)) : all;
      let message;
      if (shown.length > 0) {
        message = tCount(minutes ? 'state.foundWithin' : 'state.found', shown.length, { place: place.name, minutes });
      } else if (all.length > 0) {
        shown = all.slice(0, FALLBACK_COUNT);
        message = t(minutes ? 'state.emptyWithin' : 'state.emptyNear', { place: place.name, minutes });
      } else {
        message = t('state.none', { place: place.name });
      }
      shown = shown.map((r, i) => ({ ...r, rank: i + 1 }));
      this.results.show(shown, { ranked: true });
      this.searched = place;
      this.fit(place);
      this.setState(shown.length ? 'results' : 'empty', message);
    } catch (e) {
      this.results.clear();
      this.setState('error', e.message);
    }
  }

  drawPlace(place, area, minutes) {
    this.isochroneLayer.clearLayers();
    this.placeLayer.clearLayers();
    if (area) {
      L.geoJSON(area, { style: ISOCHRONE_STYLE, className: 'isochrone' }).addTo(this.isochroneLayer);
      const method = area.properties.method === 'network' ? '' : ` ${t('time.estimateNote')}`;
      this.part('legend').textContent = t('map.isochrone', { minutes }) + method;
    } else {
      this.part('legend').textContent = '';
    }
    L.circleMarker([place.point.lat, place.point.lon], { radius: 7, color: '#1a1a1a', weight: 3,
      fillColor: '#ffffff', fillOpacity: 1, interactive: false })
      .bindTooltip(place.name, { permanent: true, direction: 'left', className: 'place-label', offset: [-8, 0] })
      .addTo(this.placeLayer);
  }

  fit(place) {
    const bounds = L.latLngBounds([[place.point.lat, place.point.lon]]);
    const results = this.results.bounds();
    if (results.isValid()) {
      bounds.extend(results);
    }
    this.isochroneLayer.eachLayer((layer) => bounds.extend(layer.getBounds()));
    this.baseMap.map.fitBounds(bounds.pad(0.05), { maxZoom: 13 });
  }

  writeUrl() {
    if (!this.updateUrl) {
      return;
    }
    const url = new URL(window.location.href);
    for (const name of ['q', 'at', 'need', 'families', 'audience', 'minutes']) {
      const value = this.params[name];
      if (value && !(name === 'audience' && value === 'all')) {
        url.searchParams.set(name, value);
      } else {
        url.searchParams.delete(name);
      }
    }
    window.history.replaceState(null, '', url.pathname + url.search);
  }
}
