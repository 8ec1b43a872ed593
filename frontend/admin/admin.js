// Admin users page (issue 11): invite (one-time setup link shown once), enable or disable.
import { api, el, say, t } from '/account/common.js';
import { startPage } from '/account/page.js';

async function showUsers() {
  const page = await api('/api/admin/users?limit=200');
  document.getElementById('users').replaceChildren(...page.items.map((u) => {
    const toggle = el('button', { type: 'button', class: u.enabled ? 'danger' : 'secondary' },
      `${t(u.enabled ? 'admin.disable' : 'admin.enable')} ${u.email}`);
    toggle.addEventListener('click', async () => {
      await api(`/api/admin/users/${u.id}`, { method: 'PATCH', body: { enabled: !u.enabled } });
      say(t('admin.saved'));
      await showUsers();
    });
    return el('tr', {}, el('td', {}, u.email), el('td', {}, u.roles.join(', ')),
      el('td', {}, u.organisations.join(', ')), el('td', {}, u.enabled ? '✓' : '—'), el('td', {}, toggle));
  }));
}

async function start() {
  await startPage();
  document.getElementById('invite-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const roles = [...document.querySelectorAll('input[name="role"]:checked')].map((c) => c.value);
    const organisations = document.getElementById('invite-orgs').value.split(/[\s,;]+/).filter(Boolean).map(Number);
    try {
      const invitation = await api('/api/admin/users', {
        method: 'POST', body: { email: document.getElementById('invite-email').value, roles, organisations },
      });
      document.getElementById('invite-secret').textContent = invitation.setupLink;
      document.getElementById('invite-link').hidden = false;
      say(t('admin.saved'));
      await showUsers();
    } catch (e) {
      say(e.message, 'error');
    }
  });
  await showUsers();
}

start();
