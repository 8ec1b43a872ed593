// The organisation page (issue 11): its offers with edit forms, the import conflicts, the history of edits.
import { api, el, say, t, when } from '/account/common.js';
import { startPage } from '/account/page.js';
import { offerCard } from '/organisation/offer-form.js';

const id = new URLSearchParams(window.location.search).get('id');

function conflictItem(c, editable) {
  const item = el('li', { class: 'conflict' },
    `${c.offerName} — ${c.field} : ${c.organisationValue ?? '—'} / ${c.registerValue ?? '—'} (${c.source}, ${when(c.detectedAt)}) `);
  if (editable) {
    [['organisation', 'org.keepMine'], ['register', 'org.keepRegister']].forEach(([keep, label]) => {
      const button = el('button', { type: 'button', class: 'secondary' }, t(label));
      button.addEventListener('click', async () => {
        try {
          await api(`/api/manage/conflicts/${c.id}`, { method: 'POST', body: { keep } });
          say(t('org.saved'));
          await show();
        } catch (e) {
          say(e.message, 'error');
        }
      });
      item.append(button, ' ');
    });
  }
  return item;
}

/** A history line's field by its label ("created", "verifiedAt" and unknown names as they are). */
function fieldName(name) {
  const label = t(`field.${name}`);
  return label === `field.${name}` ? name : label;
}

async function show() {
  const page = await api(`/api/manage/organisations/${encodeURIComponent(id)}`);
  document.getElementById('title').textContent = page.organisation.name;
  document.title = `${page.organisation.name} — Proxima`;
  const conflicts = document.getElementById('conflicts');
  conflicts.replaceChildren(page.conflicts.length
    ? el('ul', {}, page.conflicts.map((c) => conflictItem(c, page.editable)))
    : el('p', {}, t('org.noConflicts')));
  document.getElementById('offers').replaceChildren(...page.offers.map((o) => offerCard(o, page.editable, show)));
  const history = await api(`/api/manage/organisations/${encodeURIComponent(id)}/history?limit=50`);
  document.getElementById('history').replaceChildren(...history.items.map((h) =>
    el('tr', {}, el('td', {}, when(h.at)), el('td', {}, h.offerName), el('td', {}, fieldName(h.field)),
      el('td', {}, h.oldValue ?? '—'), el('td', {}, h.newValue ?? '—'), el('td', {}, h.by))));
}

async function start() {
  await startPage();
  try {
    await show();
  } catch (e) {
    say(e.message, 'error');
  }
}

start();
