// The coordinators' part of the page: their own organisations' tours on the map (legs and numbered visits), the
// schedule of each visit and the optimisation's before/after. The API refuses anyone else.
import { api, el, say } from '/account/common.js';
import { number, t } from './strings.js';

const L = window.L;

export class MyTours {
  constructor(map, me) {
    this.map = map;
    this.layer = L.layerGroup().addTo(map);
    this.section = document.getElementById('mine');
    this.list = document.getElementById('tour-list');
    this.detail = document.getElementById('tour-detail');
    const select = document.getElementById('org');
    me.organisations.forEach((id) => select.append(el('option', { value: id }, t('mine.orgOption', { id }))));
    this.section.hidden = false;
    document.getElementById('mine-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.listTours(select.value, document.getElementById('day').value);
    });
  }

  async listTours(org, day) {
    try {
      const tours = await api(`/api/tours/organisations/${org}/tours${day ? `?date=${day}` : ''}`);
      this.list.replaceChildren(...tours.map((tour) => el('li', {},
        el('button', { type: 'button', class: 'secondary', 'data-tour': tour.id },
          t('mine.tourButton', { date: tour.date, caregiver: tour.caregiver, visits: tour.visits })))));
      this.list.querySelectorAll('button').forEach((b) => b.addEventListener('click', () => this.show(b.dataset.tour)));
      say(t('mine.count', { count: tours.length }));
    } catch (e) {
      say(e.message, 'error');
    }
  }

  async show(id) {
    try {
      const [tour, geo] = await Promise.all([api(`/api/tours/${id}`), api(`/api/tours/${id}.geojson`)]);
      this.draw(geo);
      this.detail.replaceChildren(el('h3', { id: 'tour-heading', tabindex: '-1' },
        t('mine.tourTitle', { caregiver: tour.caregiver, date: tour.date })), totals(tour), visits(tour),
      el('button', { type: 'button', id: 'optimise' }, t('mine.optimise')), el('div', { id: 'optimisation' }));
      document.getElementById('optimise').addEventListener('click', () => this.optimise(id));
      document.getElementById('tour-heading').focus();
      say(t('mine.shown', { method: t(`method.${tour.method}`) }));
    } catch (e) {
      say(e.message, 'error');
    }
  }

  draw(geo) {
    this.layer.clearLayers();
    const shapes = L.geoJSON(geo, {
      style: () => ({ color: '#08519c', weight: 4 }),
      pointToLayer: (feature, latlng) => L.marker(latlng, {
        icon: L.divIcon({
          className: feature.properties.kind === 'visit' ? 'visit-icon' : 'start-icon', html: '', iconSize: [26, 26],
        }),
        alt: feature.properties.kind === 'visit' ? t('mine.visitMarker', { n: feature.properties.position + 1 })
          : t('mine.start'),
        keyboard: false,
      }),
      onEachFeature: (feature, layer) => {
        if (feature.properties.kind === 'visit') {
          layer.on('add', () => { layer.getElement().textContent = String(feature.properties.position + 1); });
        }
      },
    }).addTo(this.layer);
    if (shapes.getBounds().isValid()) {
      this.map.fitBounds(shapes.getBounds(), { padding: [20, 20] });
    }
  }

  async optimise(id) {
    const out = document.getElementById('optimisation');
    say(t('mine.optimising'));
    try {
      const r = await api(`/api/tours/${id}/optimisation?allowEstimate=true`, { method: 'POST' });
      out.replaceChildren(el('table', {},
        el('caption', {}, t('opt.caption', { seconds: number(r.millis / 1000, 1) })),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, ''), el('th', { scope: 'col' }, t('opt.before')),
          el('th', { scope: 'col' }, t('opt.after')))),
        el('tbody', {}, figure('opt.drive', r.before.driveMinutes, r.after.driveMinutes),
          figure('opt.km', r.before.driveKm, r.after.driveKm),
          figure('opt.late', r.before.lateVisits, r.after.lateVisits))),
      el('p', {}, r.kept ? t('opt.kept') : t('opt.order', { order: r.order.map((p) => p + 1).join(' → ') })),
      ...r.unassigned.map((u) => el('p', { class: 'status error' }, t('opt.unassigned', u))));
      say(t('opt.done'));
    } catch (e) {
      say(e.message, 'error');
    }
  }
}

function figure(key, before, after) {
  return el('tr', {}, el('th', { scope: 'row' }, t(key)), el('td', {}, number(before, 1)), el('td', {}, number(after, 1)));
}

function totals(tour) {
  const s = tour.totals;
  return el('p', {}, t('mine.totals', {
    drive: number(s.driveMinutes), km: number(s.driveKm, 1), care: number(s.careMinutes), late: s.lateVisits,
    back: s.returnAt, method: t(`method.${tour.method}`),
  }));
}

function visits(tour) {
  const head = ['mine.col.n', 'mine.col.window', 'mine.col.arrival', 'mine.col.start', 'mine.col.late', 'mine.col.care'];
  return el('div', { class: 'table-wrap' }, el('table', {}, el('caption', {}, t('mine.visitsCaption')),
    el('thead', {}, el('tr', {}, head.map((k) => el('th', { scope: 'col' }, t(k))))),
    el('tbody', {}, tour.visits.map((v) => el('tr', {}, el('th', { scope: 'row' }, String(v.position + 1)),
      el('td', {}, `${v.windowFrom}–${v.windowTo}`), el('td', {}, v.arrival), el('td', {}, v.start),
      el('td', {}, number(v.lateMinutes)), el('td', {}, t(`care.${v.careType}`)))))));
}
