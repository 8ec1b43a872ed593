// The one way the pages call Proxima's API: problem details (RFC 9457) become messages.
import { t } from './i18n.js';

export class ApiError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status;
  }
}

function address(path, params) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') {
      url.searchParams.set(name, Array.isArray(value) ? value.join(',') : value);
    }
  }
  return url;
}

export async function getJson(path, params) {
  let response;
  try {
    response = await fetch(address(path, params), {
      headers: { Accept: 'application/json, application/geo+json, application/problem+json' },
    });
  } catch (e) {
    throw new ApiError(t('error.network'), 0);
  }
  if (!response.ok) {
    let detail = null;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title;
    } catch (e) {
      // not a problem detail: the status says enough
    }
    throw new ApiError(detail ? t('error.problem', { detail }) : t('error.status', { status: response.status }),
      response.status);
  }
  return response.json();
}
