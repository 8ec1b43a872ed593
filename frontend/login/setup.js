// Setup page (issue 11): the one-time secret travels in the link's fragment (never sent to the server by the browser
// on its own) and is posted with the chosen password.
import { api, loadStrings, say, t } from '/account/common.js';

async function start() {
  await loadStrings();
  const secret = window.location.hash.slice(1);
  history.replaceState(null, '', window.location.pathname);
  document.getElementById('setup').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const done = await api('/api/account/setup', {
        method: 'POST', body: { token: secret, password: document.getElementById('password').value },
      });
      say(t('setup.done', { email: done.email }));
      window.setTimeout(() => window.location.assign('/login/'), 1500);
    } catch (e) {
      say(e.message, 'error');
    }
  });
}

start();
