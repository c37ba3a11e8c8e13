// The drafting page (docs/serve.md). No framework: the server does the
// work (the same check as `sanya check`, the splicing of `sanya renew`, the
// builder), this file shows it. The form is generated from /api/schema and
// the check's model; nothing here validates.
'use strict';

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids) if (k !== null && k !== undefined) e.append(k);
  return e;
};

// Typing pauses this long before the server checks and builds; with the
// server's ~25 ms and the page in view drawn, a keystroke shows in the
// preview within 150 ms (docs/serve.md).
const DEBOUNCE_MS = 25;
const LONG_TEXTS = new Set(['body', 'preamble', 'note']);

const state = {
  schema: null, // {root, records}
  name: null, // the open file
  version: null, // SHA-256 of the file as opened or last saved
  text: '',
  model: null, // the check's model: {value, fields}
  fieldsByPath: new Map(),
  checkSeq: 0,
  previewSeq: 0,
  pdfUrl: null,
  timer: null,
  pendingEdits: Promise.resolve(),
};

// ---- talking to the server ----

async function api(path, opts = {}) {
  const r = await fetch(path, { credentials: 'same-origin', ...opts });
  return r;
}

async function json(path, opts) {
  const r = await api(path, opts);
  let body = null;
  try { body = await r.json(); } catch (e) { body = { error: `${r.status} ${r.statusText}` }; }
  return { status: r.status, body };
}

const q = (name) => `name=${encodeURIComponent(name)}`;

function setStatus(text, isError = false) {
  const s = $('#status');
  s.textContent = text;
  s.classList.toggle('error', isError);
}

// ---- the list of agreements ----

function badge(text, cls) { return el('span', { class: `badge ${cls || ''}`, text }); }

async function loadFiles() {
  const { status, body } = await json('/api/files');
  const ul = $('#files');
  ul.replaceChildren();
  if (status !== 200) { setStatus(body.error || 'cannot list the folder', true); return; }
  for (const f of body.files) {
    const li = el('li', { dataset: { name: f.name }, tabindex: 0 },
      el('span', { class: 'file-title', text: f.title ? (f.title.en || f.title.km) : f.id }),
      el('span', { class: 'file-name', text: f.name }), el('br'));
    if (f.errors) li.append(badge(`${f.errors} error${f.errors > 1 ? 's' : ''}`, 'bad'));
    if (f.warnings) li.append(badge(`${f.warnings} warning${f.warnings > 1 ? 's' : ''}`, 'warn'));
    const st = f.status;
    if (st) {
      if (st.pending) li.append(badge(`${st.pending} approval${st.pending > 1 ? 's' : ''} pending`, 'warn'));
      if (st.renewal === 'due') li.append(badge(`renewal due by ${st.renew_by}`, 'warn'));
      if (st.renewal === 'past') li.append(badge(`renewal past ${st.renew_by}`, 'bad'));
      if (st.leadership_changes) li.append(badge('leadership changed', 'warn'));
      if (!st.pending && st.renewal === 'fine' && !st.leadership_changes && !f.errors) li.append(badge('ok', 'ok'));
    }
    if (f.name === state.name) li.classList.add('open');
    li.addEventListener('click', () => openFile(f.name));
    li.addEventListener('keydown', (e) => { if (e.key === 'Enter') openFile(f.name); });
    ul.append(li);
  }
}

async function openFile(name) {
  const { status, body } = await json(`/api/file?${q(name)}`);
  if (status !== 200) { setStatus(body.error, true); return; }
  state.name = name;
  state.version = body.version;
  state.text = body.text;
  $('#yaml').value = body.text;
  $('#current').textContent = name;
  $('#editor').hidden = false;
  $('#save').disabled = false;
  for (const li of document.querySelectorAll('#files li')) li.classList.toggle('open', li.dataset.name === name);
  setStatus('');
  updateGutter();
  state.model = null;
  await refresh({ rebuildForm: true });
}

// ---- check and preview ----

// Runs the check (diagnostics and the form's model) and the preview of the
// current text; the newest request wins.
async function refresh({ rebuildForm = false } = {}) {
  const text = state.text;
  const seq = ++state.checkSeq;
  const check = json(`/api/check?${q(state.name)}`, { method: 'POST', body: text });
  preview(text);
  const { status, body } = await check;
  if (seq !== state.checkSeq) return;
  if (status !== 200) { setStatus(body.error || 'check failed', true); return; }
  const oldShape = shapeOf(state.model);
  state.model = body.model;
  state.fieldsByPath = new Map((body.model ? body.model.fields : []).map((f) => [f.path, f]));
  if (body.model && (rebuildForm || shapeOf(body.model) !== oldShape)) buildForm();
  else if (body.model) syncForm();
  showDiagnostics(body.diagnostics || []);
}

// The form is rebuilt only when the lists change length (a new article)
// or the YAML was edited, never under the person's cursor.
function shapeOf(model) {
  if (!model) return '';
  return model.fields.filter((f) => f.kind !== 'scalar').map((f) => f.path).join('|');
}

async function preview(text) {
  const seq = ++state.previewSeq;
  const since = state.lastInputAt;
  const box = $('#preview');
  box.dataset.state = 'loading';
  const r = await api(`/api/preview?${q(state.name)}`, { method: 'POST', body: text });
  if (seq !== state.previewSeq) return;
  if (r.status !== 200) {
    let diags = [];
    try { diags = (await r.json()).diagnostics || []; } catch (e) { /* not JSON */ }
    box.replaceChildren(el('ul', { class: 'preview-errors' },
      ...diags.filter((d) => d.severity === 'error').map((d) => el('li', { text: diagText(d) }))));
    box.dataset.pages = '0';
    box.dataset.state = 'error';
    $('#preview-info').textContent = '(not built: fix the errors)';
    return;
  }
  const bytes = new Uint8Array(await r.arrayBuffer());
  if (seq !== state.previewSeq) return;
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  // Ready as soon as the page in view shows the new PDF; the other pages
  // follow (renderPdf).
  const shown = (pages) => {
    if (state.pdfUrl) URL.revokeObjectURL(state.pdfUrl);
    state.pdfUrl = url;
    box.dataset.pdfUrl = url;
    box.dataset.pages = String(pages);
    // keystroke to preview: from the last edit to the page in view drawn
    if (since !== undefined) box.dataset.latencyMs = String(Math.round(performance.now() - since));
    box.dataset.state = 'ready';
    $('#preview-info').textContent = `(${pages} page${pages > 1 ? 's' : ''})`;
  };
  try {
    const done = await renderPdf(box, bytes, url, seq, shown);
    if (!done) URL.revokeObjectURL(url); // a newer preview took over first
  } catch (e) {
    if (seq !== state.previewSeq) return;
    box.dataset.state = 'error';
    box.replaceChildren(el('p', { class: 'preview-errors', text: `cannot show the PDF: ${e}` }));
  }
}

let pdfjs; // the module, or false when it is not built in
let pdfWorker; // one worker for every preview: starting one costs ~100 ms
async function loadPdfjs() {
  if (pdfjs !== undefined) return pdfjs;
  try {
    pdfjs = await import('/assets/pdf.min.mjs');
    pdfjs.GlobalWorkerOptions.workerSrc = '/assets/pdf.worker.min.mjs';
    pdfWorker = new pdfjs.PDFWorker({ name: 'sanya-preview' });
  } catch (e) {
    pdfjs = false;
  }
  return pdfjs;
}

// The page numbers of a new PDF of n pages, those in view first (by the
// canvases drawn before), then the others in order.
function pagesInViewFirst(box, n) {
  const view = box.getBoundingClientRect();
  const seen = [];
  for (const c of box.querySelectorAll('canvas')) {
    const r = c.getBoundingClientRect();
    const i = Number(c.dataset.page);
    if (i <= n && r.bottom > view.top && r.top < view.bottom) seen.push(i);
  }
  if (!seen.length) seen.push(1);
  const rest = [];
  for (let i = 1; i <= n; i++) if (!seen.includes(i)) rest.push(i);
  return seen.concat(rest);
}

// Draws the pages into canvases (pdf.js; glyphs as paths, which spares
// loading the PDF's fonts into the page each time), each replacing the
// canvas of the same page as soon as it is drawn, the page in view first;
// shown(pages) is called once that one is up. Without pdf.js the PDF goes
// to the browser's own viewer. Returns false when a newer preview started
// before anything was shown.
async function renderPdf(box, bytes, url, seq, shown) {
  const lib = await loadPdfjs();
  if (!lib) {
    const text = new TextDecoder('latin1').decode(bytes);
    const pages = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) || []).length;
    box.replaceChildren(el('iframe', { src: url, title: 'preview' }));
    shown(pages);
    return true;
  }
  const doc = await lib.getDocument({ data: bytes.slice(), isEvalSupported: false,
    disableFontFace: true, worker: pdfWorker }).promise;
  const n = doc.numPages;
  const width = Math.max(box.clientWidth, 300);
  let first = true;
  try {
    for (const i of pagesInViewFirst(box, n)) {
      if (seq !== state.previewSeq) break;
      const page = await doc.getPage(i);
      const base = page.getViewport({ scale: 1 });
      const vp = page.getViewport({ scale: (width / base.width) * (window.devicePixelRatio || 1) });
      const c = el('canvas', { width: Math.round(vp.width), height: Math.round(vp.height), dataset: { page: i } });
      await page.render({ canvasContext: c.getContext('2d'), viewport: vp }).promise;
      if (seq !== state.previewSeq) break;
      if (first) { // what is not a page of this PDF (an error list, a viewer) goes
        for (const k of [...box.children]) if (k.tagName !== 'CANVAS' || Number(k.dataset.page) > n) k.remove();
      }
      const old = box.querySelector(`canvas[data-page="${i}"]`);
      if (old) old.replaceWith(c);
      else box.insertBefore(c, [...box.querySelectorAll('canvas')].find((k) => Number(k.dataset.page) > i) || null);
      if (first) { first = false; shown(n); }
    }
  } finally {
    doc.destroy();
  }
  return !first;
}

// ---- diagnostics: beside the field and at the line ----

// A diagnostic's message with its "did you mean" (the server sends the
// suggested word apart, as `sanya check --json` does).
function messageOf(d) {
  return d.suggestion ? `${d.message} (did you mean "${d.suggestion}"?)` : d.message;
}

function diagText(d) {
  const where = [d.line ? `line ${d.line}` : null, d.path].filter(Boolean).join(', ');
  return `${d.severity === 'error' ? '' : d.severity + ': '}${messageOf(d)}${where ? ` (${where})` : ''}`;
}

function fieldFor(path) {
  // the field itself, else the nearest one above it (parties[1].signatory
  // -> parties[1]), so every problem shows somewhere in the form
  let p = path;
  while (p) {
    const f = document.querySelector(`#form .field[data-path="${CSS.escape(p)}"]`);
    if (f) return f;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  return null;
}

function showDiagnostics(diags) {
  for (const f of document.querySelectorAll('#form .field.has-error')) f.classList.remove('has-error');
  for (const e of document.querySelectorAll('#form .field-error')) e.remove();
  const list = $('#yaml-errors');
  list.replaceChildren();
  const errLines = new Set();
  for (const d of diags) {
    if (d.severity === 'note') continue;
    const sameFile = !d.file || d.file === state.name;
    if (d.line && sameFile) {
      if (d.severity === 'error') errLines.add(d.line);
      const li = el('li', { dataset: { line: d.line }, class: d.severity, text: diagText(d) });
      li.addEventListener('click', () => goToLine(d.line));
      list.append(li);
    } else {
      list.append(el('li', { class: d.severity, text: `${d.file ? d.file + ': ' : ''}${diagText(d)}` }));
    }
    if (d.path && sameFile) {
      const f = fieldFor(d.path);
      if (f) {
        f.classList.add('has-error');
        f.append(el('div', { class: 'field-error', text: messageOf(d) }));
      }
    }
  }
  state.errLines = errLines;
  updateGutter();
}

function updateGutter() {
  const g = $('#yaml-gutter');
  const n = $('#yaml').value.split('\n').length;
  const errs = state.errLines || new Set();
  const frag = document.createDocumentFragment();
  for (let i = 1; i <= n; i++) {
    frag.append(el('div', { class: errs.has(i) ? 'ln err' : 'ln', dataset: { line: i }, text: i }));
  }
  g.replaceChildren(frag);
  g.scrollTop = $('#yaml').scrollTop;
}

function goToLine(line) {
  const t = $('#yaml');
  const lines = t.value.split('\n');
  let at = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) at += lines[i].length + 1;
  t.focus();
  t.setSelectionRange(at, at + (lines[line - 1] || '').length);
  t.scrollTop = Math.max(0, (line - 5) * 18);
}

// ---- the form, from the schema and the model ----

function valueAt(path) {
  const f = state.fieldsByPath.get(path);
  if (!f || f.value === undefined || f.value === null) return '';
  return String(f.value);
}

function countAt(path) {
  return state.model ? state.model.fields.filter((f) => f.path.startsWith(path + '[') &&
    /^\[\d+\]$/.test(f.path.slice(path.length))).length : 0;
}

function join(prefix, key) { return prefix ? `${prefix}.${key}` : key; }

function inputFor(path, field, long) {
  let input;
  if (field && field.choices) {
    input = el('select', { 'data-path': path });
    const cur = valueAt(path);
    if (!field.choices.includes(cur)) input.append(el('option', { value: cur, text: cur || '—' }));
    for (const c of field.choices) input.append(el('option', { value: c, text: c }));
    input.value = cur;
  } else if (long) {
    input = el('textarea', { 'data-path': path, rows: 4 });
    input.value = valueAt(path);
  } else {
    input = el('input', { 'data-path': path, type: 'text',
      placeholder: field && field.type === 'date' ? 'YYYY-MM-DD' : undefined });
    input.value = valueAt(path);
  }
  input.addEventListener('input', () => formEdited(input));
  return input;
}

function plainField(path, label, field, long) {
  return el('div', { class: `field${field && field.required ? ' required' : ''}`, dataset: { path },
    title: field ? field.description : undefined },
  el('label', { text: label }), inputFor(path, field, long));
}

function bilingualField(path, label, field) {
  const long = LONG_TEXTS.has(field.key);
  return el('div', { class: `field${field.required ? ' required' : ''}`, dataset: { path }, title: field.description },
    el('label', { text: label }),
    el('div', { class: 'pair' },
      el('div', { class: 'field', dataset: { path: `${path}.km` } },
        el('label', { text: 'ខ្មែរ', lang: 'km' }), inputFor(`${path}.km`, null, long)),
      el('div', { class: 'field', dataset: { path: `${path}.en` } },
        el('label', { text: 'English' }), inputFor(`${path}.en`, null, long))));
}

function signatoryField(path, field) {
  const box = el('fieldset', { class: 'field', dataset: { path } }, el('legend', { text: 'signatory' }));
  const office = plainField(`${path}.office`, 'office (from the roster: type a name or an office)', null, false);
  const input = $('input', office);
  const listId = `roster-${path.replace(/[^a-z0-9]/gi, '-')}`;
  input.setAttribute('list', listId);
  const datalist = el('datalist', { id: listId });
  let t = null;
  input.addEventListener('input', () => {
    clearTimeout(t);
    t = setTimeout(async () => {
      const { body } = await json(`/api/roster?q=${encodeURIComponent(input.value)}`);
      datalist.replaceChildren(...(body.entries || []).map((e) => el('option', { value: e.office,
        text: `${e.holder ? e.holder.en + ' — ' : ''}${e.title.en || ''}` })));
    }, 120);
  });
  box.append(office, datalist);
  for (const f of state.schema.records.signatory) {
    if (f.key === 'office') continue;
    box.append(bilingualField(`${path}.${f.key}`, f.key, f));
  }
  return box;
}

function approvalRow(path, i) {
  const fields = Object.fromEntries(state.schema.records.approval.map((f) => [f.key, f]));
  const p = `${path}[${i}]`;
  const done = valueAt(`${p}.date`) !== '';
  return el('fieldset', { class: 'field', dataset: { path: p } },
    el('legend', { text: `approval ${i + 1}` }),
    el('div', { class: 'approval' },
      el('span', { class: 'done', title: done ? 'approved' : 'pending', text: done ? '☑' : '☐' }),
      plainField(`${p}.step`, 'step', fields.step), plainField(`${p}.party`, 'party', fields.party),
      plainField(`${p}.date`, 'date', fields.date), plainField(`${p}.ref`, 'ref', fields.ref)));
}

function recordFields(record, prefix) {
  const frag = document.createDocumentFragment();
  for (const f of state.schema.records[record]) {
    const path = join(prefix, f.key);
    // an optional map or list the file does not have stays folded
    if (!f.required && (f.type === 'map' || f.type === 'list') && !state.fieldsByPath.has(path)) {
      const d = el('details', { class: 'absent' }, el('summary', { text: `${f.key} (not in the file: ${f.description})` }));
      d.addEventListener('toggle', () => {
        if (d.open && d.childElementCount === 1) d.append(f.type === 'list' ? listField(path, f) : recordFields(f.record, path));
      }, { once: true });
      frag.append(d);
      continue;
    }
    if (f.type === 'bilingual') {
      frag.append(bilingualField(path, f.key, f));
    } else if (f.type === 'map' && f.record === 'signatory') {
      frag.append(signatoryField(path, f));
    } else if (f.type === 'map') {
      const fs = el('fieldset', { class: 'field', dataset: { path } }, el('legend', { text: f.key }));
      fs.append(recordFields(f.record, path));
      frag.append(fs);
    } else if (f.type === 'list') {
      frag.append(listField(path, f));
    } else {
      frag.append(plainField(path, f.key, f, false));
    }
  }
  return frag;
}

function listField(path, f) {
  const n = countAt(path);
  const fs = el('fieldset', { class: 'field', dataset: { path } }, el('legend', { text: `${f.key} (${n})` }));
  for (let i = 0; i < n; i++) {
    if (f.record === 'approval') { fs.append(approvalRow(path, i)); continue; }
    const item = el('fieldset', { class: 'field', dataset: { path: `${path}[${i}]` } },
      el('legend', { text: f.record === 'article' ? `Article ${i + 1}` : `${f.record} ${i + 1}` }));
    item.append(recordFields(f.record, `${path}[${i}]`));
    fs.append(item);
  }
  if (f.record === 'article') {
    const add = el('button', { type: 'button', class: 'add', text: 'Add an article' });
    add.addEventListener('click', () => edit(`${path}[${n}].title.en`, 'New article'));
    fs.append(add);
  }
  return fs;
}

function buildForm() {
  const form = $('#form');
  const focused = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.path : null;
  form.replaceChildren(recordFields(state.schema.root, ''));
  if (focused) {
    const again = form.querySelector(`[data-path="${CSS.escape(focused)}"]:is(input,select,textarea)`);
    if (again) again.focus();
  }
}

// Values the person is not typing in follow the text.
function syncForm() {
  for (const input of document.querySelectorAll('#form [data-path]:is(input,select,textarea)')) {
    if (input === document.activeElement) continue;
    const v = valueAt(input.dataset.path);
    if (input.value !== v) input.value = v;
  }
}

// ---- editing ----

function schedule(fn) {
  state.lastInputAt = performance.now(); // for #preview's data-latency-ms
  clearTimeout(state.timer);
  state.timer = setTimeout(fn, DEBOUNCE_MS);
}

const dirtyInputs = new Map(); // path -> input, edits waiting for the debounce

function formEdited(input) {
  dirtyInputs.set(input.dataset.path, input);
  schedule(flushFormEdits);
}

async function flushFormEdits() {
  const edits = [...dirtyInputs.entries()];
  dirtyInputs.clear();
  for (const [path, input] of edits) await edit(path, input.value, false);
  await refresh();
}

// Splices one value into the text at its place (the server keeps
// comments, order and quoting), then checks and previews.
async function edit(path, value, andRefresh = true) {
  const { status, body } = await json(`/api/edit?${q(state.name)}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ text: state.text, path, value }),
  });
  if (status !== 200) { setStatus(body.error || 'cannot edit', true); return; }
  state.text = body.text;
  const t = $('#yaml');
  const top = t.scrollTop;
  t.value = body.text;
  t.scrollTop = top;
  updateGutter();
  if (andRefresh) await refresh();
}

async function save() {
  const { status, body } = await json(`/api/save?${q(state.name)}&version=${encodeURIComponent(state.version)}`,
    { method: 'POST', body: state.text });
  if (status === 200) {
    state.version = body.version;
    const errors = (body.diagnostics || []).filter((d) => d.severity === 'error').length;
    setStatus(errors ? `saved (with ${errors} error${errors > 1 ? 's' : ''} to fix)` : 'saved');
    loadFiles();
  } else {
    setStatus(body.error || `not saved (${status})`, true);
  }
}

async function newAgreement() {
  const dlg = $('#new-dialog');
  dlg.showModal();
  dlg.addEventListener('close', async () => {
    if (dlg.returnValue !== 'ok') return;
    const fd = new FormData($('#new-form'));
    const { status, body } = await json('/api/new', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ template: fd.get('template'), name: fd.get('name'),
        parties: String(fd.get('parties')).split(',').map((s) => s.trim()).filter(Boolean) }),
    });
    if (status === 201) { await loadFiles(); openFile(body.name); } else setStatus(body.error || `${status}`, true);
  }, { once: true });
}

// ---- start ----

async function main() {
  const { status, body } = await json('/api/schema');
  if (status !== 200) { setStatus(body.error || 'no schema', true); return; }
  state.schema = body;
  const t = $('#yaml');
  t.addEventListener('input', () => {
    state.text = t.value;
    updateGutter();
    schedule(() => refresh({ rebuildForm: true }));
  });
  t.addEventListener('scroll', () => { $('#yaml-gutter').scrollTop = t.scrollTop; });
  $('#save').addEventListener('click', save);
  $('#new').addEventListener('click', newAgreement);
  await loadFiles();
}

main();
