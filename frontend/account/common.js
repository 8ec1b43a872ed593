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
    throw new ApiError(401, 'Connexion requise');
  }
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError(response.status, data && data.detail);
  }
  return data;
}

let strings = {};

/** Loads the page's strings (accounts.fr.json or accounts.en.json) and applies them to [data-i18n] elements. */
export async function loadStrings() {
  const lang = new URLSearchParams(window.location.search).get('lang') === 'en' ? 'en' : 'fr';
  document.documentElement.lang = lang;
  try {
    const response = await fetch(`/i18n/accounts.${lang}.json`);
    strings = response.ok ? await response.json() : {};
  } catch {
    strings = {};
  }
  document.querySelectorAll('[data-i18n]').forEach((el) => {
    const value = strings[el.dataset.i18n];
    if (value) {
      el.textContent = value;
    }
  });
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
