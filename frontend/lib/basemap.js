// The base map: the app's own vector basemap when one is built (gis/build-basemap.sh), else the operator's raster
// tiles when proxima.map.tile-url is set, else the commune outlines alone; commune outlines and département borders
// from the store on top. No third party by default. Leaflet is loaded as a classic script (window.L).
import { getJson } from './api.js';
import { t } from './i18n.js';
import { vectorBasemap } from './vector-basemap.js';

const L = window.L;

const COMMUNE_STYLE = { color: '#6b6b6b', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1, interactive: false };
const BORDER_STYLE = { color: '#3d3d3d', weight: 2, fill: false, interactive: false };
const ZONE_STYLE = { color: '#00607a', weight: 2, fillColor: '#5fb3c9', fillOpacity: 0.35, interactive: false };

/** Hides a Leaflet pane's decorative drawing from assistive technology. */
function hidePane(map, name) {
  map.getPane(name).setAttribute('aria-hidden', 'true');
}

export class BaseMap {
  /**
   * @param element the map container (given a role and a label here)
   * @param config the answer of /api/map/config
   */
  constructor(element, config, { zoom } = {}) {
    element.setAttribute('role', 'region');
    element.setAttribute('aria-label', t('map.label'));
    this.config = config;
    this.map = L.map(element, { zoomSnap: 0.5, minZoom: 6, maxZoom: 16, keyboard: true });
    this.map.attributionControl.setPrefix(false);
    this.requestedZoom = zoom;
    this.map.createPane('outlines').style.zIndex = 250;
    hidePane(this.map, 'outlines');
    this.outlineRenderer = L.svg({ pane: 'outlines' });
    this.zones = L.layerGroup().addTo(this.map);
    this.communeShapes = new Map();
  }

  /** The base layer: the self-hosted basemap (listed by GET /tiles), else the configured tiles, else none. */
  async drawBase() {
    const own = vectorBasemap(await getJson('/tiles').catch(() => null));
    if (own) {
      own.addTo(this.map);
    } else if (this.config.tileUrl) {
      L.tileLayer(this.config.tileUrl, { attribution: this.config.attribution || '', alt: '' }).addTo(this.map);
    } else {
      this.map.attributionControl.addAttribution(t('map.outlines'));
      this.map.getContainer().classList.add('no-tiles');
      return false;
    }
    hidePane(this.map, 'tilePane');
    return true;
  }

  /**
   * Draws the base layer and the outlines of the configured départements (see-through over a base layer), and
   * frames the first view on them.
   */
  async drawOutlines() {
    const communeStyle = (await this.drawBase()) ? { ...COMMUNE_STYLE, fillOpacity: 0 } : COMMUNE_STYLE;
    const pending = this.config.departements.map((code) => getJson('/api/communes.geojson', { departement: code })
      .catch(() => ({ type: 'FeatureCollection', features: [] })));
    const borders = getJson('/api/departements.geojson').catch(() => ({ features: [] }));
    const layers = [];
    for (const collection of await Promise.all(pending)) {
      const layer = L.geoJSON(collection, { style: communeStyle, renderer: this.outlineRenderer });
      layer.eachLayer((shape) => this.communeShapes.set(shape.feature.id, shape));
      layers.push(layer.addTo(this.map));
    }
    L.geoJSON(await borders, { style: BORDER_STYLE, renderer: this.outlineRenderer }).addTo(this.map);
    const bounds = layers.reduce((b, layer) => b.extend(layer.getBounds()), L.latLngBounds([]));
    if (bounds.isValid()) {
      this.home = bounds;
      this.map.fitBounds(bounds);
      if (this.requestedZoom) {
        this.map.setZoom(this.requestedZoom);
      }
    } else {
      this.map.setView([44.5, 3.5], 9);
    }
  }

  /**
   * A rectangle as the read API's bbox (clamped to its 2° limit around the centre): by default the first
   * view's frame (the configured départements), else what the map shows.
   */
  bbox(bounds = this.home || this.map.getBounds()) {
    const b = bounds;
    const c = b.getCenter();
    const halfLon = Math.min((b.getEast() - b.getWest()) / 2, 0.99);
    const halfLat = Math.min((b.getNorth() - b.getSouth()) / 2, 0.99);
    return [c.lng - halfLon, c.lat - halfLat, c.lng + halfLon, c.lat + halfLat].map((v) => v.toFixed(5)).join(',');
  }

  /** Draws an offer's declared zone: its polygon, or its communes' outlines when the map has them. */
  showZone(zone) {
    this.zones.clearLayers();
    if (!zone) {
      return false;
    }
    let drawn = false;
    if (zone.geometry) {
      L.geoJSON(zone.geometry, { style: ZONE_STYLE }).addTo(this.zones);
      drawn = true;
    }
    for (const code of zone.communes || []) {
      const shape = this.communeShapes.get(code);
      if (shape) {
        L.geoJSON(shape.feature, { style: ZONE_STYLE }).addTo(this.zones);
        drawn = true;
      }
    }
    return drawn;
  }
}
