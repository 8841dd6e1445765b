// Shared helpers of the lab server's pages: building DOM nodes (text is always inserted as text, never as HTML),
// talking to the REST API with the token, formatting numbers and times, the navigation bar.

const TOKEN_KEY = 'calsim.token';

/**
 * Creates an element. `attrs` sets properties/attributes ("class", "on…" handlers, "dataset", booleans);
 * children are nodes or strings (strings become text nodes, so server text is never parsed as HTML).
 */
export function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k === 'style' && typeof v === 'object') Object.assign(e.style, v);
    else if (k in e && typeof v !== 'string') e[k] = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  append(e, children);
  return e;
}

function append(parent, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else parent.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/** Replaces the children of an element. */
export function fill(e, ...children) {
  e.replaceChildren();
  append(e, children);
  return e;
}

export const $ = (selector, root = document) => root.querySelector(selector);

// ---- token -------------------------------------------------------------------------------------------------

export function token() {
  try {
    return localStorage.getItem(TOKEN_KEY) || '';
  } catch (e) {
    return '';
  }
}

export function setToken(t) {
  try {
    if (t) localStorage.setItem(TOKEN_KEY, t.trim());
    else localStorage.removeItem(TOKEN_KEY);
  } catch (e) {
    // storage disabled: the token lives only in the field
  }
}

function authHeaders(extra = {}) {
  const t = token();
  return t ? { ...extra, Authorization: 'Bearer ' + t } : extra;
}

// ---- API ---------------------------------------------------------------------------------------------------

/** An API answer that was not 2xx; `body` is the parsed JSON error (error, field, value, allowed) if there is one. */
export class ApiError extends Error {
  constructor(status, body, fallback) {
    super((body && body.error) || fallback || ('HTTP ' + status));
    this.status = status;
    this.body = body || {};
  }
}

/** Calls the API; resolves with the parsed JSON (or null for an empty answer), rejects with an ApiError. */
export async function api(method, path, body, contentType) {
  const headers = authHeaders(contentType ? { 'Content-Type': contentType } : {});
  let res;
  try {
    res = await fetch(path, { method, headers, body, cache: 'no-store' });
  } catch (e) {
    throw new ApiError(0, null, 'the lab server does not answer (' + e.message + ')');
  }
  const text = await res.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  if (!res.ok) {
    let msg = null;
    if (res.status === 401) {
      msg = token() ? 'the token is not accepted: copy it again from the file "token" in the server\'s data folder'
        : 'this needs the lab server\'s token: paste it into the token field at the top (it is in the file "token" '
          + 'of the server\'s data folder)';
    }
    throw new ApiError(res.status, msg ? { ...json, error: msg } : json, text.slice(0, 300));
  }
  return json;
}

export const getJson = (path) => api('GET', path);

let readsNeedToken = null;

/** Whether GET requests need the token (the server listens on an address other than loopback). Asked once. */
export async function needsTokenForReading() {
  if (readsNeedToken === null) {
    try {
      const res = await fetch('/api/jobs?limit=1', { cache: 'no-store' });
      readsNeedToken = res.status === 401;
    } catch (e) {
      readsNeedToken = false;
    }
  }
  return readsNeedToken;
}

needsTokenForReading();

/** URL of one result file of a job. */
export function fileUrl(id, path) {
  return '/api/jobs/' + encodeURIComponent(id) + '/files/' + path.split('/').map(encodeURIComponent).join('/');
}

/**
 * Shows an image from the API in an <img>: directly when reading needs no token, otherwise fetched with the
 * token and shown from a blob.
 */
export async function loadImage(img, url) {
  if (!(await needsTokenForReading())) {
    img.src = url;
    return;
  }
  try {
    const res = await fetch(url, { headers: authHeaders(), cache: 'no-store' });
    if (!res.ok) throw new Error('HTTP ' + res.status);
    img.src = URL.createObjectURL(await res.blob());
  } catch (e) {
    img.alt = 'cannot load ' + url + ': ' + e.message;
    img.classList.add('broken');
  }
}

/** A download link to an API URL; when reading needs the token, the click fetches it with the token. */
export function downloadLink(url, label, filename) {
  const a = h('a', { href: url, download: filename || '' }, label);
  a.addEventListener('click', async (ev) => {
    // decided synchronously: the default action (a plain download) must be prevented before the first await
    if (readsNeedToken === false || (readsNeedToken === null && !token())) return;
    ev.preventDefault();
    const res = await fetch(url, { headers: authHeaders() });
    if (!res.ok) {
      alert('cannot download ' + url + ': HTTP ' + res.status);
      return;
    }
    const blob = URL.createObjectURL(await res.blob());
    const tmp = h('a', { href: blob, download: filename || url.split('/').pop() });
    document.body.append(tmp);
    tmp.click();
    tmp.remove();
    setTimeout(() => URL.revokeObjectURL(blob), 60000);
  }, true);
  return a;
}

/**
 * Follows the server-sent events of a job (progress…, then end). Read with fetch so that the token can be sent.
 * Calls onEvent(type, job); resolves when the stream ends, rejects if it breaks.
 */
export async function followEvents(id, onEvent, signal) {
  const res = await fetch('/api/jobs/' + encodeURIComponent(id) + '/events', {
    headers: authHeaders({ Accept: 'text/event-stream' }), cache: 'no-store', signal,
  });
  if (!res.ok || !res.body) throw new ApiError(res.status, null, 'events: HTTP ' + res.status);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      let type = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) type = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) {
        let job;
        try {
          job = JSON.parse(data.join('\n'));
        } catch (e) {
          continue;
        }
        onEvent(type, job);
      }
    }
  }
}

// ---- formatting --------------------------------------------------------------------------------------------

export const STATES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];

export function isActive(state) {
  return state === 'queued' || state === 'running';
}

/** A coloured state label. */
export function stateBadge(state) {
  return h('span', { class: 'badge state-' + String(state).trim().replace(/\s+/g, '-').replace(/[^a-z-]/g, '') },
    state || '?');
}

/** A number with 4 significant digits, integers as they are, very large/small ones in exponent form. */
export function num(v) {
  if (v === null || v === undefined) return '—';
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e9) return v.toLocaleString('en-US').replace(/,/g, '\u202f');
  const a = Math.abs(v);
  if (a >= 1e4 && a < 1e9) return num(Number(v.toPrecision(4)));
  if (a !== 0 && (a < 1e-3 || a >= 1e9)) {
    const [m, e] = v.toExponential(3).split('e');
    return trimZeros(m) + 'e' + e.replace('+', '');
  }
  return trimZeros(v.toPrecision(4));
}

function trimZeros(s) {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** The unit as shown: dimensionless "1" is left out. */
export function unit(u) {
  return !u || u === '1' ? '' : u;
}

/** A time stamp (ISO text) in the browser's local time, without the date if it is today. */
export function time(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n) => String(n).padStart(2, '0');
  const t = pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds());
  const now = new Date();
  if (d.toDateString() === now.toDateString()) return t;
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + ' ' + t;
}

/** The time between two ISO stamps (to now if the second is missing), e.g. "1 min 42 s". */
export function duration(fromIso, toIso) {
  if (!fromIso) return '';
  const s = Math.max(0, ((toIso ? new Date(toIso) : new Date()) - new Date(fromIso)) / 1000);
  return seconds(s);
}

export function seconds(s) {
  if (s === null || s === undefined || Number.isNaN(s)) return '';
  if (s < 10) return s.toFixed(1) + ' s';
  if (s < 60) return Math.round(s) + ' s';
  const m = Math.floor(s / 60);
  if (m < 60) return m + ' min ' + Math.round(s - 60 * m) + ' s';
  return Math.floor(m / 60) + ' h ' + (m % 60) + ' min';
}

/** A progress bar with the stage name ("2/11 dem.calender 37 %") and the stage's message as a tooltip. */
export function progressBar(job) {
  const p = job.progress;
  if (!p) {
    if (job.state === 'queued') {
      return h('span', { class: 'muted' }, job.queue_position !== undefined
        ? 'waiting (' + (job.queue_position === 0 ? 'next' : job.queue_position + ' ahead') + ')' : 'waiting');
    }
    if (job.state === 'running') return h('span', { class: 'muted' }, 'starting…');
    return '';
  }
  const pct = Math.round(100 * Math.max(0, Math.min(1, p.overall)));
  return h('div', { class: 'progress', title: p.message || '' },
    h('div', { class: 'progress-track' }, h('div', { class: 'progress-fill', style: { width: pct + '%' } })),
    h('div', { class: 'progress-label' },
      h('span', {}, (p.stage_index + 1) + '/' + p.stage_count + ' '),
      h('strong', {}, p.stage || ''),
      h('span', { class: 'muted' }, ' ' + pct + ' %')));
}

/** A message box (kind: ok, error, info), or nothing. */
export function message(kind, ...content) {
  return h('div', { class: 'msg msg-' + kind, role: kind === 'error' ? 'alert' : 'status' }, ...content);
}

/** Explains an ApiError, with the field, value and what is allowed when the server names them. */
export function errorMessage(e, what) {
  const b = (e && e.body) || {};
  const parts = [h('strong', {}, (what ? what + ': ' : '') + (e.status ? 'HTTP ' + e.status + ' — ' : '')),
    e.message];
  if (b.field) {
    parts.push(h('dl', { class: 'error-details' },
      h('dt', {}, 'field'), h('dd', {}, h('code', { class: 'error-field' }, b.field)),
      b.value !== undefined && b.value !== null ? [h('dt', {}, 'value'), h('dd', {}, h('code', {}, b.value))] : null,
      b.allowed ? [h('dt', {}, 'allowed'), h('dd', {}, b.allowed)] : null));
  }
  return message('error', ...parts);
}

// ---- page frame --------------------------------------------------------------------------------------------

/** The header of every page: title, navigation, the token field (stored in localStorage). */
export function header(active) {
  const input = h('input', {
    type: 'password', id: 'token', name: 'token', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'paste from <data>/token', value: token(), 'aria-label': 'server token',
  });
  const state = h('span', { class: 'token-state' });
  const show = () => fill(state, token() ? '✓ saved' : 'not set');
  input.addEventListener('input', () => {
    setToken(input.value);
    show();
  });
  show();
  const nav = [['jobs', '/', 'Jobs'], ['compare', '/static/compare.html', 'Compare'],
    ['registry', '/static/registry.html', 'Registry'], ['cluster', '/static/cluster.html', 'Cluster']];
  const bar = h('header', { class: 'top' },
    h('a', { class: 'brand', href: '/' }, 'calsim', h('span', {}, ' lab server')),
    h('nav', {}, nav.map(([key, href, label]) =>
      h('a', { href, class: key === active ? 'active' : null }, label))),
    h('label', { class: 'token', title: 'Submitting, cancelling, deploying and swapping need the token in the '
      + 'file "token" of the server\'s data folder. It is kept in this browser (localStorage).' },
    'Token ', input, state));
  document.body.prepend(bar);
  return bar;
}

/** The value of a URL query parameter. */
export function param(name) {
  return new URLSearchParams(location.search).get(name);
}
