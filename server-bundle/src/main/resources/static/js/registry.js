// The registry page: services (with "make default" where a name has several implementations), bundles (undeploy for
// deployed ones), deploying a plugin bundle.
import { $, api, errorMessage, fill, getJson, h, header, message, stateBadge } from './ui.js';

header('registry');

const kindFilter = $('#kind-filter');
const nameFilter = $('#service-filter');
let registry = { services: [], bundles: [] };

async function load() {
  try {
    registry = await getJson('/api/registry');
  } catch (e) {
    fill($('#registry-message'), errorMessage(e, 'cannot read the registry'));
    return;
  }
  const kinds = [...new Set(registry.services.map((s) => s.kind))].sort();
  const chosen = kindFilter.value;
  fill(kindFilter, h('option', { value: '' }, 'all'), kinds.map((k) => h('option', { value: k }, k)));
  kindFilter.value = kinds.includes(chosen) ? chosen : '';
  renderServices();
  renderBundles();
}

/** @return the implementation a name resolves to (highest ranking), or null if several share it */
function defaultOf(name) {
  const same = registry.services.filter((s) => s.name === name);
  const top = Math.max(...same.map((s) => s.ranking));
  const best = same.filter((s) => s.ranking === top);
  return best.length === 1 ? best[0].implementation : null;
}

function renderServices() {
  const text = nameFilter.value.trim().toLowerCase();
  const shown = registry.services.filter((s) => (!kindFilter.value || s.kind === kindFilter.value)
    && (!text || [s.name, s.implementation, s.bundle].some((x) => String(x).toLowerCase().includes(text))));
  const counts = new Map();
  for (const s of registry.services) counts.set(s.name, (counts.get(s.name) || 0) + 1);
  fill($('#service-count'), shown.length + ' of ' + registry.services.length + ' services');
  fill($('#services tbody'), shown.length ? shown.map((s) => {
    const several = counts.get(s.name) > 1;
    const def = several ? defaultOf(s.name) : s.implementation;
    const isDefault = def === s.implementation;
    return h('tr', { dataset: { name: s.name, implementation: s.implementation } },
      h('td', { class: 'nowrap' }, s.kind),
      h('td', {}, h('strong', { class: 'mono' }, s.name),
        several ? h('span', { class: 'muted small' }, ' (' + counts.get(s.name) + ' implementations)') : null,
        s.description ? h('div', { class: 'muted small' }, s.description) : null),
      h('td', { class: 'mono small' }, s.implementation),
      h('td', { class: 'mono small' }, s.bundle),
      h('td', { class: 'small' }, s.version),
      h('td', { class: 'num' }, String(s.ranking)),
      h('td', { class: 'right nowrap' }, several
        ? (isDefault ? h('span', { class: 'badge state-succeeded' }, 'default')
          : h('button', { type: 'button', class: 'secondary small', onclick: (ev) => swap(s, ev.target) },
            'Make default'))
        : null));
  }) : h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No service matches.')));
}

function renderBundles() {
  fill($('#bundles tbody'), registry.bundles.map((b) => h('tr', { dataset: { bsn: b.symbolic_name } },
    h('td', { class: 'num' }, String(b.id)),
    h('td', { class: 'mono small' }, b.symbolic_name,
      b.deployed ? h('span', { class: 'badge state-running', style: { marginLeft: '0.5rem' } }, 'deployed') : null),
    h('td', { class: 'small' }, b.version),
    h('td', {}, stateBadge(b.state)),
    h('td', { class: 'right' }, b.deployed
      ? h('button', { type: 'button', class: 'danger small', onclick: (ev) => undeploy(b, ev.target) }, 'Undeploy')
      : null))));
}

async function swap(s, button) {
  button.disabled = true;
  fill($('#registry-message'), message('info', 'Making ', h('code', {}, s.implementation), ' the default for ',
    h('code', {}, s.name), '…'));
  try {
    const r = await api('POST', '/api/swap', JSON.stringify({ name: s.name, implementation: s.implementation }),
      'application/json');
    fill($('#registry-message'), message('ok', h('code', {}, r.name), ' now resolves to ',
      h('code', {}, r.implementation), ' (ranking ' + r.ranking + ').'));
  } catch (e) {
    fill($('#registry-message'), errorMessage(e, 'swap refused'));
  }
  await load();
}

async function undeploy(b, button) {
  if (!confirm('Undeploy bundle ' + b.symbolic_name + ' ' + b.version + '?')) return;
  button.disabled = true;
  try {
    await api('DELETE', '/api/bundles/' + encodeURIComponent(b.symbolic_name));
    fill($('#registry-message'), message('ok', 'Bundle ', h('code', {}, b.symbolic_name), ' undeployed.'));
  } catch (e) {
    fill($('#registry-message'), errorMessage(e, 'cannot undeploy ' + b.symbolic_name));
  }
  await load();
}

$('#deploy-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const f = $('#bundle-file').files[0];
  const out = $('#deploy-result');
  if (!f) {
    fill(out, message('error', 'Choose a bundle jar first.'));
    return;
  }
  const button = $('#deploy-button');
  button.disabled = true;
  fill(out, message('info', 'Deploying ', h('code', {}, f.name), ' (' + Math.round(f.size / 1024) + ' KB)…'));
  try {
    const r = await api('POST', '/api/bundles', await f.arrayBuffer(), 'application/java-archive');
    // components that have not registered their services (an unsatisfied reference, a failed activation) warn
    const components = Object.entries((r && r.components) || {});
    const waiting = components.filter(([, state]) => !['active', 'satisfied', 'disabled'].includes(state));
    fill(out, r && r.error
      ? message('error', h('strong', {}, r.symbolic_name + ': ' + r.state + '. '), r.error)
      : message(waiting.length ? 'error' : 'ok', 'Deployed ', h('code', {}, r.symbolic_name), ' ' + (r.version || '')
        + ' (bundle ' + r.id + ', ' + r.state + ')' + (components.length ? '; components: ' : '.'),
        ...components.map(([name, state], k) => h('span', {}, k ? ', ' : '', h('code', {}, name), ' ' + state)),
        waiting.length ? ' — not registered, see the server\'s log.' : ''));
  } catch (e) {
    fill(out, errorMessage(e, 'deploy refused'));
  } finally {
    button.disabled = false;
  }
  await load();
});

kindFilter.addEventListener('change', renderServices);
nameFilter.addEventListener('input', renderServices);

load();
