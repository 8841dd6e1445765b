// The compare page (/static/compare.html?a=N&b=M): two jobs' headline numbers aligned by stage and result, with the
// difference, and their plots side by side.
import {
  $, duration, errorMessage, fill, getJson, h, header, num, param, seconds, stateBadge, time, unit,
} from './ui.js';
import { figure, headline, plotTitle, pngsByStage } from './results.js';

header('compare');

const selA = $('#job-a');
const selB = $('#job-b');
const onlyDiff = $('#only-diff');
let jobs = [];
let pair = null;

async function init() {
  try {
    jobs = await getJson('/api/jobs');
  } catch (e) {
    fill($('#compare-error'), errorMessage(e, 'cannot read the job list'));
    return;
  }
  const options = () => [h('option', { value: '' }, '— choose a job —'),
    jobs.map((j) => h('option', { value: String(j.id) }, '#' + j.id + ' ' + j.name + ' (' + j.state + ')'))];
  fill(selA, options());
  fill(selB, options());
  let a = param('a');
  let b = param('b');
  if (a && !b) {
    // the newest other job of the same name, else the newest other one that succeeded
    const ja = jobs.find((j) => String(j.id) === a);
    const other = jobs.find((j) => String(j.id) !== a && ja && j.name === ja.name)
      || jobs.find((j) => String(j.id) !== a && j.state === 'succeeded');
    b = other ? String(other.id) : '';
  }
  if (!a && !b && jobs.length >= 2) {
    a = String(jobs[1].id);
    b = String(jobs[0].id);
  }
  selA.value = a || '';
  selB.value = b || '';
  update();
}

async function update() {
  const a = selA.value;
  const b = selB.value;
  const q = new URLSearchParams();
  if (a) q.set('a', a);
  if (b) q.set('b', b);
  history.replaceState(null, '', location.pathname + (q.toString() ? '?' + q : ''));
  fill($('#compare-error'));
  if (!a || !b) {
    pair = null;
    fill($('#heads'), h('p', { class: 'muted' }, 'Choose two jobs.'));
    $('#numbers-section').hidden = true;
    $('#plots-section').hidden = true;
    return;
  }
  try {
    const [ja, jb] = await Promise.all([getJson('/api/jobs/' + encodeURIComponent(a)),
      getJson('/api/jobs/' + encodeURIComponent(b))]);
    pair = [ja, jb];
  } catch (e) {
    fill($('#compare-error'), errorMessage(e, 'cannot read the jobs'));
    return;
  }
  renderHeads();
  renderNumbers();
  renderPlots();
}

function jobCard(j, letter) {
  return h('div', { class: 'card' },
    h('h3', {}, letter + ': ', h('a', { href: '/static/job.html?id=' + encodeURIComponent(j.id) }, 'job ' + j.id + ' '
      + j.name), ' ', stateBadge(j.state)),
    h('div', { class: 'small' }, 'submitted ' + time(j.submitted),
      j.started ? ' · took ' + duration(j.started, j.finished) : ''),
    j.overrides && j.overrides.length ? h('div', { class: 'small mono' }, j.overrides.map((o) => '--set ' + o)
      .join('  ')) : null,
    j.error && j.state !== 'succeeded' ? h('div', { class: 'small muted' }, j.error) : null,
    !j.summary ? h('div', { class: 'small muted' }, 'no summary.json (yet)') : null);
}

function renderHeads() {
  const [a, b] = pair;
  fill($('#heads'), h('div', { class: 'compare-plots' }, jobCard(a, 'A'), jobCard(b, 'B')));
}

/** Union of keys in order of first appearance: A's order, then what only B has. */
function union(listA, listB, key) {
  const seen = new Set();
  const out = [];
  for (const x of [...listA, ...listB]) {
    const k = key(x);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(k);
    }
  }
  return out;
}

function renderNumbers() {
  const [a, b] = pair;
  const ha = headline(a);
  const hb = headline(b);
  const section = $('#numbers-section');
  section.hidden = !ha.rows.length && !hb.rows.length;
  if (section.hidden) return;
  const find = (hl, stage, name) => hl.rows.find((r) => r.stage === stage && r.name === name);
  const stageInfo = (hl, stage) => hl.stages.find((s) => s.stage === stage);
  const stages = union(ha.stages, hb.stages, (s) => s.stage);
  const body = [];
  for (const stage of stages) {
    const sa = stageInfo(ha, stage);
    const sb = stageInfo(hb, stage);
    const names = union(ha.rows.filter((r) => r.stage === stage), hb.rows.filter((r) => r.stage === stage),
      (r) => r.name);
    const rows = [];
    for (const name of names) {
      const ra = find(ha, stage, name);
      const rb = find(hb, stage, name);
      const va = ra ? ra.value : undefined;
      const vb = rb ? rb.value : undefined;
      const sameUnit = !ra || !rb || ra.unit === rb.unit;
      const numeric = typeof va === 'number' && typeof vb === 'number' && sameUnit;
      const differs = numeric ? Math.abs(vb - va) > 1e-12 * Math.max(Math.abs(va), Math.abs(vb))
        : va !== vb || !sameUnit;
      if (onlyDiff.checked && !differs) continue;
      let diff = '';
      let rel = '';
      if (numeric && differs) {
        diff = (vb > va ? '+' : '') + num(vb - va);
        if (va !== 0) rel = ' (' + (vb > va ? '+' : '') + num(Math.round(1000 * (vb - va) / Math.abs(va)) / 10) + ' %)';
      } else if (numeric) {
        diff = '=';
      }
      const u = sameUnit ? unit((ra || rb).unit) : unit(ra.unit) + ' / ' + unit(rb.unit);
      rows.push(h('tr', { class: differs ? 'differs' : null, dataset: { stage, name } },
        h('td', { class: stage === 'final state' ? 'mono' : null }, stage === 'final state' ? name
          : name.replace(/_/g, ' ')),
        h('td', { class: 'muted' }, u),
        h('td', { class: 'num', title: String(va) }, ra ? num(va) : '—'),
        h('td', { class: 'num', title: String(vb) }, rb ? num(vb) : '—'),
        h('td', { class: 'num diff' + (differs ? '' : ' muted') }, diff, h('span', { class: 'muted small' }, rel))));
    }
    if (!rows.length && onlyDiff.checked) continue;
    body.push(h('tr', { class: 'stage-row' },
      h('td', { colspan: 2, class: 'mono' }, stage),
      h('td', { class: 'num' }, sa ? stageStatus(sa) : h('span', { class: 'muted' }, 'not in A')),
      h('td', { class: 'num' }, sb ? stageStatus(sb) : h('span', { class: 'muted' }, 'not in B')),
      h('td', {})));
    body.push(rows);
  }
  fill($('#numbers'),
    h('thead', {}, h('tr', {}, h('th', {}, 'stage / result'), h('th', {}, 'unit'),
      h('th', { class: 'num' }, 'A: job ' + a.id), h('th', { class: 'num' }, 'B: job ' + b.id),
      h('th', { class: 'num' }, 'Δ B − A'))),
    h('tbody', {}, body.length ? body : h('tr', {}, h('td', { colspan: 5, class: 'muted' },
      'The two jobs give the same numbers.'))));
}

function stageStatus(s) {
  return [s.status ? stateBadge(s.status) : null,
    s.seconds !== undefined ? h('span', { class: 'muted small' }, ' ' + seconds(s.seconds)) : null];
}

function renderPlots() {
  const [a, b] = pair;
  const ga = pngsByStage(a);
  const gb = pngsByStage(b);
  const filesOf = (groups) => groups.flatMap((g) => [...g.plots, ...g.images].map((f) => ({ f, stage: g.stage })));
  const fa = filesOf(ga);
  const fb = filesOf(gb);
  const all = union(fa, fb, (x) => x.f);
  $('#plots-section').hidden = all.length === 0;
  const stageFor = (f) => (fa.find((x) => x.f === f) || fb.find((x) => x.f === f)).stage;
  const missing = (j) => h('figure', { class: 'plot missing' }, 'job ' + j.id + ' has no such plot');
  fill($('#plots'), all.map((f) => {
    const stage = stageFor(f);
    return h('div', { class: 'compare-plots', dataset: { file: f } },
      h('h3', {}, stage + ': ' + plotTitle(f, stage), h('span', { class: 'muted' }, '  ' + f)),
      fa.some((x) => x.f === f) ? figure(a.id, f, stage, 'A: job ' + a.id) : missing(a),
      fb.some((x) => x.f === f) ? figure(b.id, f, stage, 'B: job ' + b.id) : missing(b));
  }));
}

selA.addEventListener('change', update);
selB.addEventListener('change', update);
onlyDiff.addEventListener('change', () => pair && renderNumbers());
$('#swap').addEventListener('click', () => {
  const a = selA.value;
  selA.value = selB.value;
  selB.value = a;
  update();
});

init();
