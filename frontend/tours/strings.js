// Strings of the tours page (frontend/i18n/tours.fr.json and tours.en.json), French first.
let strings = {};
let language = 'fr';

export async function loadStrings() {
  language = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'fr';
  document.documentElement.lang = language;
  const response = await fetch(`/i18n/tours.${language}.json`);
  strings = response.ok ? await response.json() : {};
  document.querySelectorAll('[data-i18n]').forEach((node) => {
    if (strings[node.dataset.i18n]) {
      node.textContent = strings[node.dataset.i18n];
    }
  });
  document.querySelectorAll('[data-i18n-aria-label]').forEach((node) => {
    if (strings[node.dataset.i18nAriaLabel]) {
      node.setAttribute('aria-label', strings[node.dataset.i18nAriaLabel]);
    }
  });
  if (strings.title) {
    document.title = `${strings.title} — Proxima`;
  }
  return language;
}

/** A string with its {placeholders} filled; the key when missing. */
export function t(key, values = {}) {
  return (strings[key] || key).replace(/\{(\w+)\}/g, (_, name) => (values[name] ?? '').toString());
}

export function number(value, digits = 0) {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: digits })
    .format(value);
}

export function percent(share) {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 })
    .format(share);
}
