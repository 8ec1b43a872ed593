// The widget page (/embed), framed by partner sites: configured by its address, as widget.js writes it
// (need or families, audience, commune at the centre, zoom, lang, search=0 to hide the search box).
import { languageLinks, loadMessages, translatePage } from '../lib/i18n.js';
import { Finder, insertFinder } from '../lib/finder.js';

const params = new URLSearchParams(window.location.search);

async function main() {
  const lang = await loadMessages(params.get('lang'));
  translatePage();
  languageLinks();
  const root = document.getElementById('finder');
  await insertFinder(root);
  const form = root.querySelector('[data-search-form]');
  if (params.get('search') === '0') {
    form.hidden = true;
    root.classList.add('no-search');
  }
  if (params.get('families')) {
    root.querySelector('[data-need-field]').hidden = true;
  }
  const settings = {
    q: params.get('q') || params.get('commune'),
    need: params.get('need'),
    families: params.get('families'),
    audience: params.get('audience'),
    minutes: params.get('minutes'),
    zoom: Number(params.get('zoom')) || null,
  };
  const full = new URL('/', window.location.origin);
  for (const [name, value] of Object.entries({ q: settings.q, need: settings.need, families: settings.families,
    audience: settings.audience, lang })) {
    if (value) {
      full.searchParams.set(name, value);
    }
  }
  root.querySelector('[data-open-full]').href = full.href;
  root.querySelector('[data-open-full-row]').hidden = false;
  await new Finder(root, settings, { updateUrl: false }).start();
}

main();
