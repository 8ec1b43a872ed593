// Admin users page (issue 11): invite (one-time setup link shown once), assign roles and organisations, disable or
// enable, a new setup link, list and revoke a user's tokens. Roles are shown by their French or English names.
import { api, el, say, t, when } from '/account/common.js';
import { startPage } from '/account/page.js';

const ROLES = ['CONTRIBUTOR', 'PLANNER', 'COORDINATOR', 'ADMIN'];
const organisationNames = new Map();

/** The role checkboxes of one form, ticked for the roles given. */
function roleBoxes(prefix, checked = []) {
  return ROLES.map((role) => {
    const id = `${prefix}-role-${role}`;
    return el('label', { for: id, class: 'check' },
      el('input', { type: 'checkbox', id, name: 'role', value: role, checked: checked.includes(role) }),
      ` ${t(`role.${role}`)}`);
  });
}

function checkedRoles(container) {
  return [...container.querySelectorAll('input[name="role"]:checked')].map((c) => c.value);
}

function organisationIds(text) {
  return text.split(/[\s,;]+/).filter(Boolean).map(Number);
}

async function organisationName(id) {
  if (!organisationNames.has(id)) {
    organisationNames.set(id, api(`/api/organisations/${id}`).then((o) => o.name).catch(() => '?'));
  }
  return organisationNames.get(id);
}

/** Runs an admin action, says it is done and redraws the list; errors go to the live region. */
async function act(action, message = 'admin.saved') {
  try {
    const result = await action();
    say(t(message));
    return result;
  } catch (e) {
    say(e.message, 'error');
    return null;
  }
}

function tokenList(user) {
  const list = el('ul', { id: `user-${user.id}-tokens` });
  const details = el('details', {}, el('summary', {}, t('admin.tokens')), list);
  const show = async () => {
    const tokens = (await api(`/api/admin/users/${user.id}/tokens`)).filter((k) => !k.revokedAt);
    list.replaceChildren(...(tokens.length ? tokens.map((k) => {
      const revoke = el('button', { type: 'button', class: 'danger' }, `${t('account.revoke')} « ${k.name} »`);
      revoke.addEventListener('click', () => act(async () => {
        await api(`/api/admin/users/${user.id}/tokens/${k.id}`, { method: 'DELETE' });
        await show();
      }, 'account.revoked'));
      return el('li', {}, `${k.name} (${k.prefix}…), ${t('account.expires', { date: when(k.expiresAt) })} `, revoke);
    }) : [el('li', {}, t('admin.noTokens'))]));
  };
  details.addEventListener('toggle', () => { if (details.open) { show(); } });
  return details;
}

async function userCard(user) {
  const prefix = `user-${user.id}`;
  const names = await Promise.all(user.organisations.map(organisationName));
  const orgs = user.organisations.map((id, i) => el('a', { href: `/organisation/?id=${id}` }, `${names[i]} (${id})`));
  const summary = el('p', {},
    `${user.displayName ? `${user.displayName} — ` : ''}${t(user.enabled ? 'admin.enabled' : 'admin.disabled')}`
    + `${user.hasPassword ? '' : ` — ${t('admin.noPassword')}`}`);
  const roles = el('fieldset', {}, el('legend', {}, t('admin.roles')), ...roleBoxes(prefix, user.roles));
  const orgInput = el('input', { id: `${prefix}-orgs`, inputmode: 'numeric', autocomplete: 'off',
    value: user.organisations.join(', ') });
  const form = el('form', { id: `${prefix}-form`, 'aria-label': `${t('admin.edit')} ${user.email}` }, roles,
    el('label', { for: `${prefix}-orgs` }, t('admin.organisations')), orgInput,
    el('button', { type: 'submit' }, t('org.save')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(async () => {
      await api(`/api/admin/users/${user.id}`, {
        method: 'PATCH', body: { roles: checkedRoles(form), organisations: organisationIds(orgInput.value) },
      });
      await showUsers();
    });
  });
  const toggle = el('button', { type: 'button', id: `${prefix}-enabled`, class: user.enabled ? 'danger' : 'secondary' },
    `${t(user.enabled ? 'admin.disable' : 'admin.enable')} ${user.email}`);
  toggle.addEventListener('click', () => act(async () => {
    await api(`/api/admin/users/${user.id}`, { method: 'PATCH', body: { enabled: !user.enabled } });
    await showUsers();
  }));
  const link = el('code', { class: 'secret', hidden: true });
  const relink = el('button', { type: 'button', class: 'secondary' }, `${t('admin.newLink')} ${user.email}`);
  relink.addEventListener('click', () => act(async () => {
    const invitation = await api(`/api/admin/users/${user.id}/setup-link`, { method: 'POST' });
    link.textContent = invitation.setupLink;
    link.hidden = false;
  }));
  return el('li', { class: 'card', id: prefix }, el('h3', {}, user.email), summary,
    orgs.length ? el('p', {}, `${t('admin.organisations')} : `, ...orgs.flatMap((a, i) => (i ? [', ', a] : [a])))
      : '', form, el('div', { class: 'actions' }, toggle, ' ', relink), link, tokenList(user));
}

async function showUsers() {
  const page = await api('/api/admin/users?limit=200');
  document.getElementById('users').replaceChildren(...await Promise.all(page.items.map(userCard)));
}

async function start() {
  await startPage();
  document.getElementById('invite-roles').append(...roleBoxes('invite'));
  document.getElementById('invite-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act(async () => {
      const invitation = await api('/api/admin/users', {
        method: 'POST',
        body: {
          email: document.getElementById('invite-email').value,
          displayName: document.getElementById('invite-name').value || null,
          roles: checkedRoles(event.target),
          organisations: organisationIds(document.getElementById('invite-orgs').value),
        },
      });
      document.getElementById('invite-secret').textContent = invitation.setupLink;
      document.getElementById('invite-link').hidden = false;
      event.target.reset();
      await showUsers();
    }, 'admin.invited');
  });
  try {
    await showUsers();
  } catch (e) {
    say(e.message, 'error');
  }
}

start();
