// My account (issue 11): roles and organisations, password change, personal API tokens (shown once).
import { api, el, say, t, when } from '/account/common.js';
import { startPage } from '/account/page.js';

async function showTokens() {
  const list = document.getElementById('tokens');
  const tokens = await api('/api/account/tokens');
  list.replaceChildren(...tokens.filter((k) => !k.revokedAt).map((k) => {
    const revoke = el('button', { type: 'button', class: 'danger' }, `${t('account.revoke')} « ${k.name} »`);
    revoke.addEventListener('click', async () => {
      await api(`/api/account/tokens/${k.id}`, { method: 'DELETE' });
      say(t('account.revoked'));
      await showTokens();
    });
    return el('li', {}, `${k.name} (${k.prefix}…), ${t('account.expires', { date: when(k.expiresAt) })} `, revoke);
  }));
}

async function start() {
  const me = await startPage();
  document.getElementById('who').textContent = `${me.email} — ${t('account.roles', { roles: me.roles.map((r) => t(`role.${r}`)).join(', ') || '—' })}`;
  const mine = me.organisations.length ? await api('/api/manage/organisations') : [];
  document.getElementById('organisations').replaceChildren(...mine.map((o) =>
    el('li', {}, el('a', { href: `/organisation/?id=${o.id}` }, `${o.name} (${o.id})`))));
  document.getElementById('password-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('/api/account/password', {
        method: 'POST',
        body: { currentPassword: document.getElementById('current').value, newPassword: document.getElementById('new-password').value },
      });
      event.target.reset();
      say(t('account.passwordDone'));
    } catch (e) {
      say(e.message, 'error');
    }
  });
  document.getElementById('token-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const token = await api('/api/account/tokens', {
        method: 'POST',
        body: { name: document.getElementById('token-name').value, days: Number(document.getElementById('token-days').value) },
      });
      document.getElementById('token-secret').textContent = token.token;
      document.getElementById('new-token').hidden = false;
      say(t('account.tokenShown'));
      await showTokens();
    } catch (e) {
      say(e.message, 'error');
    }
  });
  await showTokens();
}

start();
