// Messages of the pages: one JSON file per language (frontend/i18n), French first.
const SUPPORTED = ['fr', 'en'];
let messages = {};
let language = 'fr';

/** The language asked by ?lang= (or a data- attribute), French otherwise. */
export function chooseLanguage(asked) {
  return SUPPORTED.includes(asked) ? asked : 'fr';
}

/** Loads the common messages, then a page's own bundles (/i18n/<bundle>.<lang>.json) over them. */
export async function loadMessages(lang, bundles = []) {
  language = chooseLanguage(lang);
  const files = [`/i18n/${language}.json`, ...bundles.map((b) => `/i18n/${b}.${language}.json`)];
  const loaded = await Promise.all(files.map((f) => fetch(f).then((r) => r.json())));
  messages = Object.assign({}, ...loaded);
  document.documentElement.lang = language;
  return language;
}

export function currentLanguage() {
  return language;
}

/** The message of a key with its {placeholders} filled; the key itself when missing. */
export function t(key, params = {}) {
  const text = messages[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (params[name] ?? '').toString());
}

/** A counted message: key.zero, key.one or key.other, with {count}. */
export function tCount(key, count, params = {}) {
  const form = count === 0 && messages[`${key}.zero`] ? 'zero' : count === 1 ? 'one' : 'other';
  return t(`${key}.${form}`, { ...params, count: formatNumber(count) });
}

export function formatNumber(value, options = {}) {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', options).format(value);
}

export function formatDate(iso) {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' })
    .format(new Date(iso));
}

const ATTRIBUTES = ['aria-label', 'placeholder', 'title', 'content'];

/** Fills every [data-i18n] element's text and [data-i18n-<attribute>] attribute. */
export function translatePage(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
  for (const attribute of ATTRIBUTES) {
    root.querySelectorAll(`[data-i18n-${attribute}]`).forEach((el) => {
      el.setAttribute(attribute, t(el.getAttribute(`data-i18n-${attribute}`)));
    });
  }
  document.title = t(document.body.dataset.titleKey || 'app.title');
}

/** Links that switch the language keep the rest of the page's address. */
export function languageLinks(root = document) {
  root.querySelectorAll('a[data-lang]').forEach((link) => {
    const url = new URL(window.location.href);
    url.searchParams.set('lang', link.dataset.lang);
    link.href = url.pathname + url.search;
    if (link.dataset.lang === language) {
      link.setAttribute('aria-current', 'true');
    }
  });
}
