// The workspace's calls to Proxima's API (issue 12): the coverage and accessibility reports of the chosen parameters,
// merged by commune, the commune outlines per département (fetched once), and the planner's writes.
import { getJson } from '../lib/api.js';
import { api } from '/account/common.js';

const outlines = new Map();

/** The query parameters of the coverage API for a workspace state. */
export function coverageQuery(state) {
  return {
    families: state.families.join(','),
    minutes: state.minutes,
    demand: state.demand,
    departements: state.departements.join(','),
  };
}

/** A coverage API address with its parameters (for links: CSV, GeoJSON, the report). */
export function coverageUrl(path, state, extra = {}) {
  const url = new URL(path, window.location.origin);
  Object.entries({ ...coverageQuery(state), ...extra }).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') {
      url.searchParams.set(k, v);
    }
  });
  return url.pathname + url.search;
}

/** The display polygons of the communes of some départements, one request per département, kept. */
export async function communeOutlines(departements) {
  const collections = await Promise.all(departements.map((code) => {
    if (!outlines.has(code)) {
      outlines.set(code, getJson('/api/communes.geojson', { departement: code })
        .catch((e) => { outlines.delete(code); throw e; }));
    }
    return outlines.get(code);
  }));
  return collections.flatMap((c) => c.features);
}

/** Coverage and E2SFCA of the state, one row per reported commune with both reports' figures. */
export async function loadFigures(state) {
  const query = coverageQuery(state);
  const [coverage, access] = await Promise.all([
    getJson('/api/coverage', query),
    getJson('/api/coverage/accessibility', query),
  ]);
  const byCode = new Map(access.communes.map((r) => [r.code, r]));
  const rows = coverage.communes.map((r) => {
    const a = byCode.get(r.code) || {};
    return { ...r, demandCount: a.demand, index: a.index, ratioToMean: a.ratioToMean, offersInReach: a.offersInReach,
      accessMethod: a.method };
  });
  return { coverage, access, rows, uncovered: coverage.uncovered };
}

export function explain(state, commune) {
  return getJson('/api/coverage/accessibility/explain', { ...coverageQuery(state), commune });
}

export function suggestions(state, k) {
  return getJson('/api/coverage/suggestions', { ...coverageQuery(state), k });
}

/** The located offers of the families in a frame (the read API's bbox, at most 500). */
export function offers(state, bbox) {
  return getJson('/api/offers.geojson', { family: state.families.join(','), bbox, limit: 500 });
}

export function catchment(body) {
  return api('/api/routing/catchment', { method: 'POST', body });
}

export function saveScenario(scenario, id) {
  return id ? api(`/api/coverage/scenarios/${id}`, { method: 'PUT', body: scenario })
    : api('/api/coverage/scenarios', { method: 'POST', body: scenario });
}

export function scenarios() {
  return api('/api/coverage/scenarios?limit=100');
}

export function scenario(id) {
  return api(`/api/coverage/scenarios/${id}`);
}

export function comparison(state, id) {
  return getJson(`/api/coverage/scenarios/${id}/comparison`, coverageQuery(state));
}
