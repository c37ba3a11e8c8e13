// The drafting page of `sanya serve`, as legal staff use it, in headless
// Chromium (Debian's) driven by puppeteer-core; the PDF the preview shows is
// read back with pdf.js. Run by tests/e2e/test-serve-browser.sh, which starts
// the server on a copy of examples/ and passes, in the environment:
//   SERVE_URL  the URL `sanya serve` printed (with its token)
//   SERVE_DIR  the folder it serves (the copy of examples/)
//   SERVE_OUT  where to write serve.png, the screenshot README shows
//   SANYA      the sanya binary (to build the same agreement for comparison)
//   CHROMIUM   the browser (default /usr/bin/chromium)
// and the folder of the npm packages (build/node) as its argument.
//
// The scenario, each step waiting 20 s at most and stopping at the first
// failure with what the page showed: open the URL (cookie, redirect to /);
// the list shows the examples; open moi-aple-2025.yaml; the preview becomes
// ready with the page count of `sanya build` and the signing date in its
// text; screenshot; type a bad signing date into the form: the error shows
// beside the field and at its line of the YAML view; type a good one: the
// errors go, the preview shows the new date as the document prints it, its
// page count is data-pages; save: the status says so, and the file on disk
// has the new date and differs from the original in that line alone (its
// comments kept); no JavaScript error in the page.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const WAIT_MS = 20000;
const NAME = 'moi-aple-2025.yaml';
const EXAMPLES = ['moi-aple-2025.yaml', 'ncct-coalition-2024.yaml', 'moeys-school-2023.yaml'];
const BAD_DATE = '2025-13-40';
const GOOD_DATE = '2025-07-01';
const OLD_DATE_TEXT = '12 June 2025'; // `sanya date 2025-06-12`, English line
const NEW_DATE_TEXT = '1 July 2025'; // `sanya date 2025-07-01`, English line

const nodeDir = process.argv[2];
const env = (k) => {
  const v = process.env[k];
  if (!v) { console.log(`FAIL: ${k} is not set (run tests/e2e/test-serve-browser.sh)`); process.exit(1); }
  return v;
};
const serveUrl = env('SERVE_URL');
const serveDir = env('SERVE_DIR');
const outDir = env('SERVE_OUT');
const sanya = env('SANYA');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';

const req = createRequire(path.join(path.resolve(nodeDir), 'package.json'));
const ppMod = await import(pathToFileURL(req.resolve('puppeteer-core')).href);
const puppeteer = ppMod.default && ppMod.default.launch ? ppMod.default : ppMod;
const pdfjs = await import(pathToFileURL(req.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href);

let passed = 0, failed = 0;
const ok = (msg) => { passed++; console.log(`ok: ${msg}`); };
class Stop extends Error {}
// A failed check stops the scenario: what follows depends on it.
const fail = (msg, details) => {
  failed++;
  console.log(`FAIL: ${msg}`);
  if (details) console.log(details);
  throw new Stop(msg);
};
const check = (cond, msg, detail) => (cond ? ok(msg) : fail(detail ? `${msg}: ${detail}` : msg));

// What the server and the page did, printed when something fails.
const apiLog = [];
const pageErrors = [];

async function pdfInfo(bytes) {
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0, isEvalSupported: false });
  const doc = await task.promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const tc = await (await doc.getPage(i)).getTextContent();
    for (const it of tc.items) text += it.str + (it.hasEOL ? '\n' : '');
    text += '\n';
  }
  const pages = doc.numPages;
  await task.destroy();
  return { pages, text: text.replace(/\s+/g, ' ') };
}

// What the page shows of the contract's parts, for failure messages.
async function snapshot(page) {
  try {
    return await page.evaluate(() => {
      const q = (s) => document.querySelector(s);
      const pv = q('#preview');
      const field = q('#form .field[data-path="signed"]');
      const input = q('#form [data-path="signed"]:is(input, textarea, select)');
      const parts = {
        url: location.pathname + location.search,
        files: [...document.querySelectorAll('#files li[data-name]')].map((li) => li.dataset.name).join(',') || (q('#files') ? '(empty)' : '(no #files)'),
        form: q('#form') ? `${document.querySelectorAll('#form [data-path]').length} [data-path] elements` : '(no #form)',
        signed: input ? JSON.stringify(input.value) : '(no input)',
        signedField: field ? `class="${field.className}" error=${JSON.stringify(field.querySelector('.field-error')?.textContent ?? null)}` : '(no .field)',
        yaml: q('#yaml') ? JSON.stringify((q('#yaml').value.match(/^signed:.*$/m) || ['(no signed: line)'])[0]) : '(no #yaml)',
        gutter: q('#yaml-gutter') ? [...document.querySelectorAll('#yaml-gutter .err')].map((e) => e.dataset.line).join(',') || '(no .err)' : '(no #yaml-gutter)',
        yamlErrors: q('#yaml-errors') ? [...document.querySelectorAll('#yaml-errors li')].map((e) => `${e.dataset.line}: ${e.textContent.trim()}`).join(' | ') || '(empty)' : '(no #yaml-errors)',
        preview: pv ? `state=${pv.dataset.state} pages=${pv.dataset.pages} pdf-url=${(pv.dataset.pdfUrl || '').slice(0, 60)}` : '(no #preview)',
        status: q('#status') ? JSON.stringify(q('#status').textContent.trim()) : '(no #status)',
      };
      return Object.entries(parts).map(([k, v]) => `    ${k}: ${v}`).join('\n');
    });
  } catch (e) {
    return `    (page unreadable: ${e.message})`;
  }
}

async function report(page) {
  let r = '  the page shows:\n' + (await snapshot(page));
  r += '\n  last API requests:\n' + (apiLog.slice(-12).map((l) => '    ' + l).join('\n') || '    (none)');
  if (pageErrors.length) r += '\n  page errors:\n' + pageErrors.slice(-8).map((l) => '    ' + l).join('\n');
  return r;
}

// Waits for fn (run in the page) to return a truthy value, or fails with what.
async function waitPage(page, what, fn, ...args) {
  try {
    const h = await page.waitForFunction(fn, { timeout: WAIT_MS, polling: 100 }, ...args);
    return await h.jsonValue();
  } catch (e) {
    if (e instanceof Stop) throw e;
    const why = e.name === 'TimeoutError' ? `not within ${WAIT_MS / 1000} s` : e.message.split('\n')[0];
    fail(`${what}: ${why}`, await report(page));
  }
}

// The PDF bytes the preview shows, fetched by the page's own JS.
async function previewPdf(page) {
  const r = await page.evaluate(async () => {
    const pv = document.querySelector('#preview');
    const url = pv && pv.dataset.pdfUrl;
    if (!url) return { error: '#preview has no data-pdf-url' };
    try {
      const res = await fetch(url);
      if (!res.ok) return { error: `fetch(${url.slice(0, 60)}) answered ${res.status}` };
      const b = new Uint8Array(await res.arrayBuffer());
      let s = '';
      for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));
      return { b64: btoa(s), type: res.headers.get('content-type'), pages: pv.dataset.pages, state: pv.dataset.state };
    } catch (e) {
      return { error: `fetch(${url.slice(0, 60)}) failed: ${e}` };
    }
  });
  if (r.error) fail(`the preview's PDF: ${r.error}`, await report(page));
  const bytes = Buffer.from(r.b64, 'base64');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
    fail(`the preview's data-pdf-url gives no PDF (${bytes.length} bytes, ${r.type}: ${JSON.stringify(bytes.subarray(0, 40).toString('latin1'))})`,
      await report(page));
  }
  return { bytes, dataPages: Number(r.pages), state: r.state, ...(await pdfInfo(bytes)) };
}

// Clears the signing date input and types value, key by key.
async function typeSigned(page, value) {
  const input = await page.$('#form input[data-path="signed"], #form textarea[data-path="signed"]');
  if (!input) fail('the form has no input or textarea [data-path="signed"]', await report(page));
  await input.click();
  await input.evaluate((e) => e.select());
  await page.keyboard.press('Backspace');
  await input.type(value, { delay: 25 });
  const got = await input.evaluate((e) => e.value);
  check(got === value, `typed ${value} into the signing date field`, `its value is ${JSON.stringify(got)}`);
}

const original = fs.readFileSync(path.join(serveDir, NAME), 'utf8');
const origLines = original.split('\n');
const signedIdx = origLines.findIndex((l) => /^signed:/.test(l));
const signedLine = signedIdx + 1; // 1-based, as sanya check and data-line count
if (signedIdx < 0) { console.log(`FAIL: examples/${NAME} has no signed: line`); process.exit(1); }

// What `sanya build` makes of the same file: the preview must match it.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sanya-browser-'));
const built = path.join(tmp, 'built.pdf');
try {
  execFileSync(sanya, ['build', path.join(serveDir, NAME), '--roster', path.join(serveDir, 'roster.yaml'), '-o', built], { stdio: 'pipe' });
} catch (e) {
  console.log(`FAIL: sanya build ${NAME}: exit ${e.status}: ${e.stderr}`);
  process.exit(1);
}
const builtInfo = await pdfInfo(fs.readFileSync(built));

let browser;
const t0 = Date.now();
try {
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    userDataDir: path.join(tmp, 'profile'),
    timeout: 30000,
    // root needs --no-sandbox; no GPU on the test machines.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--lang=en-US'],
    defaultViewport: { width: 1400, height: 900 },
  }).catch((e) => fail(`starting ${chromium}: ${e.message.split('\n')[0]}`));
  ok(`started ${(await browser.version())} headless`);
  const page = await browser.newPage();
  page.setDefaultTimeout(WAIT_MS);
  page.on('pageerror', (e) => pageErrors.push(String(e.message || e).split('\n')[0]));
  // Errors the page's JavaScript logs; not the browser's own line for an
  // HTTP error status (a 422 preview of a bad date is the API's answer; the
  // requests are in apiLog).
  page.on('console', (m) => {
    if (m.type() === 'error' && !/^Failed to load resource: /.test(m.text()))
      pageErrors.push(`console: ${m.text().slice(0, 200)} ${m.location()?.url || ''}`);
  });
  page.on('response', (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith('/api/')) apiLog.push(`${r.request().method()} ${u.pathname}${u.search.replace(/token=[^&]*/, 'token=...')} -> ${r.status()}`);
  });
  page.on('requestfailed', (r) => apiLog.push(`${r.method()} ${r.url().replace(/token=[^&]*/, 'token=...')} failed: ${r.failure()?.errorText}`));

  // 1. The URL with the token: a cookie, then / without the token.
  const origin = new URL(serveUrl).origin;
  let resp;
  try {
    resp = await page.goto(serveUrl, { waitUntil: 'load', timeout: WAIT_MS });
  } catch (e) {
    fail(`opening ${origin}/?token=...: ${e.message.split('\n')[0]}`);
  }
  check(resp && resp.ok(), 'the page opens with its token', `HTTP ${resp && resp.status()}`);
  check(page.url() === origin + '/', 'the token URL redirects to / (the token is no longer in the address bar)', `at ${page.url()}`);
  const cookies = await page.cookies();
  check(cookies.length > 0, `the server set a cookie (${cookies.map((c) => c.name).join(', ')})`, 'no cookie');

  // 2. The list of agreements; open the MoI-APLE one.
  await waitPage(page, `#files lists ${NAME}`, (n) => document.querySelector(`#files li[data-name="${n}"]`), NAME);
  const listed = await page.$$eval('#files li[data-name]', (lis) => lis.map((li) => li.dataset.name));
  const missing = EXAMPLES.filter((n) => !listed.includes(n));
  check(missing.length === 0, `#files lists the examples (${listed.join(', ')})`, `missing ${missing.join(', ')}`);
  await page.click(`#files li[data-name="${NAME}"]`);
  await waitPage(page, 'the form shows the signing date 2025-06-12',
    () => document.querySelector('#form input[data-path="signed"], #form textarea[data-path="signed"]')?.value === '2025-06-12');
  ok('the form shows the agreement (signed = 2025-06-12)');
  await waitPage(page, 'the YAML view shows the file',
    (l) => document.querySelector('#yaml')?.value.split('\n')[l - 1] === 'signed: 2025-06-12', signedLine);
  ok(`the YAML view shows the file (line ${signedLine} is signed: 2025-06-12)`);
  await waitPage(page, 'the preview becomes ready (#preview[data-state=ready] with data-pages and data-pdf-url)',
    () => { const p = document.querySelector('#preview'); return p && p.dataset.state === 'ready' && Number(p.dataset.pages) > 0 && p.dataset.pdfUrl; });
  const first = await previewPdf(page);
  check(first.dataPages === first.pages && first.pages === builtInfo.pages,
    `the preview's PDF has ${first.pages} pages, as data-pages says and as sanya build makes of the file`,
    `data-pages=${first.dataPages}, the PDF has ${first.pages}, sanya build ${builtInfo.pages}`);
  check(first.text.includes(OLD_DATE_TEXT), `the preview's text has the signing date (${OLD_DATE_TEXT})`);

  // 3. The screenshot README shows: the agreement open, the preview ready.
  await new Promise((r) => setTimeout(r, 800)); // let the viewer paint its pages
  const shot = path.join(outDir, 'serve.png');
  await page.screenshot({ path: shot, type: 'png' });
  const png = fs.readFileSync(shot);
  check(png.readUInt32BE(16) === 1400 && png.readUInt32BE(20) === 900, `screenshot ${shot} (1400x900)`,
    `${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`);

  // 4. A bad date: the server's check, shown beside the field and at its line.
  await typeSigned(page, BAD_DATE);
  // The check runs while the date is typed (a 40 ms pause is enough): wait
  // for the error about the whole date, not one about the first digits.
  const fieldMsg = await waitPage(page, 'the error about 2025-13-40 beside the signing date (.field[data-path="signed"].has-error .field-error)',
    () => {
      const t = document.querySelector('#form .field[data-path="signed"].has-error .field-error')?.textContent.trim();
      return t && /month 13|2025-13-40/i.test(t) ? t : null;
    });
  ok(`the error beside the field: "${fieldMsg}"`);
  await waitPage(page, `the YAML view has signed: ${BAD_DATE} at line ${signedLine}`,
    (l, v) => new RegExp(`^signed: ?["']?${v}["']?\\s*$`).test(document.querySelector('#yaml')?.value.split('\n')[l - 1] ?? ''), signedLine, BAD_DATE);
  ok(`the YAML view follows the form (line ${signedLine}: signed: ${BAD_DATE})`);
  await waitPage(page, `the error mark at line ${signedLine} (#yaml-gutter .err[data-line="${signedLine}"])`,
    (l) => document.querySelector(`#yaml-gutter .err[data-line="${l}"]`), signedLine);
  ok(`the gutter marks line ${signedLine}`);
  const lineMsg = await waitPage(page, `the error about 2025-13-40 listed at line ${signedLine} (#yaml-errors li[data-line="${signedLine}"])`,
    (l) => {
      const t = document.querySelector(`#yaml-errors li[data-line="${l}"]`)?.textContent.trim();
      return t && /month 13|2025-13-40/i.test(t) ? t : null;
    }, signedLine);
  ok(`#yaml-errors lists line ${signedLine}: "${lineMsg}"`);

  // 5. Fixed: the errors go, the preview shows the new date.
  await typeSigned(page, GOOD_DATE);
  await waitPage(page, 'the error beside the field goes',
    () => !document.querySelector('#form .field.has-error') &&
      [...document.querySelectorAll('#form .field-error')].every((e) => e.textContent.trim() === ''));
  ok('no field shows an error');
  await waitPage(page, 'the error marks of the YAML view go',
    () => !document.querySelector('#yaml-gutter .err') && !document.querySelector('#yaml-errors li'));
  ok('no line is marked');
  await waitPage(page, `the YAML view has signed: ${GOOD_DATE}`,
    (l, v) => document.querySelector('#yaml')?.value.split('\n')[l - 1] === `signed: ${v}`, signedLine, GOOD_DATE);
  ok(`the YAML view has signed: ${GOOD_DATE}`);
  let second, deadline = Date.now() + WAIT_MS;
  for (;;) {
    const state = await page.$eval('#preview', (p) => p.dataset.state).catch(() => null);
    if (state === 'ready') {
      second = await previewPdf(page);
      if (second.text.includes(NEW_DATE_TEXT)) break;
    }
    if (Date.now() > deadline) {
      fail(`the preview shows "${NEW_DATE_TEXT}" within ${WAIT_MS / 1000} s` +
        (second ? ` (the last ready preview had ${second.text.includes(OLD_DATE_TEXT) ? 'the old date' : 'neither date'})` : ' (never ready)'),
        await report(page));
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  ok(`the preview's PDF reads "${NEW_DATE_TEXT}" (pdf.js)`);
  // Reported, not asserted (speed is measured by make bench, not tests).
  const latency = await page.$eval('#preview', (p) => p.dataset.latencyMs).catch(() => null);
  console.log(`info: keystroke to preview drawn: ${latency ?? '?'} ms (the last key of the date to its PDF drawn)`);
  check(!second.text.includes(OLD_DATE_TEXT), `the preview no longer reads "${OLD_DATE_TEXT}"`);
  check(second.dataPages === second.pages,
    `the preview's PDF has data-pages pages (${second.pages})`, `data-pages=${second.dataPages}, the PDF has ${second.pages}`);
  const url = new URL(await page.$eval('#preview', (p) => p.dataset.pdfUrl));
  check(url.protocol === 'blob:' || (url.origin === origin && url.pathname.startsWith('/api/')),
    `data-pdf-url is the page's own (${url.protocol === 'blob:' ? 'blob:' : url.pathname})`);

  // 6. Save: the status says so; the file on disk changed in its date alone.
  // "saved" as a word: not "unsaved changes", not "not saved".
  const savedRe = '(^|[^a-z])saved($|[^a-z])';
  await page.click('#save');
  await waitPage(page, '#status says saved',
    (re) => { const t = document.querySelector('#status')?.textContent ?? ''; return new RegExp(re, 'i').test(t) && !/not saved/i.test(t); }, savedRe);
  ok(`#status: "${await page.$eval('#status', (s) => s.textContent.trim())}"`);
  const saved = fs.readFileSync(path.join(serveDir, NAME), 'utf8');
  const savedLines = saved.split('\n');
  check(savedLines.includes(`signed: ${GOOD_DATE}`), `the file on disk has signed: ${GOOD_DATE}`);
  const comments = origLines.filter((l) => /^\s*#/.test(l) || /\s#\s/.test(l));
  const lost = comments.filter((l) => !savedLines.includes(l));
  check(comments.length > 0 && lost.length === 0, `the file on disk keeps its ${comments.length} comment lines`,
    `lost: ${lost.map((l) => JSON.stringify(l)).join(', ')}`);
  const want = origLines.slice();
  want[signedIdx] = `signed: ${GOOD_DATE}`;
  const diff = [];
  for (let i = 0; i < Math.max(want.length, savedLines.length); i++)
    if (want[i] !== savedLines[i]) diff.push(`line ${i + 1}: ${JSON.stringify(want[i])} -> ${JSON.stringify(savedLines[i])}`);
  check(diff.length === 0, 'the file on disk differs from the original in the signing date alone',
    diff.slice(0, 5).join('; '));

  check(pageErrors.length === 0, 'no JavaScript error in the page', pageErrors.slice(0, 5).join(' | '));
} catch (e) {
  if (!(e instanceof Stop)) { failed++; console.log(`FAIL: ${e.stack || e}`); }
} finally {
  if (browser) await browser.close().catch(() => {});
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`browser: ${passed} passed, ${failed} failed (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
process.exit(failed ? 1 : 0);
