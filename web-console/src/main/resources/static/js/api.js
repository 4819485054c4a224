// Calls the services through the console's relay (/console-api/{service}/…). The browser holds only the session
// cookie; every state-changing call repeats the session's CSRF token in X-CSRF-Token.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

const state = { csrf: null, mall: null, lang: localStorage.getItem('msd.lang') || 'zh', onSignedOut: () => {} };

export function configure(options) { Object.assign(state, options); }
export function currentMall() { return state.mall; }
export function messageLanguage() { return state.lang; }

/** malls/{mall}/… of the mall picked in the header. */
export function mallPath(path) {
  return `malls/${encodeURIComponent(state.mall)}/${path}`;
}

export function query(params) {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    (Array.isArray(value) ? value : [value]).forEach(v => q.append(key, v));
  }
  const text = q.toString();
  return text ? `?${text}` : '';
}

function headers(extra, method) {
  const h = { Accept: 'application/json', 'Accept-Language': state.lang === 'en' ? 'en' : 'zh-CN', ...extra };
  if (method !== 'GET' && method !== 'HEAD') h['X-CSRF-Token'] = state.csrf;
  return h;
}

/** JSON in and out; a problem answer throws an ApiError carrying it. opts: {method, body, headers, raw}. */
export async function api(service, path, opts = {}) {
  const method = opts.method || 'GET';
  const extra = { ...(opts.headers || {}) };
  let body = opts.body;
  if (body !== undefined && !(body instanceof FormData)) {
    extra['Content-Type'] = 'application/json';
    body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(`/console-api/${service}/${path}`, { method, body, headers: headers(extra, method),
      credentials: 'same-origin', cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, { title: '网络不通 Network error', detail: String(e) });
  }
  if (response.status === 401) {
    state.onSignedOut();
    throw new ApiError(401, { title: '请重新登录 Please sign in again' });
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ title: `HTTP ${response.status}` }));
    throw new ApiError(response.status, problem);
  }
  if (opts.raw) return response;
  if (response.status === 204) return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

/** Downloads a file (the XLSX report, a PDF) with the given Accept type, saving it under its own name. */
export async function download(service, path, accept, fallbackName) {
  const response = await api(service, path, { headers: { Accept: accept }, raw: true });
  const disposition = response.headers.get('Content-Disposition') || '';
  const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1] || fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = decodeURIComponent(name);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}

/** A fresh Idempotency-Key: a retried call (after a network error) then creates nothing twice. */
export function idempotencyKey() {
  return crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

/**
 * For a view that loads again before its last answer is in (a search typed while the first page loads, a timer, an
 * event, a click): answers can arrive out of order, and the older one, drawn last, would show the page as it was.
 * `newestCalls()` gives `begin`; each load calls `const isNewest = begin()` first and draws only while `isNewest()`.
 */
export function newestCalls() {
  let newest = 0;
  return () => {
    const call = ++newest;
    return () => call === newest;
  };
}
