// The declared intervention zone on a map (issue 11): drawn by the organisation (click to add corners, close, undo,
// clear) and shown on the public offer page. Leaflet from its webjar; the base is the app's own basemap when built,
// with the départements' borders from the store: no third-party request. With a keyboard, the commune list is the
// alternative to drawing.
import { el, t } from '/account/common.js';
import { vectorBasemap } from '/lib/vector-basemap.js';

const L = window.L;
const ZONE = { color: '#00607a', weight: 2, fillColor: '#5fb3c9', fillOpacity: 0.35 };
const DRAFT = { color: '#b34700', weight: 2, dashArray: '4 3' };
const BORDER = { color: '#3d3d3d', weight: 1.5, fill: false, interactive: false };

async function json(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : null;
}

/** A Leaflet map in element, with the base layers, framed on the offer's zone, else its point, else Lozère. */
async function baseMap(element, offer, label) {
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', label);
  const map = L.map(element, { zoomSnap: 0.5, minZoom: 6, maxZoom: 16 });
  map.attributionControl.setPrefix(false);
  map.setView([44.52, 3.5], 9);
  const basemap = vectorBasemap(await json('/tiles').catch(() => null));
  if (basemap) {
    basemap.addTo(map);
    map.getPane('tilePane').setAttribute('aria-hidden', 'true');
  }
  const borders = await json('/api/departements.geojson').catch(() => null);
  if (borders) {
    L.geoJSON(borders, { style: BORDER }).addTo(map);
  }
  const zone = offer.zone && offer.zone.geometry ? L.geoJSON(offer.zone.geometry, { style: ZONE }).addTo(map) : null;
  const point = offer.location
    ? L.circleMarker([offer.location.coordinates[1], offer.location.coordinates[0]],
      { radius: 7, color: '#000091', fillColor: '#000091', fillOpacity: 0.9, interactive: false }).addTo(map)
    : null;
  if (zone) {
    map.fitBounds(zone.getBounds(), { maxZoom: 12 });
  } else if (point) {
    map.setView(point.getLatLng(), 11);
  }
  map.getPane('overlayPane').setAttribute('aria-hidden', 'true');
  return { map, zone };
}

/** The public page's map of an offer and its drawn zone (nothing when it has neither a point nor a polygon). */
export function showZoneMap(container, offer) {
  if (!offer.location && !(offer.zone && offer.zone.geometry)) {
    return;
  }
  const element = el('div', { class: 'zone-map', id: 'offer-map' });
  container.append(element);
  baseMap(element, offer, t('offer.map'));
}

/**
 * The zone drawing tool of one offer's form. value() is undefined while the zone is unchanged, null once cleared,
 * else the drawn GeoJSON Polygon (closed on the way out when 3 corners or more are placed).
 */
export function zoneEditor(offer, prefix) {
  const status = el('p', { id: `${prefix}-zone-status`, class: 'hint', 'aria-live': 'polite' },
    t(offer.zone && offer.zone.geometry ? 'zone.drawn' : 'zone.none', { count: corners(offer.zone && offer.zone.geometry) }));
  const element = el('div', { class: 'zone-map', id: `${prefix}-zone-map` });
  const buttons = ['close', 'undo', 'clear'].map((name) =>
    el('button', { type: 'button', class: 'secondary', id: `${prefix}-zone-${name}` }, t(`zone.${name}`)));
  const fieldset = el('fieldset', { class: 'zone' }, el('legend', {}, t('zone.legend')),
    el('p', { class: 'hint', id: `${prefix}-zone-help` }, t('zone.mapHelp')), element, status,
    el('div', { class: 'actions' }, ...buttons));
  let vertices = [];
  let polygon = null;
  let changed = false;
  let layers = null;
  const say = (key, values) => { status.textContent = t(key, values); };
  const redraw = () => {
    layers.draft.clearLayers();
    if (vertices.length) {
      L.polyline(vertices, DRAFT).addTo(layers.draft);
      vertices.forEach((v) => L.circleMarker(v, { radius: 4, color: '#b34700' }).addTo(layers.draft));
    }
  };
  const close = () => {
    if (vertices.length < 3) {
      say('zone.tooFew');
      return false;
    }
    polygon = [...vertices.map((v) => [round(v.lng), round(v.lat)]), [round(vertices[0].lng), round(vertices[0].lat)]];
    layers.drawn.clearLayers();
    L.polygon(vertices, ZONE).addTo(layers.drawn);
    say('zone.drawn', { count: vertices.length });
    vertices = [];
    changed = true;
    redraw();
    return true;
  };
  requestAnimationFrame(async () => {
    const { map, zone } = await baseMap(element, offer, t('zone.map'));
    layers = { drawn: L.layerGroup().addTo(map), draft: L.layerGroup().addTo(map) };
    if (zone) {
      zone.addTo(layers.drawn);
    }
    map.on('click', (event) => {
      vertices.push(event.latlng);
      redraw();
      say('zone.points', { count: vertices.length });
    });
  });
  buttons[0].addEventListener('click', close);
  buttons[1].addEventListener('click', () => { vertices.pop(); redraw(); say('zone.points', { count: vertices.length }); });
  buttons[2].addEventListener('click', () => {
    vertices = [];
    polygon = null;
    changed = Boolean(offer.zone && offer.zone.geometry) || changed;
    layers.drawn.clearLayers();
    redraw();
    say('zone.none');
  });
  return {
    element: fieldset,
    value() {
      if (vertices.length >= 3) {
        close();
      }
      if (!changed) {
        return undefined;
      }
      return polygon ? { type: 'Polygon', coordinates: [polygon] } : null;
    },
  };
}

function round(v) {
  return Math.round(v * 1e6) / 1e6;
}

function corners(geometry) {
  if (!geometry) {
    return 0;
  }
  const rings = geometry.type === 'Polygon' ? [geometry.coordinates[0]] : geometry.coordinates.map((p) => p[0]);
  return rings.reduce((n, ring) => n + ring.length - 1, 0);
}
