// The workspace's parameters (issue 12): families by need or by code, threshold T, demand band, reported
// départements and the map layer; read from and written to the address so that a view can be shared or reported.
import { el } from '/account/common.js';
import { t } from '../lib/i18n.js';

export const LAYERS = ['minutes', 'covered', 'index', 'ratio', 'changes'];

const DEMANDS = ['aged_75_plus', 'aged_85_plus', 'total'];

/** The state written in an address (?need=…&minutes=…). */
export function readState(search, needs, defaults) {
  const p = new URLSearchParams(search);
  const families = (p.get('families') || '').split(',').map((f) => f.trim()).filter(Boolean);
  const need = families.length ? 'custom' : (needs.needs.find((n) => n.id === p.get('need'))?.id || 'hebergement');
  const minutes = Number(p.get('minutes'));
  return {
    need,
    families: families.length ? families : needs.needs.find((n) => n.id === need).families,
    minutes: minutes > 0 && minutes <= 120 ? minutes : 30,
    demand: DEMANDS.includes(p.get('demand')) ? p.get('demand') : 'aged_75_plus',
    departements: (p.get('departements') || defaults.join(',')).split(',').filter(Boolean),
    layer: LAYERS.includes(p.get('layer')) && p.get('layer') !== 'changes' ? p.get('layer') : 'minutes',
    lang: p.get('lang'),
  };
}

export function stateSearch(state) {
  const p = new URLSearchParams();
  if (state.need === 'custom') {
    p.set('families', state.families.join(','));
  } else {
    p.set('need', state.need);
  }
  p.set('minutes', state.minutes);
  p.set('demand', state.demand);
  p.set('departements', state.departements.join(','));
  p.set('layer', state.layer === 'changes' ? 'minutes' : state.layer);
  if (state.lang) {
    p.set('lang', state.lang);
  }
  return `?${p}`;
}

/** Fills the form's choices and keeps the state in step with it; onChange(state) after every change. */
export class ParamsForm {
  constructor(form, needs, departements, state, onChange) {
    this.form = form;
    this.needs = needs;
    this.state = state;
    const allFamilies = [...new Set(needs.needs.flatMap((n) => n.families))];
    const need = form.querySelector('#need');
    need.replaceChildren(...needs.needs.map((n) => el('option', { value: n.id }, t(`need.${n.id}`))),
      el('option', { value: 'custom' }, t('params.custom')));
    need.value = state.need;
    const families = form.querySelector('#families');
    families.replaceChildren(el('legend', {}, t('params.families')), ...allFamilies.map((f) => el('div', { class: 'check' },
      el('input', { type: 'checkbox', id: `family-${f}`, value: f, checked: state.families.includes(f) }),
      el('label', { for: `family-${f}` }, `${t(`family.${f}`)} (${f})`))));
    const deps = form.querySelector('#departements');
    deps.replaceChildren(el('legend', {}, t('params.departements')), ...departements.map((d) => el('div', { class: 'check' },
      el('input', { type: 'checkbox', id: `dep-${d.code}`, value: d.code, checked: state.departements.includes(d.code) }),
      el('label', { for: `dep-${d.code}` }, `${d.name} (${d.code})`))));
    form.querySelector('#minutes').value = state.minutes;
    form.querySelector('#demand').value = state.demand;
    form.querySelector('#layer').value = state.layer;
    this.showFamilies();
    form.addEventListener('change', (e) => {
      this.read(e.target);
      onChange(this.state);
    });
    form.addEventListener('submit', (e) => e.preventDefault());
  }

  showFamilies() {
    this.form.querySelector('#families').hidden = this.state.need !== 'custom';
  }

  read(target) {
    const f = this.form;
    const s = { ...this.state };
    s.need = f.querySelector('#need').value;
    if (s.need !== 'custom') {
      s.families = this.needs.needs.find((n) => n.id === s.need).families;
      f.querySelectorAll('#families input').forEach((i) => { i.checked = s.families.includes(i.value); });
    } else {
      const checked = [...f.querySelectorAll('#families input:checked')].map((i) => i.value);
      s.families = checked.length ? checked : this.state.families;
    }
    const minutes = Number(f.querySelector('#minutes').value);
    s.minutes = minutes > 0 && minutes <= 120 ? minutes : this.state.minutes;
    s.demand = f.querySelector('#demand').value;
    const deps = [...f.querySelectorAll('#departements input:checked')].map((i) => i.value);
    s.departements = deps.length ? deps : this.state.departements;
    s.layer = f.querySelector('#layer').value;
    s.changed = target ? target.id || target.name : '';
    this.state = s;
    this.showFamilies();
  }

  /** Makes the "changes" layer choosable (after a comparison), and shows it when asked. */
  allowChanges(show) {
    this.form.querySelector('#layer option[value="changes"]').disabled = false;
    if (show) {
      this.form.querySelector('#layer').value = 'changes';
      this.state = { ...this.state, layer: 'changes' };
    }
  }
}
