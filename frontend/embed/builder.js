// The widget builder (/embed/builder): the form writes the widget's <script> snippet, and the preview
// is that very snippet inserted into the page, so what is previewed is what a partner pastes.
import { announce } from '../lib/a11y.js';
import { languageLinks, loadMessages, t, translatePage } from '../lib/i18n.js';
import { loadNeeds } from '../lib/needs.js';

const params = new URLSearchParams(window.location.search);
const ATTRIBUTES = ['need', 'families', 'audience', 'commune', 'zoom', 'lang', 'height'];

function option(value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  return o;
}

/** The widget's script element for the form's values (only the values given). */
function widgetScript(form) {
  const script = document.createElement('script');
  script.src = new URL('/embed/widget.js', window.location.origin).href;
  for (const name of ATTRIBUTES) {
    const value = form.elements[name].value.trim();
    if (value && !(name === 'audience' && value === 'all')) {
      script.setAttribute(`data-${name}`, value);
    }
  }
  if (!form.elements.search.checked) {
    script.setAttribute('data-search', '0');
  }
  return script;
}

function refresh(form, snippet, preview) {
  const script = widgetScript(form);
  snippet.value = script.outerHTML;
  preview.replaceChildren(script);
}

async function main() {
  const lang = await loadMessages(params.get('lang'));
  translatePage();
  languageLinks();
  const needs = await loadNeeds();
  const form = document.getElementById('builder-form');
  const need = form.elements.need;
  need.append(option('', t('need.any')));
  needs.needs.forEach((n) => need.append(option(n.id, t(`need.${n.id}`))));
  const audience = form.elements.audience;
  needs.audiences.forEach((a) => audience.append(option(a, t(`audience.${a}`))));
  form.elements.lang.value = lang;
  const snippet = document.getElementById('b-snippet');
  const preview = document.getElementById('b-preview');
  const status = document.getElementById('b-status');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    refresh(form, snippet, preview);
    announce(status, t('builder.updated'));
  });
  form.addEventListener('change', () => refresh(form, snippet, preview));
  document.getElementById('b-copy').addEventListener('click', async () => {
    snippet.select();
    try {
      await navigator.clipboard.writeText(snippet.value);
      announce(status, t('builder.copied'));
    } catch (e) {
      announce(status, t('builder.copyFailed'));
    }
  });
  refresh(form, snippet, preview);
}

main();
