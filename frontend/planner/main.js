// The planner workspace at /planner (issue 12): signed-in planners and admins only. Wires the parameters, the
// choropleth and its legend, the ranked table, the commune panel, the offers, the catchment, the scenario and the
// suggestions; every parameter change redraws the map from the in-memory coverage API.
import { getJson } from '../lib/api.js';
import { api } from '/account/common.js';
import { languageLinks, loadMessages, t, translatePage } from '../lib/i18n.js';
import { announce } from '../lib/a11y.js';
import { loadNeeds } from '../lib/needs.js';
import { BaseMap } from '../lib/basemap.js';
import { ParamsForm, readState, stateSearch } from './params.js';
import { communeOutlines, loadFigures } from './data.js';
import { Choropleth } from './choropleth.js';
import { Ranking } from './ranking.js';
import { CommunePanel } from './commune.js';
import { OfferList } from './offers.js';
import { Catchment } from './catchment.js';
import { ScenarioEditor, changeRows } from './scenario.js';
import { Suggestions } from './suggestions.js';
import { downloadLinks, totalsElements } from './summary.js';

const $ = (id) => document.getElementById(id);

/** Planners and admins only: anonymous users go to the sign-in page (and come back), others read why not. */
async function allowed() {
  const me = await api('/api/account');
  $('who').textContent = me.email;
  if (me.roles.includes('PLANNER') || me.roles.includes('ADMIN')) {
    return true;
  }
  $('denied').hidden = false;
  document.body.dataset.state = 'denied';
  return false;
}

class Workspace {
  constructor(needs, config, departements, state) {
    this.needs = needs;
    this.state = state;
    this.status = $('status');
    this.version = 0;
    const base = new BaseMap($('map'), config);
    $('map').setAttribute('aria-label', t('planner.map.label'));
    this.map = base.map;
    this.choropleth = new Choropleth(this.map, $('legend'), { onSelect: (code) => this.select(code) });
    this.ranking = new Ranking($('ranking-table'), { onSelect: (code) => this.select(code, { fromTable: true }) });
    this.panel = new CommunePanel($('commune'));
    this.offers = new OfferList(this.map, $('offer-list'), { onChange: () => this.offersChanged() });
    this.catchment = new Catchment(this.map, $('catchment-result'));
    this.scenario = new ScenarioEditor(this.map, $('scenario'), {
      offerList: this.offers, status: this.status, onCompared: (c, how) => this.compared(c, how),
      onSitesChanged: () => this.offersChanged() });
    this.suggestions = new Suggestions(this.map, $('suggestions'), {
      status: this.status, onUse: (s) => this.useSuggestion(s), onDone: () => this.links() });
    this.form = new ParamsForm($('params'), needs, departements, state, (s) => this.change(s));
    $('catchment-run').addEventListener('click', () => this.runCatchment());
  }

  async change(state) {
    const layerOnly = state.changed === 'layer';
    this.state = state;
    window.history.replaceState(null, '', stateSearch(state));
    if (layerOnly && this.figures) {
      this.drawLayer();
      return;
    }
    await this.refresh();
  }

  /** Fetches the figures of the state and redraws the map, the legend, the table, the totals. */
  async refresh() {
    const version = ++this.version;
    const started = performance.now();
    document.body.dataset.state = 'loading';
    announce(this.status, t('state.loading'));
    try {
      const [features, figures] = await Promise.all([communeOutlines(this.state.departements), loadFigures(this.state)]);
      if (version !== this.version) {
        return;
      }
      const fetched = performance.now();
      this.figures = figures;
      this.choropleth.outlines(features);
      this.drawLayer();
      this.ranking.show(figures.uncovered, figures.rows);
      $('totals-body').replaceChildren(...totalsElements(figures.coverage, figures.access));
      this.scenario.families(this.state);
      this.suggestions.setState(this.state);
      this.links();
      document.body.dataset.drawn = String(version);
      document.body.dataset.fetchMs = String(Math.round(fetched - started));
      document.body.dataset.drawMs = String(Math.round(performance.now() - fetched));
      document.body.dataset.state = 'ready';
      announce(this.status, t('state.ready', { count: figures.uncovered.length, minutes: this.state.minutes }));
      this.offers.load(this.state, this.frame(features)).catch((e) => announce(this.status, e.message));
      if (this.scenario.savedId) {
        this.scenario.compare().catch((e) => announce(this.status, e.message));
      }
    } catch (e) {
      document.body.dataset.state = 'error';
      announce(this.status, e.message);
    }
  }

  drawLayer() {
    const rows = this.state.layer === 'changes' && this.comparison ? changeRows(this.comparison) : this.figures.rows;
    this.choropleth.draw(rows, this.state.layer);
  }

  /** The read API's bbox around the reported communes (at most 2° wide, as it allows). */
  frame(features) {
    const bounds = window.L.geoJSON({ type: 'FeatureCollection', features }).getBounds();
    const c = bounds.getCenter();
    const half = (a, b) => Math.min((b - a) / 2 + 0.1, 0.99);
    const hl = half(bounds.getWest(), bounds.getEast());
    const ht = half(bounds.getSouth(), bounds.getNorth());
    return [c.lng - hl, c.lat - ht, c.lng + hl, c.lat + ht].map((v) => v.toFixed(4)).join(',');
  }

  select(code, { fromTable = false } = {}) {
    if (this.scenario.placing) {
      return;
    }
    const row = this.figures.rows.find((r) => r.code === code);
    if (!row) {
      return;
    }
    this.selected = code;
    this.choropleth.select(code, { pan: fromTable });
    this.ranking.mark(code, { scroll: !fromTable });
    this.panel.show(row, this.state).then(() => this.addSiteButton(row));
    this.links();
  }

  /** In the commune panel: a hypothetical site at the commune's representative point (no mouse needed). */
  addSiteButton(row) {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'commune-add-site';
    button.textContent = t('commune.addSite');
    button.addEventListener('click', async () => {
      const commune = await getJson(`/api/communes/${row.code}`);
      const [lon, lat] = commune.representativePoint.coordinates;
      this.scenario.add({ lon, lat, name: t('scenario.siteIn', { name: row.name }) });
      $('scenario-name').focus();
    });
    $('commune').append(button);
  }

  useSuggestion(step) {
    this.scenario.add({ lon: step.lon, lat: step.lat, name: t('suggestions.siteName', { rank: step.rank, name: step.communeName }) });
    $('scenario-name').focus();
  }

  /** The catchment shown follows the chosen offers and sites. */
  offersChanged() {
    if (this.catchment.result) {
      this.runCatchment();
    }
  }

  async runCatchment() {
    try {
      await this.catchment.compute(this.state, this.needs, [...this.offers.zone], this.scenario.sites);
    } catch (e) {
      announce(this.status, e.message);
    }
  }

  /** A scenario just saved shows its map of changes; one compared again keeps the layer chosen. */
  compared(c, { saved }) {
    this.comparison = c;
    this.form.allowChanges(saved);
    this.state = { ...this.state, layer: this.form.state.layer };
    this.drawLayer();
    this.links();
  }

  links() {
    $('downloads-body').replaceChildren(downloadLinks(this.state, { commune: this.selected,
      scenarioId: this.scenario.savedId, k: this.suggestions.report ? this.suggestions.report.k : null }));
  }
}

async function main() {
  const params = new URLSearchParams(window.location.search);
  await loadMessages(params.get('lang'), ['planner']);
  translatePage();
  languageLinks();
  if (!(await allowed())) {
    return;
  }
  const [needs, config, departements] = await Promise.all([loadNeeds(), getJson('/api/map/config'),
    getJson('/api/departements')]);
  $('workspace').hidden = false;
  const state = readState(window.location.search, needs, config.departements);
  window.plannerWorkspace = new Workspace(needs, config, departements, state);
  await window.plannerWorkspace.refresh();
}

main().catch((e) => {
  document.getElementById('status').textContent = e.message;
});
