// The frame of the signed-in pages (issue 11): strings, the sign-out form's CSRF token, who is signed in.
import { api, csrfToken, loadStrings } from '/account/common.js';

/** Loads strings and the signed-in user (a 401 goes to the sign-in page). */
export async function startPage() {
  await loadStrings();
  const me = await api('/api/account');
  document.querySelectorAll('input.csrf').forEach((input) => { input.value = csrfToken(); });
  if (!me.roles.includes('ADMIN')) {
    document.querySelector('a[href="/admin/"]').hidden = true;
  }
  return me;
}
