// The start page: the job list (polled every 2 s), filters, the submit form (a job file, its overrides and its input
// files), cancel, picking two jobs to compare.
import {
  $, api, duration, errorMessage, fill, getJson, h, header, isActive, message, progressBar, stateBadge, time,
} from './ui.js';

const POLL_MS = 2000;
const selected = new Set();
let pollTimer = null;
let loading = false;
let lastJobs = [];

header('jobs');

const stateFilter = $('#filter-state');
const nameFilter = $('#filter-name');
const query = new URLSearchParams(location.search);
stateFilter.value = query.get('state') || '';
nameFilter.value = query.get('name') || '';

async function refresh() {
  if (loading) return;
  loading = true;
  clearTimeout(pollTimer);
  const q = new URLSearchParams();
  if (stateFilter.value) q.set('state', stateFilter.value);
  if (nameFilter.value.trim()) q.set('name', nameFilter.value.trim());
  try {
    const jobs = await getJson('/api/jobs' + (q.toString() ? '?' + q : ''));
    lastJobs = jobs;
    render(jobs);
    fill($('#list-error'));
    fill($('#list-status'), jobs.length + ' job' + (jobs.length === 1 ? '' : 's') + ' · updated ' + time(new Date()
      .toISOString()));
  } catch (e) {
    fill($('#list-error'), errorMessage(e, 'cannot read the job list'));
  } finally {
    loading = false;
    pollTimer = setTimeout(refresh, POLL_MS);
  }
}

function render(jobs) {
  const body = $('#jobs tbody');
  if (jobs.length === 0) {
    const filtered = stateFilter.value || nameFilter.value.trim();
    fill(body, h('tr', {}, h('td', { colspan: 9, class: 'muted' },
      filtered ? 'No job matches the filter.' : 'No jobs yet: submit a job file above.')));
    return;
  }
  // rows of jobs already shown are updated cell by cell, so that a click on a checkbox or a button is not lost
  const shown = new Map([...body.querySelectorAll('tr.job-row')].map((r) => [r.dataset.id, r]));
  const rows = jobs.map((j) => {
    const fresh = row(j);
    const old = shown.get(String(j.id));
    if (!old || old.children.length !== fresh.children.length) return fresh;
    old.dataset.state = j.state;
    [...fresh.children].forEach((cell, i) => {
      if (old.children[i].outerHTML !== cell.outerHTML) old.children[i].replaceWith(cell);
    });
    return old;
  });
  const current = [...body.children];
  if (rows.length !== current.length || rows.some((r, i) => r !== current[i])) fill(body, rows);
  updateCompare();
}

function row(j) {
  const link = '/static/job.html?id=' + encodeURIComponent(j.id);
  const tick = h('input', {
    type: 'checkbox', checked: selected.has(j.id), 'aria-label': 'select job ' + j.id + ' to compare',
    onchange: (ev) => {
      if (ev.target.checked) selected.add(j.id);
      else selected.delete(j.id);
      updateCompare();
    },
  });
  const overrides = j.overrides && j.overrides.length
    ? h('div', { class: 'muted small mono' }, j.overrides.map((o) => '--set ' + o).join('  ')) : null;
  const error = j.error && j.state !== 'succeeded'
    ? h('div', { class: 'muted small', title: j.error }, j.error.length > 90 ? j.error.slice(0, 88) + '…' : j.error)
    : null;
  return h('tr', { dataset: { id: j.id, state: j.state }, class: 'job-row' },
    h('td', {}, tick),
    h('td', { class: 'num' }, h('a', { href: link }, String(j.id))),
    h('td', {}, h('a', { href: link, class: 'job-name' }, j.name), overrides),
    h('td', {}, stateBadge(j.state), error),
    h('td', {}, isActive(j.state) ? progressBar(j) : null),
    h('td', { class: 'nowrap', title: j.submitted || '' }, time(j.submitted)),
    h('td', { class: 'nowrap', title: j.finished || '' }, j.finished ? time(j.finished) : ''),
    h('td', { class: 'nowrap' }, j.started ? duration(j.started, j.finished) : ''),
    h('td', { class: 'right' }, isActive(j.state)
      ? h('button', { type: 'button', class: 'danger small', onclick: () => cancel(j) }, 'Cancel') : null));
}

async function cancel(j) {
  if (!confirm('Cancel job ' + j.id + ' (' + j.name + ')?')) return;
  try {
    await api('POST', '/api/jobs/' + encodeURIComponent(j.id) + '/cancel');
    fill($('#list-error'), message('ok', 'Job ' + j.id + ' is being cancelled.'));
  } catch (e) {
    fill($('#list-error'), errorMessage(e, 'cannot cancel job ' + j.id));
  }
  refresh();
}

function updateCompare() {
  for (const id of [...selected]) {
    if (!lastJobs.some((j) => j.id === id)) selected.delete(id);
  }
  const b = $('#compare-button');
  b.disabled = selected.size !== 2;
  b.textContent = selected.size === 2 ? 'Compare ' + [...selected].map((i) => '#' + i).join(' and ')
    : 'Compare selected (' + selected.size + '/2)';
}

$('#compare-button').addEventListener('click', () => {
  const [a, b] = [...selected].sort((x, y) => x - y);
  location.href = '/static/compare.html?a=' + encodeURIComponent(a) + '&b=' + encodeURIComponent(b);
});

// ---- filters -------------------------------------------------------------------------------------------------

function filtersChanged() {
  const q = new URLSearchParams();
  if (stateFilter.value) q.set('state', stateFilter.value);
  if (nameFilter.value.trim()) q.set('name', nameFilter.value.trim());
  history.replaceState(null, '', location.pathname + (q.toString() ? '?' + q : ''));
  refresh();
}

let nameTimer = null;
stateFilter.addEventListener('change', filtersChanged);
nameFilter.addEventListener('input', () => {
  clearTimeout(nameTimer);
  nameTimer = setTimeout(filtersChanged, 300);
});

// ---- submit --------------------------------------------------------------------------------------------------

const source = $('#job-source');
const overrides = $('#job-overrides');
const result = $('#submit-result');
const inputFiles = $('#job-inputs');
const inputFolder = $('#job-folder');
const inputsHint = $('#inputs-summary').textContent;

/** The input files chosen, as [file, name]: a file under its name, a folder's files under their paths in it. */
function chosenInputs() {
  return [...inputFiles.files].map((f) => [f, f.name])
    .concat([...inputFolder.files].map((f) => [f, f.webkitRelativePath || f.name]));
}

function showInputs() {
  const chosen = chosenInputs();
  if (!chosen.length) {
    fill($('#inputs-summary'), inputsHint);
    return;
  }
  const mb = chosen.reduce((n, [f]) => n + f.size, 0) / 1048576;
  const names = chosen.slice(0, 3).map(([, name]) => name).join(', ') + (chosen.length > 3 ? ', …' : '');
  fill($('#inputs-summary'), chosen.length + ' input file' + (chosen.length === 1 ? '' : 's') + ', '
    + (mb < 0.1 ? '< 0.1' : mb.toFixed(1)) + ' MB: ', h('code', {}, names));
}

inputFiles.addEventListener('change', showInputs);
inputFolder.addEventListener('change', showInputs);

$('#job-file').addEventListener('change', async (ev) => {
  const f = ev.target.files && ev.target.files[0];
  if (!f) return;
  source.value = await f.text();
  fill(result, message('info', 'Loaded ', h('code', {}, f.name), ' (' + f.size + ' bytes). Check it, then submit.'));
});

$('#clear-button').addEventListener('click', () => {
  source.value = '';
  overrides.value = '';
  $('#job-file').value = '';
  inputFiles.value = '';
  inputFolder.value = '';
  showInputs();
  fill(result);
});

$('#submit-form').addEventListener('submit', async (ev) => {
  ev.preventDefault();
  if (!source.value.trim()) {
    fill(result, message('error', 'The job file is empty: paste it or choose a file.'));
    return;
  }
  const q = new URLSearchParams();
  for (let line of overrides.value.split('\n')) {
    line = line.trim().replace(/^--set\s+/, '');
    if (line && !line.startsWith('#')) q.append('set', line);
  }
  const chosen = chosenInputs();
  const button = $('#submit-button');
  button.disabled = true;
  fill(result, message('info', chosen.length ? 'Uploading ' + chosen.length + ' input file(s), checking and '
    + 'submitting…' : 'Checking and submitting…'));
  try {
    let job;
    if (chosen.length) {
      // a multipart form: the job, its overrides and its files, each under the name the job reads it by
      const form = new FormData();
      form.append('job', source.value);
      for (const s of q.getAll('set')) form.append('set', s);
      for (const [f, name] of chosen) form.append('files', f, name);
      job = await api('POST', '/api/jobs', form);
    } else {
      job = await api('POST', '/api/jobs' + (q.toString() ? '?' + q : ''), source.value, 'application/yaml');
    }
    const link = '/static/job.html?id=' + encodeURIComponent(job.id);
    fill(result, message('ok', 'Job ', h('a', { href: link, id: 'submitted-link' }, '#' + job.id + ' ' + job.name),
      ' accepted: ' + job.state + (chosen.length ? ', with ' + chosen.length + ' input file(s).' : '.')));
    refresh();
  } catch (e) {
    fill(result, errorMessage(e, 'The job was refused'));
  } finally {
    button.disabled = false;
  }
});

refresh();
