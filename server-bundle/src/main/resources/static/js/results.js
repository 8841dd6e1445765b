// What the job page and the compare page read from a job: its stages, its PNG files grouped by stage, its headline
// numbers.
import { fileUrl, h, loadImage } from './ui.js';

/** @return the stage names of a job, in chain order: from summary.json, else from the job file ("use: …") */
export function stageNames(job) {
  if (job.summary && Array.isArray(job.summary.stages)) {
    return job.summary.stages.map((s) => s.stage);
  }
  const names = [];
  const re = /^\s*-?\s*(?:use|"use")\s*:\s*["']?([A-Za-z0-9_.-]+)/gm;
  let m;
  while ((m = re.exec(job.source || '')) !== null) names.push(m[1]);
  return names;
}

/** @return the stage a result file belongs to: listed in that stage's summary, or named after it, else null */
export function stageOf(file, job, names = stageNames(job)) {
  if (job.summary && Array.isArray(job.summary.stages)) {
    const s = job.summary.stages.find((st) => Array.isArray(st.files) && st.files.includes(file));
    if (s) return s.stage;
  }
  let best = null;
  for (const n of names) {
    if ((file.startsWith(n + '-') || file.startsWith(n + '/')) && (!best || n.length > best.length)) best = n;
  }
  return best;
}

/**
 * The job's PNG files by stage, in chain order: plots (files in the job's folder) and images (slices and fields,
 * in a stage's own folder).
 * @return [{stage, plots: [file], images: [file]}]
 */
export function pngsByStage(job) {
  const names = stageNames(job);
  const groups = new Map(names.map((n) => [n, { stage: n, plots: [], images: [] }]));
  for (const f of job.files || []) {
    if (!f.toLowerCase().endsWith('.png')) continue;
    const stage = stageOf(f, job, names) || 'other';
    if (!groups.has(stage)) groups.set(stage, { stage, plots: [], images: [] });
    (f.includes('/') ? groups.get(stage).images : groups.get(stage).plots).push(f);
  }
  return [...groups.values()].filter((g) => g.plots.length || g.images.length);
}

/** "dem.calender-porosity-pressure.png" of stage dem.calender → "porosity pressure" */
export function plotTitle(file, stage) {
  let t = file;
  if (stage && (t.startsWith(stage + '-') || t.startsWith(stage + '/'))) t = t.slice(stage.length + 1);
  t = t.replace(/\.png$/i, '').replace(/[-_]/g, ' ');
  return t;
}

/**
 * A figure with the image (loaded with the token if reading needs it), linked to the full-size file. The caption
 * names the stage and the plot, or is `label` if given.
 */
export function figure(jobId, file, stage, label) {
  const url = fileUrl(jobId, file);
  const img = h('img', { alt: plotTitle(file, stage) + ' (' + file + ')', class: 'plot-image' });
  loadImage(img, url);
  return h('figure', { class: 'plot', dataset: { file } },
    h('a', { href: url, target: '_blank', rel: 'noopener', title: 'open at full size' }, img),
    label ? h('figcaption', {}, label)
      : h('figcaption', {}, stage ? h('span', { class: 'stage-tag' }, stage) : null, h('strong', {}, plotTitle(file,
        stage)), h('span', { class: 'muted file-name' }, file)));
}

/**
 * The headline numbers of a job as rows: one per stage and result (value, unit), then the final state scalars
 * under the pseudo-stage "final state".
 * @return {stages: [{stage, status, seconds, error}], rows: [{stage, name, value, unit}]}
 */
export function headline(job) {
  const stages = [];
  const rows = [];
  const summary = job.summary;
  if (!summary) return { stages, rows };
  for (const s of summary.stages || []) {
    stages.push({ stage: s.stage, status: s.status, seconds: s.seconds, error: s.error, notes: s.notes });
    for (const [name, r] of Object.entries(s.results || {})) {
      rows.push({ stage: s.stage, name, value: r && r.value, unit: r && r.unit });
    }
  }
  if (summary.state && Object.keys(summary.state).length) {
    stages.push({ stage: 'final state', status: summary.status });
    for (const [name, r] of Object.entries(summary.state)) {
      rows.push({ stage: 'final state', name, value: r && r.value, unit: r && r.unit });
    }
  }
  return { stages, rows };
}
