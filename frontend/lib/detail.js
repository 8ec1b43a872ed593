// The detail panel of one offer: focus moves into it on opening and returns where it was on closing
// (Escape or the close button).
import { getJson } from './api.js';
import { FocusReturn, focusOn } from './a11y.js';
import { formatNumber, t } from './i18n.js';
import { audience, dated, distance, offerType, travelTime } from './format.js';

function row(list, label, value) {
  if (value === null || value === undefined || value === '') {
    return;
  }
  const dt = document.createElement('dt');
  dt.textContent = label;
  const dd = document.createElement('dd');
  if (value instanceof Node) {
    dd.append(value);
  } else {
    dd.textContent = value;
  }
  list.append(dt, dd);
}

function link(href, text, className) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  if (className) {
    a.className = className;
  }
  return a;
}

export class DetailPanel {
  /**
   * @param panel the panel element (hidden until opened), holding [data-detail-title],
   *   [data-detail-body] and a [data-detail-close] button
   * @param onClose called after closing (to show the list again)
   * @param showZone draws the offer's declared zone on the map
   * @param fallback where focus goes when the opener is gone (a re-clustered marker)
   */
  constructor(panel, { onOpen, onClose, showZone, fallback }) {
    this.panel = panel;
    this.title = panel.querySelector('[data-detail-title]');
    this.body = panel.querySelector('[data-detail-body]');
    this.onOpen = onOpen;
    this.onClose = onClose;
    this.showZone = showZone;
    this.fallback = fallback;
    this.focusReturn = new FocusReturn();
    panel.querySelector('[data-detail-close]').addEventListener('click', () => this.close());
    panel.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.close();
      }
    });
  }

  get isOpen() {
    return !this.panel.hidden;
  }

  /** Opens the panel for a result; focus returns to {@code returnTo} on closing. */
  async open(result, returnTo) {
    this.focusReturn.remember(returnTo);
    this.result = result;
    this.panel.hidden = false;
    this.onOpen();
    this.title.textContent = result.name;
    this.body.replaceChildren(document.createTextNode(t('detail.loading')));
    focusOn(this.title);
    try {
      const offer = await getJson(`/api/offers/${encodeURIComponent(result.id)}`);
      this.render(offer, result);
    } catch (e) {
      this.body.replaceChildren(document.createTextNode(e.message));
    }
  }

  render(offer, result) {
    const list = document.createElement('dl');
    list.className = 'detail-list';
    const category = offer.categoryLabel ? ` (${offer.categoryLabel})` : '';
    row(list, t('detail.type'), `${offerType(offer)}${category}`);
    const figures = [travelTime(result), distance(result)].filter(Boolean).join(' · ');
    row(list, t('detail.travel'), figures);
    row(list, t('detail.organisation'), offer.organisation && offer.organisation.name);
    const address = [offer.address, [offer.postalCode, offer.city].filter(Boolean).join(' ')].filter(Boolean);
    row(list, t('detail.address'), address.join(', '));
    if (offer.phone) {
      row(list, t('detail.phone'), link(`tel:${offer.phone.replace(/[^0-9+]/g, '')}`, offer.phone, 'detail-phone'));
    }
    if (offer.email) {
      row(list, t('detail.email'), link(`mailto:${offer.email}`, offer.email));
    }
    if (offer.website) {
      const href = /^https?:\/\//.test(offer.website) ? offer.website : `https://${offer.website}`;
      row(list, t('detail.website'), link(href, offer.website));
    }
    row(list, t('detail.capacity'),
      offer.capacity === null || offer.capacity === undefined ? t('detail.capacityUnknown')
        : t('detail.places', { count: formatNumber(offer.capacity) }));
    row(list, t('detail.audience'), audience(offer.audience));
    row(list, t('detail.zone'), this.zoneText(offer.zone));
    const provenance = offer.provenance || {};
    const source = dated(provenance.sourceDate);
    row(list, t('detail.source'), t('detail.sourceValue', { source: provenance.sourceName || '?', date: source.text }));
    const verified = dated(provenance.verifiedAt);
    row(list, t('detail.verified'), provenance.verifiedAt ? verified.text : t('detail.neverVerified'));
    this.body.replaceChildren(list);
  }

  zoneText(zone) {
    const count = zone && zone.communes ? zone.communes.length : 0;
    if (!zone || (!zone.geometry && count === 0)) {
      return t('detail.noZone');
    }
    const drawn = this.showZone(zone);
    const text = zone.geometry ? t('detail.zonePolygon') : t('detail.zoneCommunes', { count: formatNumber(count) });
    return drawn ? `${text} ${t('detail.zoneDrawn')}` : text;
  }

  close() {
    if (!this.isOpen) {
      return;
    }
    this.panel.hidden = true;
    this.showZone(null);
    this.onClose();
    this.focusReturn.restore(this.fallback(this.result));
  }
}
