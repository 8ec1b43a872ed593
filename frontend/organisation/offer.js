// The public view of one offer (issue 11): what its organisation says, and when it last confirmed it.
import { el, loadStrings, say, t, when } from '/account/common.js';
import { showZoneMap } from '/organisation/zone-map.js';

async function start() {
  await loadStrings();
  const id = new URLSearchParams(window.location.search).get('id');
  const response = await fetch(`/api/offers/${encodeURIComponent(id)}`, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    say((await response.json()).detail, 'error');
    return;
  }
  const o = await response.json();
  document.getElementById('name').textContent = o.name;
  document.title = `${o.name} — Proxima`;
  const facts = [
    ['field.phone', o.phone, 'phone'], ['field.email', o.email, 'email'], ['field.website', o.website, 'website'],
    ['field.openingHours', o.openingHours, 'hours'], ['field.places', o.capacity, 'places'],
    ['field.freePlaces', o.freePlaces, 'free-places'], ['field.description', o.description, 'description'],
    ['offer.zoneCommunes', o.zone && o.zone.communes.length ? o.zone.communes.join(', ') : null, 'zone'],
    ['field.zoneGeometry', o.zone && o.zone.geometry ? t('offer.zoneDrawn') : null, 'zone-geometry'],
  ].filter(([, v]) => v !== null && v !== undefined);
  document.getElementById('facts').replaceChildren(
    ...facts.flatMap(([key, v, cls]) => [el('dt', {}, t(key)), el('dd', { class: cls }, String(v))]),
    el('dt', {}, t('offer.verified')), el('dd', { class: 'verified' }, t('org.verified', { date: when(o.provenance.verifiedAt) })));
  showZoneMap(document.getElementById('main'), o);
}

start();
