// The tours page (issue 13): for everyone, the suppressed per-commune aggregates as a choropleth and a table; for
// coordinators, also their own tours. Entry module: wires the map, the period form and the coordinators' part.
import { say } from '/account/common.js';
import { Choropleth, legend, table } from './choropleth.js';
import { MyTours } from './mine.js';
import { loadStrings, number, percent, t } from './strings.js';

const L = window.L;

async function json(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(problem.detail || `HTTP ${response.status}`);
  }
  return response.json();
}

/** The signed-in user when a coordinator, else null (the public page never redirects to sign-in). */
async function coordinator() {
  const response = await fetch('/api/account', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  if (!response.ok) {
    return null;
  }
  const me = await response.json();
  return me.roles.includes('COORDINATOR') && me.organisations.length ? me : null;
}

async function start() {
  await loadStrings();
  const config = await json('/api/map/config');
  const departement = config.departements[0];
  const element = document.getElementById('map');
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', t('map.label'));
  const map = L.map(element, { zoomSnap: 0.5, minZoom: 6, maxZoom: 16 }).setView([44.5, 3.5], 9);
  map.attributionControl.setPrefix(false);
  ['tilePane', 'overlayPane', 'markerPane'].forEach((pane) => map.getPane(pane).setAttribute('aria-hidden', 'true'));
  const choropleth = new Choropleth(map);
  legend(document.getElementById('legend'));
  const communes = await json(`/api/communes.geojson?departement=${departement}`);
  const form = document.getElementById('period');
  const show = async () => {
    const params = new URLSearchParams({ departement });
    ['from', 'to'].forEach((name) => { if (form.elements[name].value) params.set(name, form.elements[name].value); });
    try {
      const aggregates = await json(`/api/tours/aggregates?${params}`);
      choropleth.draw(communes, aggregates);
      table(document.querySelector('#table tbody'), aggregates);
      const total = aggregates.total;
      document.getElementById('total').textContent = total.suppressed ? t('total.masked')
        : t('total.shown', { visits: number(total.visits), share: percent(total.driveShare), tours: number(total.tours) });
      const chosen = form.elements.from.value || form.elements.to.value;
      say(chosen ? t('status.loaded', { from: aggregates.from, to: aggregates.to }) : t('status.loadedAll'));
    } catch (e) {
      say(e.message, 'error');
    }
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); show(); });
  await show();
  const me = await coordinator();
  if (me) {
    new MyTours(map, me);
  }
}

start().catch((e) => say(e.message, 'error'));
