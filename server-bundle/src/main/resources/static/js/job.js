// The job page (/static/job.html?id=N): state, live progress (server-sent events), error, headline numbers per stage,
// plots and images, files, the input files it was submitted with, the job file.
import {
  $, api, downloadLink, duration, errorMessage, fileUrl, fill, followEvents, getJson, h, header, isActive, message,
  num, param, progressBar, seconds, stateBadge, time, unit,
} from './ui.js';
import { figure, pngsByStage, stageOf, stageNames } from './results.js';

header('jobs');

const id = param('id');
let job = null;
let shownFiles = null;
let shownSummary = null;
let following = false;

async function load() {
  try {
    job = await getJson('/api/jobs/' + encodeURIComponent(id));
  } catch (e) {
    fill($('#load-error'), errorMessage(e, 'cannot read job ' + id));
    return false;
  }
  fill($('#load-error'));
  $('#job-body').hidden = false;
  render();
  return true;
}

function render() {
  document.title = 'Job ' + job.id + ' ' + job.name + ' — calsim lab server';
  renderTitle();
  renderFacts();
  renderProgress();
  renderError();
  const filesKey = (job.files || []).join('\n');
  if (filesKey !== shownFiles) {
    shownFiles = filesKey;
    renderImages();
    renderFiles();
  }
  const summaryKey = JSON.stringify(job.summary || null);
  if (summaryKey !== shownSummary) {
    shownSummary = summaryKey;
    renderSummary();
  }
  if (!$('#source').textContent) {
    renderInputs();
    fill($('#source'), job.source || '');
    fill($('#overrides'), job.overrides && job.overrides.length
      ? h('p', {}, 'Overrides: ', job.overrides.map((o) => [h('code', {}, '--set ' + o), ' '])) : null);
  }
}

function renderTitle() {
  fill($('#title'),
    h('h1', {}, 'Job ' + job.id + ' ', h('span', { class: 'muted' }, job.name)),
    h('span', { id: 'job-state' }, stateBadge(job.state)),
    h('div', { class: 'actions' },
      isActive(job.state) ? h('button', { type: 'button', class: 'danger', onclick: cancel }, 'Cancel') : null,
      h('a', { class: 'button secondary', href: '/static/compare.html?a=' + encodeURIComponent(job.id) },
        'Compare with…'),
      (job.files || []).length && !isActive(job.state) ? downloadLink('/api/jobs/' + encodeURIComponent(job.id) + '/results.zip',
        'Download results.zip', 'job-' + job.id + '.zip') : null));
  const zip = $('#title a[download]');
  if (zip) zip.classList.add('button');
}

function renderFacts() {
  const facts = [
    ['submitted', time(job.submitted), job.submitted],
    ['started', time(job.started), job.started],
    ['finished', job.finished ? time(job.finished) : '—', job.finished],
    [job.finished ? 'took' : 'running for', job.started ? duration(job.started, job.finished) : '—'],
  ];
  if (job.attempts > 1) facts.push(['attempts', String(job.attempts) + ' (resumed after a server restart)']);
  if (job.queue_position !== undefined) {
    facts.push(['queue', job.queue_position === 0 ? 'next to run' : job.queue_position + ' job(s) ahead']);
  }
  fill($('#facts'), facts.map(([k, v, title]) => h('div', {}, h('dt', {}, k), h('dd', { title: title || '' }, v))));
}

function renderProgress() {
  const live = $('#live');
  live.hidden = !isActive(job.state);
  if (live.hidden) return;
  const bar = progressBar(job);
  if (bar instanceof Element) bar.classList.add('big');
  fill($('#progress'), bar, job.progress && job.progress.message
    ? h('p', { class: 'muted small mono' }, job.progress.message) : null);
}

function renderError() {
  if (job.error && job.state !== 'succeeded') {
    fill($('#error'), message(job.state === 'cancelled' ? 'info' : 'error',
      h('strong', {}, job.state === 'cancelled' ? 'Cancelled: ' : 'Failed: '), job.error));
  } else {
    fill($('#error'));
  }
}

function renderSummary() {
  const s = job.summary;
  $('#results-section').hidden = !s;
  if (!s) return;
  fill($('#summary-info'), '(' + (s.status || '') + (s.seconds !== undefined ? ', ' + seconds(s.seconds) : '') + ')');
  fill($('#description'), s.description || '');
  fill($('#stages'), (s.stages || []).map(stageCard));
  const state = Object.entries(s.state || {});
  fill($('#final-state'), state.length ? [
    h('h3', {}, 'Final state of the chain'),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', {}, 'entry'), h('th', { class: 'num' }, 'value'), h('th', {}, 'unit'))),
      h('tbody', {}, state.map(([k, r]) => h('tr', {},
        h('td', { class: 'mono' }, k), h('td', { class: 'num', title: String(r && r.value) }, num(r && r.value)),
        h('td', { class: 'muted' }, unit(r && r.unit))))))),
  ] : null);
}

function stageCard(st) {
  const results = Object.entries(st.results || {});
  const notes = Object.entries(st.notes || {});
  return h('article', { class: 'stage-card', dataset: { stage: st.stage } },
    h('header', {}, h('h3', {}, st.stage), stateBadge(st.status),
      h('span', { class: 'muted' }, st.seconds !== undefined ? seconds(st.seconds) : '')),
    st.error ? message(st.status === 'cancelled' ? 'info' : 'error', st.error) : null,
    results.length ? h('table', {}, h('tbody', {}, results.map(([name, r]) => h('tr', {},
      h('td', { class: 'name' }, name.replace(/_/g, ' ')),
      h('td', { class: 'num', title: String(r && r.value) }, num(r && r.value)),
      h('td', { class: 'unit' }, unit(r && r.unit)))))) : null,
    notes.length ? h('ul', { class: 'notes' }, notes.map(([k, v]) => h('li', {}, h('strong', {}, k.replace(/_/g,
      ' ') + ': '), String(v)))) : null);
}

function renderImages() {
  const groups = pngsByStage(job);
  const plots = groups.filter((g) => g.plots.length);
  const images = groups.filter((g) => g.images.length);
  $('#plots-section').hidden = plots.length === 0;
  $('#images-section').hidden = images.length === 0;
  // one gallery in chain order; each caption names the stage
  fill($('#plots'), h('div', { class: 'gallery' }, plots.flatMap((g) => g.plots.map((f) => figure(job.id, f,
    g.stage)))));
  fill($('#images'), h('div', { class: 'gallery' }, images.flatMap((g) => g.images.map((f) => figure(job.id, f,
    g.stage)))));
}

function renderFiles() {
  const files = job.files || [];
  if (!files.length) {
    fill($('#files'), h('p', { class: 'muted' }, isActive(job.state) ? 'No result files yet.' : 'No result files.'));
    return;
  }
  const names = stageNames(job);
  const groups = new Map();
  for (const f of files) {
    const s = stageOf(f, job, names) || 'job';
    if (!groups.has(s)) groups.set(s, []);
    groups.get(s).push(f);
  }
  const order = [...groups.keys()].sort((a, b) => rank(a, names) - rank(b, names));
  fill($('#files'),
    h('p', {}, downloadLink('/api/jobs/' + encodeURIComponent(job.id) + '/results.zip',
      'results.zip', 'job-' + job.id + '.zip'), h('span', { class: 'muted' }, ' — all ' + files.length + ' files')),
    order.map((s) => [h('h3', { class: 'mono' }, s),
      h('ul', { class: 'files' }, groups.get(s).map((f) => h('li', {}, downloadLink(fileUrl(job.id, f), f,
        f.split('/').pop())))),
    ]));
}

function renderInputs() {
  const inputs = job.inputs || [];
  $('#inputs-section').hidden = inputs.length === 0;
  fill($('#inputs'), inputs.length ? h('ul', { class: 'files' }, inputs.map((f) => h('li', {},
    downloadLink(fileUrl(job.id, 'inputs/' + f), f, f.split('/').pop())))) : null);
}

function rank(stage, names) {
  const i = names.indexOf(stage);
  return i < 0 ? (stage === 'job' ? -1 : names.length) : i;
}

async function cancel() {
  if (!confirm('Cancel job ' + job.id + ' (' + job.name + ')?')) return;
  try {
    job = await api('POST', '/api/jobs/' + encodeURIComponent(job.id) + '/cancel');
    await load();
  } catch (e) {
    fill($('#error'), errorMessage(e, 'cannot cancel'));
  }
}

/** Follows the job's events while it is queued or running; reloads files as stages finish, everything at the end. */
async function follow() {
  if (following) return;
  following = true;
  let stage = job.progress ? job.progress.stage_index : -1;
  let reloading = null;
  try {
    while (job && isActive(job.state)) {
      let ended = false;
      try {
        await followEvents(job.id, (type, update) => {
          // the event carries the job without summary and files: keep what the page has
          job = { ...job, ...update };
          if (!update.progress) delete job.progress;
          if (update.queue_position === undefined) delete job.queue_position;
          renderTitle();
          renderFacts();
          renderProgress();
          renderError();
          const now = update.progress ? update.progress.stage_index : stage;
          if (now !== stage && !reloading) {
            stage = now;
            reloading = load().finally(() => { reloading = null; });
          }
          if (type === 'end') ended = true;
        });
      } catch (e) {
        // the stream broke (server restart, network): fall back to reading the job again after a pause
      }
      if (ended) break;
      await new Promise((r) => setTimeout(r, 2000));
      await load();
    }
    await load();
  } finally {
    following = false;
  }
}

if (!id) {
  fill($('#load-error'), message('error', 'No job given: open a job from the ', h('a', { href: '/' }, 'job list'),
    '.'));
} else {
  load().then((ok) => {
    if (ok && isActive(job.state)) follow();
  });
}
