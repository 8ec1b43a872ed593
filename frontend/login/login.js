// Sign-in page (issue 11): a plain form POST to /login with the CSRF token of the XSRF-TOKEN cookie.
import { csrfToken, loadStrings, say, t } from '/account/common.js';

async function start() {
  if (!csrfToken()) {
    await fetch('/api/account/csrf', { credentials: 'same-origin' });
  }
  document.getElementById('csrf').value = csrfToken();
  await loadStrings();
  const params = new URLSearchParams(window.location.search);
  document.getElementById('next').value = params.get('next') || '/account/';
  if (params.has('error')) {
    say(t('login.error'), 'error');
  } else if (params.has('throttled')) {
    say(t('login.throttled'), 'error');
  } else if (params.has('logout')) {
    say(t('login.loggedOut'));
  }
  document.getElementById('email').focus();
}

start();
