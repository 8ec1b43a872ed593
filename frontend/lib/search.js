// The questions the pages ask the API: a place, the offers nearest to it by road, the offers of a view,
// an isochrone. Answers become plain result objects shared by the list, the markers and the detail.
import { ApiError, getJson } from './api.js';
import { t } from './i18n.js';

/** Nearest offers asked per search: the API's maximum (proxima.routing.limits.max-nearest). */
export const NEAREST_LIMIT = 100;

/** Most offers drawn in the first view (the read API's maximum page). */
export const AREA_LIMIT = 500;

/** How far the nearest offers are looked for, in minutes of road. */
export const CUTOFF_MINUTES = 90;

/** The commune a text names (name prefix, postcode or INSEE code), with the other matches. */
export async function findPlace(text) {
  const places = await getJson('/api/places', { q: text, limit: 5 });
  if (places.length === 0) {
    throw new ApiError(t('error.noPlace', { q: text }), 404);
  }
  return { place: places[0], others: places.slice(1) };
}

function result(feature) {
  const p = feature.properties;
  const [lon, lat] = feature.geometry ? feature.geometry.coordinates : [null, null];
  return {
    id: feature.id,
    name: p.name,
    family: p.family,
    audience: p.audience,
    categoryLabel: p.categoryLabel,
    city: p.city,
    lon,
    lat,
    minutes: p.minutes ?? null,
    metres: p.metres ?? null,
    method: p.method ?? null,
    declaredZone: p.declaredZone ?? null,
    servesCommune: p.servesCommune ?? null,
  };
}

/** Offers by road travel time from a point, nearest first, each with its method. */
export async function nearestResults(point, { families, audience, commune }) {
  const collection = await getJson('/api/routing/nearest-offers', {
    point: `${point.lon},${point.lat}`,
    family: families,
    audience: audience === 'all' ? null : audience,
    commune,
    cutoffMinutes: CUTOFF_MINUTES,
    limit: NEAREST_LIMIT,
  });
  return collection.features.map(result).map((r, i) => ({ ...r, rank: i + 1 }));
}

/** The offers inside a rectangle (one request sized to the view), with how many there are in all. */
export async function areaResults(bbox, { families, audience }) {
  const collection = await getJson('/api/offers.geojson', {
    bbox,
    family: families,
    audience: audience === 'all' ? null : audience,
    limit: AREA_LIMIT,
    total: true,
  });
  const results = collection.features.map(result).filter((r) => r.lat !== null);
  return { results, total: collection.metadata.total ?? results.length };
}

/** The area reached within {@code minutes} from a point: a GeoJSON Feature with its method. */
export async function isochrone(point, minutes) {
  const collection = await getJson('/api/routing/isochrones', { point: `${point.lon},${point.lat}`, minutes });
  return collection.features[0];
}

function inRing(ring, x, y) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) {
      inside = !inside;
    }
  }
  return inside;
}

/** Whether a lon/lat lies inside a GeoJSON Polygon or MultiPolygon (holes excluded). */
export function contains(geometry, lon, lat) {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.some(([outer, ...holes]) => inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat)));
}
