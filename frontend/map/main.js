// The public map at /: reads the address (?q=, need, audience, minutes, lang), then runs the finder.
import { getJson } from '../lib/api.js';
import { languageLinks, loadMessages, t, translatePage } from '../lib/i18n.js';
import { Finder, insertFinder } from '../lib/finder.js';

const params = new URLSearchParams(window.location.search);

async function main() {
  await loadMessages(params.get('lang'));
  translatePage();
  languageLinks();
  const root = document.getElementById('finder');
  await insertFinder(root);
  const status = await getJson('/api/status').catch(() => null);
  if (status && status.offers === 0 && status.communes === 0) {
    const empty = document.getElementById('empty-store');
    root.querySelector('.side').prepend(empty);
    empty.hidden = false;
    root.querySelector('[data-results-section]').hidden = true;
  }
  const finder = new Finder(root, {
    q: params.get('q'),
    at: params.get('at'),
    need: params.get('need'),
    families: params.get('families'),
    audience: params.get('audience'),
    minutes: params.get('minutes'),
  }, { updateUrl: true });
  try {
    await finder.start();
  } catch (e) {
    root.querySelector('[data-summary]').textContent = e.message || t('error.network');
  }
}

main();
