// One offer's edit form on the organisation page (issue 11): only the fields that changed are sent. An offer the
// organisation created also has its name and location here (FINESS ones take theirs from the register); the zone is
// a commune list and/or a polygon drawn on the map.
import { api, el, say, t, when } from '/account/common.js';
import { zoneEditor } from '/organisation/zone-map.js';

/** Fields only of offers the organisation created (the register owns them on the others). */
const OWN_FIELDS = [
  { name: 'name', type: 'text', get: (o) => o.name },
  { name: 'lon', type: 'number', step: 'any', label: 'offer.lon', get: (o) => (o.location ? o.location.coordinates[0] : '') },
  { name: 'lat', type: 'number', step: 'any', label: 'offer.lat', get: (o) => (o.location ? o.location.coordinates[1] : '') },
];

const FIELDS = [
  { name: 'phone', type: 'tel', autocomplete: 'tel', get: (o) => o.phone },
  { name: 'email', type: 'email', autocomplete: 'email', get: (o) => o.email },
  { name: 'website', type: 'url', autocomplete: 'url', get: (o) => o.website },
  { name: 'openingHours', type: 'text', get: (o) => o.openingHours },
  { name: 'places', type: 'number', get: (o) => o.capacity },
  { name: 'freePlaces', type: 'number', get: (o) => o.freePlaces },
  { name: 'description', type: 'textarea', get: (o) => o.description },
  { name: 'zoneCommunes', type: 'text', get: (o) => (o.zone && o.zone.communes ? o.zone.communes.join(', ') : '') },
];

function value(field, input) {
  const raw = input.value.trim();
  if (field.name === 'zoneCommunes') {
    return raw ? raw.split(/[\s,;]+/).filter(Boolean) : [];
  }
  if (field.type === 'number') {
    return raw === '' ? null : Number(raw);
  }
  return raw === '' ? null : raw;
}

/** The card of one offer: its verified date, the form, "still accurate". */
export function offerCard(offer, editable, onSaved) {
  const id = `offer-${offer.id}`;
  const verified = el('p', { id: `${id}-verified` }, t('org.verified', { date: when(offer.provenance.verifiedAt) }));
  const card = el('section', { class: 'card', 'aria-labelledby': `${id}-name` },
    el('h3', { id: `${id}-name` }, offer.name), verified);
  if (!editable) {
    return card;
  }
  const form = el('form', { id: `${id}-form`, 'aria-labelledby': `${id}-name` });
  const own = offer.provenance.sourceName === 'organisation';
  if (!own) {
    form.append(el('p', { class: 'hint' }, t('offer.ownOnly')));
  }
  const inputs = (own ? [...OWN_FIELDS, ...FIELDS] : FIELDS).map((field) => {
    const inputId = `${id}-${field.name}`;
    const shown = field.get(offer) ?? '';
    const input = field.type === 'textarea'
      ? el('textarea', { id: inputId, name: field.name, maxlength: 1000 }, String(shown))
      : el('input', { id: inputId, name: field.name, type: field.type, autocomplete: field.autocomplete,
        min: field.type === 'number' && !field.step ? 0 : undefined, step: field.step, value: String(shown) });
    form.append(el('label', { for: inputId }, t(field.label || `field.${field.name}`)), input);
    return { field, input, shown: String(shown) };
  });
  const zone = zoneEditor(offer, id);
  form.append(zone.element);
  const save = el('button', { type: 'submit' }, t('org.save'));
  const still = el('button', { type: 'button', class: 'secondary' }, t('org.still'));
  form.append(save, ' ', still);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {};
    const changed = inputs.filter((i) => i.input.value.trim() !== i.shown.trim());
    changed.filter((i) => i.field.name !== 'lon' && i.field.name !== 'lat')
      .forEach((i) => { body[i.field.name] = value(i.field, i.input); });
    if (changed.some((i) => i.field.name === 'lon' || i.field.name === 'lat')) {
      const [lon, lat] = ['lon', 'lat'].map((n) => Number(inputs.find((i) => i.field.name === n).input.value));
      body.location = { type: 'Point', coordinates: [lon, lat] };
    }
    const drawn = zone.value();
    if (drawn !== undefined) {
      body.zoneGeometry = drawn;
    }
    try {
      await api(`/api/manage/offers/${offer.id}`, { method: 'PATCH', body });
      say(t('org.saved'));
      await onSaved();
    } catch (e) {
      say(e.message, 'error');
    }
  });
  still.addEventListener('click', async () => {
    try {
      await api(`/api/manage/offers/${offer.id}/verification`, { method: 'POST' });
      say(t('org.saved'));
      await onSaved();
    } catch (e) {
      say(e.message, 'error');
    }
  });
  card.append(form);
  return card;
}
