// The cluster page (polled every 2 s): the cluster's members with the sweep points each is running, and the points
// of each sweep by state. Without a cluster it shows the server's note.
import { $, errorMessage, fill, getJson, h, header, message, time } from './ui.js';

const POLL_MS = 2000;

header('cluster');

async function refresh() {
  try {
    render(await getJson('/api/cluster'));
    fill($('#cluster-error'));
    fill($('#cluster-status'), 'Updated ' + time(new Date().toISOString()) + '.');
  } catch (e) {
    fill($('#cluster-error'), errorMessage(e, 'cannot read the cluster'));
  } finally {
    setTimeout(refresh, POLL_MS);
  }
}

function render(c) {
  $('#cluster-body').hidden = c.cluster === null;
  if (c.cluster === null) {
    fill($('#cluster-note'), message('info', c.note));
    return;
  }
  fill($('#cluster-note'));
  const running = c.points.filter((p) => p.state === 'running').length;
  const facts = [['cluster', h('strong', { class: 'mono' }, c.cluster)],
    ['members', String(c.members.length)], ['queued points', String(c.queued)], ['running points', String(running)]];
  fill($('#facts'), facts.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v))));
  renderMembers(c.members);
  renderSweeps(c.points);
}

function renderMembers(members) {
  fill($('#members tbody'), members.length ? members.map((m) => h('tr', { dataset: { id: m.id } },
    h('td', {}, h('span', { class: 'mono' }, m.address),
      m.local ? h('span', { class: 'badge state-succeeded', style: { marginLeft: '0.5rem' } }, 'this server') : null,
      h('div', { class: 'muted small mono' }, m.id)),
    h('td', {}, m.role),
    h('td', { class: 'num' }, String(m.workers)),
    h('td', {}, m.running.length ? m.running.map(pointProgress)
      : h('span', { class: 'muted' }, m.role === 'submitter' ? 'publishes points and collects their results'
        : 'idle')))) : h('tr', {}, h('td', { colspan: 4, class: 'muted' }, 'No members.')));
}

/** A running point: sweep and point, its stage and a bar of its progress (0 to 1). */
function pointProgress(p) {
  const pct = Math.round(100 * Math.max(0, Math.min(1, p.fraction)));
  return h('div', { class: 'progress point', title: p.sweep + ' ' + p.point + ' ' + (p.stage || '') },
    h('div', { class: 'progress-track' }, h('div', { class: 'progress-fill', style: { width: pct + '%' } })),
    h('div', { class: 'progress-label' },
      h('span', { class: 'mono' }, p.sweep + ' · ' + p.point + ' '),
      h('strong', {}, p.stage || 'starting…'),
      h('span', { class: 'muted' }, ' ' + pct + ' %'),
      p.attempt > 1 ? h('span', { class: 'muted', title: 'taken again after its member left' },
        ' (attempt ' + p.attempt + ')') : null));
}

function renderSweeps(points) {
  const sweeps = new Map();
  for (const p of points) {
    const s = sweeps.get(p.sweep) || { queued: 0, running: 0, finished: 0, total: 0 };
    s[p.state] = (s[p.state] || 0) + 1;
    s.total += 1;
    sweeps.set(p.sweep, s);
  }
  const names = [...sweeps.keys()].sort();
  fill($('#sweeps tbody'), names.length ? names.map((name) => {
    const s = sweeps.get(name);
    return h('tr', { dataset: { sweep: name } },
      h('td', { class: 'mono' }, name),
      h('td', { class: 'num' }, String(s.queued)),
      h('td', { class: 'num' }, String(s.running)),
      h('td', { class: 'num' }, String(s.finished)),
      h('td', { class: 'num' }, String(s.total)));
  }) : h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No sweep has points in the cluster.')));
}

refresh();
