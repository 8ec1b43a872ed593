// A commune's figures and the E2SFCA explanation of its index (issue 12): every contributing offer with its minutes
// (road or estimate), weight, ratio R_j, contribution and share of the index.
import { el } from '/account/common.js';
import { formatNumber, t } from '../lib/i18n.js';
import { focusOn } from '../lib/a11y.js';
import { methodText, minutesText } from './classes.js';
import { explain } from './data.js';

function n(v, digits = 0) {
  return v === null || v === undefined ? '—' : formatNumber(v, { maximumFractionDigits: digits });
}

function figure(label, value) {
  return [el('dt', {}, label), el('dd', {}, value)];
}

export class CommunePanel {
  constructor(section) {
    this.section = section;
  }

  async show(row, state) {
    this.section.hidden = false;
    const heading = el('h2', { id: 'commune-title' }, `${row.name} (${row.code})`);
    const figures = el('dl', { class: 'figures' },
      figure(t('commune.minutes'), minutesText(row.minutes, row.method)),
      figure(t('commune.nearest'), row.nearestOfferName || '—'),
      figure(t('commune.covered'), row.covered ? t('value.covered') : t('value.uncovered')),
      figure(t('commune.population'), n(row.population)),
      figure(t('commune.aged75'), n(row.aged75Plus)),
      figure(t('commune.aged85'), n(row.aged85Plus)),
      figure(t('commune.index'), n(row.index, 5)),
      figure(t('commune.ratio'), n(row.ratioToMean, 2)),
      figure(t('commune.offersInReach'), n(row.offersInReach)));
    const explanation = el('div', { class: 'explanation' }, t('state.loading'));
    const close = el('button', { type: 'button', class: 'secondary' }, t('commune.close'));
    close.addEventListener('click', () => { this.section.hidden = true; });
    this.section.replaceChildren(heading, figures, explanation, close);
    focusOn(heading);
    try {
      const x = await explain(state, row.code);
      explanation.replaceChildren(...this.explanation(x));
    } catch (e) {
      explanation.textContent = e.message;
    }
  }

  explanation(x) {
    const intro = el('p', {}, t('commune.explain', { method: methodText(x.method) }));
    if (!x.contributions.length) {
      return [intro, el('p', {}, t('commune.noContribution'))];
    }
    const head = el('tr', {}, ...['offer', 'minutes', 'weight', 'ratio', 'contribution', 'share']
      .map((k) => el('th', { scope: 'col' }, t(`explain.${k}`))));
    const rows = x.contributions.map((c) => el('tr', {},
      el('th', { scope: 'row' }, c.offerName + (c.capacityUnknown ? ` ${t('explain.capacityUnknown')}` : '')),
      el('td', {}, minutesText(c.minutes, c.method)),
      el('td', {}, n(c.weight, 2)),
      el('td', {}, n(c.ratio, 5)),
      el('td', {}, n(c.contribution, 5)),
      el('td', {}, c.share === null ? '—' : `${n(c.share * 100, 1)} %`)));
    const table = el('table', { class: 'data' }, el('caption', {}, t('explain.caption')), el('thead', {}, head),
      el('tbody', {}, ...rows));
    return [intro, el('div', { class: 'scroll' }, table)];
  }
}
