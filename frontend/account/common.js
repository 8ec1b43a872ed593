// Shared by the account, organisation, admin and sign-in pages (issue 11): the CSRF header, one fetch wrapper that
// turns problem details into messages, the page's live region and its strings (French first, English available).

/** The CSRF token Spring Security keeps in the readable XSRF-TOKEN cookie. */
export function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : '';
}

/** An error from the API, with the problem detail's text. */
export class ApiError extends Error {
  constructor(status, detail) {
    super(detail || `HTTP ${status}`);
    this.status = status;
  }
}

/** fetch for the JSON API, with the session cookie and the CSRF header; a 401 goes to the sign-in page. */
export async function api(path, { method = 'GET', body } = {}) {
  if (!csrfToken() && method !== 'GET') {
    await fetch('/api/account/csrf', { credentials: 'same-origin' });
  }
  const headers = { Accept: 'application/json', 'X-XSRF-TOKEN': csrfToken() };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) {
    window.location.assign(`/login/?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    // the page is leaving for the sign-in page: nothing after this call should run
    return new Promise(() => {});
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data && data.detail);
  }
  return data;
}

let strings = {};

/** The page's language: ?lang= (remembered for the next pages), else the last one chosen, else French. */
function pageLanguage() {
  const asked = new URLSearchParams(window.location.search).get('lang');
  try {
    if (asked === 'en' || asked === 'fr') {
      window.localStorage.setItem('proxima.lang', asked);
    }
    return (asked || window.localStorage.getItem('proxima.lang')) === 'en' ? 'en' : 'fr';
  } catch {
    return asked === 'en' ? 'en' : 'fr';
  }
}

/** A link to the other language in the page's header (unless the page has its own). */
function languageLink(lang) {
  const header = document.querySelector('header');
  const link = header && header.querySelector('a[data-lang]');
  const other = lang === 'en' ? 'fr' : 'en';
  const url = new URL(window.location.href);
  url.searchParams.set('lang', other);
  if (link) {
    link.href = url.search;
    link.lang = other;
    link.dataset.lang = other;
    link.textContent = other === 'en' ? 'English' : 'Français';
    return;
  }
  if (header) {
    const a = el('a', { href: url.search, lang: other, hreflang: other, 'data-lang': other },
      other === 'en' ? 'English' : 'Français');
    header.append(el('nav', { 'aria-label': lang === 'en' ? 'Language' : 'Langue' }, a));
  }
}

/**
 * Loads the page's strings (accounts.fr.json or accounts.en.json) and applies them to [data-i18n] elements (text)
 * and [data-i18n-label] elements (aria-label).
 */
export async function loadStrings() {
  const lang = pageLanguage();
  document.documentElement.lang = lang;
  try {
    const response = await fetch(`/i18n/accounts.${lang}.json`);
    strings = response.ok ? await response.json() : {};
  } catch {
    strings = {};
  }
  document.querySelectorAll('[data-i18n]').forEach((node) => {
    const value = strings[node.dataset.i18n];
    if (value) {
      node.textContent = value;
    }
  });
  document.querySelectorAll('[data-i18n-label]').forEach((node) => {
    const value = strings[node.dataset.i18nLabel];
    if (value) {
      node.setAttribute('aria-label', value);
    }
  });
  languageLink(lang);
  return lang;
}

/** A string by key, with {name} placeholders filled; the key itself when missing. */
export function t(key, values = {}) {
  const template = strings[key] || key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (values[name] === undefined ? '' : String(values[name])));
}

/** Says something in the page's live region; errors are marked as such. */
export function say(message, kind = 'ok') {
  const status = document.getElementById('status');
  status.textContent = message;
  status.className = `status ${kind}`;
}

/** An element with text and attributes, without innerHTML. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => node.append(child instanceof Node ? child : document.createTextNode(child ?? '')));
  return node;
}

/** A date and time in the page's language. */
export function when(iso) {
  return iso ? new Date(iso).toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'fr-FR') : '—';
}
