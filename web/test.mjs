// The browser test's driver: runs Debian's chromium headless over the
// DevTools protocol (on a pipe, so no WebSocket client is needed), sets
// files on the page's file input and compares what the page shows and
// downloads with what the command line wrote for the same files.
//
// Usage: node test.mjs URL CLI_DIR SHOT
//   URL      the served web/dist, e.g. http://127.0.0.1:8123/
//   CLI_DIR  written by web/test.sh: a/ b/ (report.json, findings.json of
//            each PDF), diff/diff.json, inputs.json (the two PDF paths),
//            outputs.json (download name → committed file to equal),
//            broken.json ({path, message}: a bad file and the CLI's error)
//   SHOT     where to save the screenshot (PNG)
// Exits non-zero with one line per failed check.

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const [url, cliDir, shot] = process.argv.slice(2);
const origin = new URL(url).origin;
const json = (path) => JSON.parse(readFileSync(join(cliDir, path), "utf8"));
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };

// --- the DevTools protocol on fds 3 (to chromium) and 4 (from it) ---
const profile = mkdtempSync(join(tmpdir(), "tiltak-chromium-"));
const downloads = mkdtempSync(join(tmpdir(), "tiltak-downloads-"));
const browser = spawn("chromium", [
  "--headless", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
  "--no-first-run", "--no-default-browser-check", "--disable-extensions",
  "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--metrics-recording-only", "--disable-default-apps",
  `--user-data-dir=${profile}`, "about:blank",
], { stdio: ["ignore", "ignore", "pipe", "pipe", "pipe"] });
let chromiumLog = "";
browser.stderr.on("data", (d) => { chromiumLog += d; });
const [toBrowser, fromBrowser] = [browser.stdio[3], browser.stdio[4]];
let nextId = 1;
const pending = new Map();
const listeners = [];
let buffer = Buffer.alloc(0);
fromBrowser.on("data", (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  let end;
  while ((end = buffer.indexOf(0)) >= 0) {
    const message = JSON.parse(buffer.subarray(0, end).toString("utf8"));
    buffer = buffer.subarray(end + 1);
    if (message.id && pending.has(message.id)) {
      const { resolve, reject, method } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${method}: ${message.error.message}`));
      else resolve(message.result);
    } else if (message.method) {
      for (const listener of listeners) listener(message);
    }
  }
});
function send(method, params = {}, sessionId) {
  const id = nextId++;
  toBrowser.write(JSON.stringify({ id, method, params, sessionId }) + "\0");
  return new Promise((resolve, reject) => pending.set(id, { resolve, reject, method }));
}
function waitFor(predicate, ms, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    listeners.push(function once(m) {
      if (predicate(m)) {
        clearTimeout(timer);
        listeners.splice(listeners.indexOf(once), 1);
        resolve(m);
      }
    });
  });
}

// --- what the page and its worker do: requests and errors ---
const requests = [];
const errors = [];
listeners.push(({ method, params }) => {
  if (method === "Network.requestWillBeSent") requests.push(params.request.url);
  if (method === "Runtime.exceptionThrown") errors.push(params.exceptionDetails.exception?.description ?? params.exceptionDetails.text);
  if (method === "Runtime.consoleAPICalled" && ["error", "assert"].includes(params.type)) {
    errors.push(params.args.map((a) => a.value ?? a.description).join(" "));
  }
  if (method === "Log.entryAdded" && params.entry.level === "error") errors.push(params.entry.text);
});
async function watch(sessionId) {
  await Promise.all(["Runtime.enable", "Log.enable", "Network.enable"].map((m) => send(m, {}, sessionId)));
}
// Workers are attached paused, so their first request is seen too.
const frameTargets = [];
listeners.push(async ({ method, params }) => {
  if (method !== "Target.attachedToTarget") return;
  if (params.targetInfo.type === "iframe") frameTargets.push(params.sessionId);
  await watch(params.sessionId);
  await send("Runtime.runIfWaitingForDebugger", {}, params.sessionId);
});

async function evaluate(session, expression) {
  const r = await send("Runtime.evaluate", { expression, awaitPromise: true, returnByValue: true }, session);
  if (r.exceptionDetails) throw new Error(`${expression}: ${r.exceptionDetails.exception?.description}`);
  return r.result.value;
}
async function until(session, expression, ms, what) {
  const start = Date.now();
  while (Date.now() - start < ms) {
    const value = await evaluate(session, expression);
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
// Gives the page files, through its file input or (drop) as a person
// drops them on the drop zone; resolves when the page has finished.
async function setFiles(session, paths, drop = false) {
  const { root } = await send("DOM.getDocument", {}, session);
  const { nodeId } = await send("DOM.querySelector", { nodeId: root.nodeId, selector: "#pick" }, session);
  const [x, y] = await evaluate(session, `(() => { const r = document.getElementById("drop").getBoundingClientRect(); return [r.x + 20, r.y + 20]; })()`);
  await evaluate(session, "document.body.dataset.state = ''");
  const start = Date.now();
  if (drop) {
    const data = { items: [], files: paths, dragOperationsMask: 1 };
    for (const type of ["dragEnter", "dragOver", "drop"]) {
      await send("Input.dispatchDragEvent", { type, x, y, data }, session);
    }
  } else {
    await send("DOM.setFileInputFiles", { nodeId, files: paths }, session);
  }
  const state = await until(session, "['done', 'error'].includes(document.body.dataset.state) && document.body.dataset.state", 120000, "the page to finish");
  return { state, wallMs: Date.now() - start };
}

// --- the checks: the page against the command line's JSON ---
const count = (items, key) => items.reduce((m, x) => ({ ...m, [x[key]]: (m[x[key]] ?? 0) + 1 }), {});
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const pageFacts = `(() => {
  const text = (root, sel) => root.querySelector(sel)?.textContent;
  const reports = [...document.querySelectorAll("section.report")].map((s) => ({
    source: s.dataset.source, ms: Number(s.dataset.ms),
    measures: Number(text(s, "[data-test=measures]")), findings: Number(text(s, "[data-test=findings]")),
    measureRows: s.querySelectorAll("[data-test=measure-table] tbody tr").length,
    findingRows: s.querySelectorAll("[data-test=finding-table] tbody tr").length,
    summary: text(s, "pre.summary"),
  }));
  const changes = Object.fromEntries([...document.querySelectorAll("[data-test=change-table] tbody tr")]
    .map((r) => [r.dataset.kind, Number(r.dataset.count)]));
  const kindWords = Object.fromEntries([...document.querySelectorAll("[data-test=change-table] tbody tr")]
    .map((r) => [r.dataset.kind, r.cells[0].textContent]));
  const promises = [...document.querySelectorAll("[data-test=promise-table] tbody tr")]
    .map((r) => [r.dataset.measure, r.dataset.verdict]);
  const frame = document.querySelector("iframe.diff");
  return { reports, changes, kindWords, promises, framed: !!frame && frame.srcdoc.length,
    timelineRows: document.querySelectorAll("[data-test=timeline-table] tbody tr").length,
    error: document.getElementById("error").hidden ? null : document.getElementById("error").textContent,
    timings: window.tiltakTimings };
})()`;

function compareReports(facts, inputs) {
  for (const [i, side] of ["a", "b"].entries()) {
    const report = json(`${side}/report.json`);
    const findings = json(`${side}/findings.json`);
    const shown = facts.reports.find((r) => r.source === report.source);
    check(shown, `${report.source}: not shown on the page`);
    if (!shown) continue;
    check(shown.measures === report.measures.length, `${report.source}: page says ${shown.measures} measures, CLI ${report.measures.length}`);
    check(shown.measureRows === report.measures.length, `${report.source}: ${shown.measureRows} measure rows, CLI ${report.measures.length}`);
    check(shown.findings === findings.length, `${report.source}: page says ${shown.findings} findings, CLI ${findings.length}`);
    check(shown.findingRows === findings.length, `${report.source}: ${shown.findingRows} finding rows, CLI ${findings.length}`);
    check(inputs[i].endsWith(report.source), `${inputs[i]}: CLI report names ${report.source}`);
  }
}

function compareDiff(facts) {
  const diff = json("diff/diff.json");
  const changes = count(diff.changes, "change");
  check(same(Object.entries(facts.changes).sort(), Object.entries(changes).sort()),
    `change counts: page ${JSON.stringify(facts.changes)}, CLI ${JSON.stringify(changes)}`);
  const verdicts = diff.commitments.map((c) => [c.measure, c.verdict]);
  check(same(facts.promises, verdicts), `promise verdicts: page ${JSON.stringify(facts.promises)}, CLI ${JSON.stringify(verdicts)}`);
  check(facts.framed > 0, "the diff page is not shown");
  // The kinds in the reader's language, not the contract's names.
  check(facts.kindWords.progress === "fremdrift" && facts.kindWords.responsible === "ansvarlig",
    `change kinds not in Norwegian: ${JSON.stringify(facts.kindWords)}`);
  check(facts.timelineRows > 0, "the timeline is not shown");
  return { changes: diff.changes.length, promises: verdicts.length };
}

// The diff page in its sandboxed frame: styled by its own sheet and its
// filters working, which the page's policy allows by hash only. An
// isolated world sees the frame's document; its events reach the
// frame's own listeners.
async function framedDiffPage(session) {
  // Chromium isolates a sandboxed frame in its own process (then it is an
  // attached target of its own); otherwise it is a child frame of the page.
  const target = frameTargets.at(-1);
  let where = { sessionId: target };
  if (!target) {
    const { frameTree } = await send("Page.getFrameTree", {}, session);
    const child = (frameTree.childFrames ?? []).find((f) => f.frame.url === "about:srcdoc");
    check(child, "no framed diff page");
    if (!child) return;
    const world = await send("Page.createIsolatedWorld", { frameId: child.frame.id, worldName: "tiltak-test" }, session);
    where = { sessionId: session, contextId: world.executionContextId };
  }
  const r = await send("Runtime.evaluate", { contextId: where.contextId, returnByValue: true, expression: `(() => {
    const shown = () => [...document.querySelectorAll(".measure")].filter((m) => !m.hidden).length;
    const before = shown();
    const q = document.getElementById("filter");
    q.value = "zz-no-measure-says-this-zz";
    q.dispatchEvent(new Event("input"));
    const filtered = shown();
    q.value = "";
    q.dispatchEvent(new Event("input"));
    return { before, filtered, font: getComputedStyle(document.body).fontFamily };
  })()` }, where.sessionId);
  const { before, filtered, font } = r.result.value ?? {};
  check(before > 0 && filtered === 0, `the framed diff page's filter: ${before} measures shown, ${filtered} after filtering for nothing`);
  check(/system-ui/.test(font ?? ""), `the framed diff page is not styled by its sheet (body font ${font})`);
}

// Clicks each download button named in outputs.json and compares the file.
async function compareDownloads(session) {
  const expected = json("outputs.json");
  await send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads, eventsEnabled: true });
  for (const [key, committed] of Object.entries(expected)) {
    const [source, name] = key.split("/");
    const selector = source === "diff"
      ? `#comparison button[data-file="${name}"]`
      : `section.report[data-source="${source}"] button[data-file="${name}"]`;
    const done = waitFor((m) => m.method === "Browser.downloadProgress" && m.params.state !== "inProgress", 20000, `download of ${key}`);
    const clicked = await evaluate(session, `(() => { const b = document.querySelector('${selector}'); b?.click(); return !!b; })()`);
    check(clicked, `${key}: no download button`);
    if (!clicked) continue;
    const progress = await done;
    check(progress.params.state === "completed", `${key}: download ${progress.params.state}`);
    const file = join(downloads, progress.params.guid);
    const got = existsSync(file) ? readFileSync(file) : existsSync(join(downloads, name)) ? readFileSync(join(downloads, name)) : null;
    check(got && got.equals(readFileSync(committed)), `${key}: the download differs from ${committed}`);
    for (const f of readdirSync(downloads)) rmSync(join(downloads, f));
  }
  return Object.keys(expected).length;
}

// Each hostile file gives the CLI's sentence, or is read where the CLI
// reads it (panics in the PDF reader included: the module unwinds).
async function hostileFiles(session) {
  const cases = json("hostile.json");
  for (const { path, message } of cases) {
    const name = path.split("/").pop();
    const { state } = await setFiles(session, [path]);
    const shown = (await evaluate(session, pageFacts)).error;
    check(message ? state === "error" && shown === message : state === "done",
      `${name}: page says ${JSON.stringify(shown)}, CLI ${JSON.stringify(message)}`);
  }
  return cases.length;
}

// A tab, watched with its workers; gives its session.
async function openPage() {
  const { targetId } = await send("Target.createTarget", { url: "about:blank" });
  const { sessionId: page } = await send("Target.attachToTarget", { targetId, flatten: true });
  await watch(page);
  await send("Page.enable", {}, page);
  await send("DOM.enable", {}, page);
  await send("Target.setAutoAttach", { autoAttach: true, waitForDebuggerOnStart: true, flatten: true }, page);
  await send("Emulation.setDeviceMetricsOverride", { width: 1280, height: 1500, deviceScaleFactor: 1, mobile: false }, page);
  return page;
}

async function main() {
  const page = await openPage();

  const loadStart = Date.now();
  const loaded = waitFor((m) => m.method === "Page.loadEventFired", 30000, "the page to load");
  await send("Page.navigate", { url }, page);
  await loaded;
  const loadMs = Date.now() - loadStart;
  await until(page, "window.tiltakTimings && window.tiltakTimings.loadMs !== null", 30000, "the module to load");
  const readyMs = Date.now() - loadStart;
  const lang = await evaluate(page, "document.documentElement.lang + ' ' + document.querySelector('[data-t=drop]').textContent");
  check(lang.startsWith("nb Slipp"), `the page is not Norwegian by default: ${lang}`);
  const english = await evaluate(page, `(() => { const b = document.getElementById("lang"); b.click();
    const en = document.documentElement.lang + " " + document.querySelector("[data-t=drop]").textContent; b.click(); return en; })()`);
  check(english.startsWith("en Drop"), `the English switch gives: ${english}`);

  // A file that is not a report: the page shows the CLI's sentence.
  const broken = json("broken.json");
  const bad = await setFiles(page, [broken.path]);
  const badFacts = await evaluate(page, pageFacts);
  check(bad.state === "error" && badFacts.error === broken.message, `bad file: page says ${JSON.stringify(badFacts.error)}, CLI ${JSON.stringify(broken.message)}`);

  // A file past the size limit: refused before it is read.
  const big = json("big.json");
  const huge = await setFiles(page, [big.path]);
  const hugeFacts = await evaluate(page, pageFacts);
  check(huge.state === "error" && hugeFacts.error === big.message, `file past the limit: page says ${JSON.stringify(hugeFacts.error)}, CLI ${JSON.stringify(big.message)}`);

  const hostile = await hostileFiles(page);

  const inputs = json("inputs.json");
  const first = await setFiles(page, [inputs[0]]);
  const one = await evaluate(page, pageFacts);
  check(first.state === "done" && one.reports.length === 1, `one file: ${first.state}, ${one.reports.length} reports shown, error ${one.error}`);
  const firstMs = one.timings.processMs;

  // Dropped three times, for a best time as the native one is taken; the
  // checks look at the last.
  const runs = [];
  let both, facts;
  for (let i = 0; i < 3; i++) {
    both = await setFiles(page, inputs, true);
    facts = await evaluate(page, pageFacts);
    runs.push(facts.timings.processMs);
  }
  check(both.state === "done", `two files: ${both.state}: ${facts.error}`);
  compareReports(facts, inputs);
  const diff = compareDiff(facts);
  const screenshot = await send("Page.captureScreenshot", { format: "png" }, page);
  writeFileSync(shot, Buffer.from(screenshot.data, "base64"));
  await framedDiffPage(page);
  const downloaded = await compareDownloads(page);

  const foreign = requests.filter((r) => !r.startsWith(origin + "/") && !r.startsWith("data:") && !r.startsWith("blob:") && r !== "about:blank" && r !== "about:srcdoc");
  check(foreign.length === 0, `requests to other origins: ${foreign.join(", ")}`);
  check(errors.length === 0, `console errors: ${errors.join(" | ")}`);

  // The policy itself: a fetch to another origin (localhost is not
  // 127.0.0.1; no-cors, so that only the policy can refuse it) and an
  // image from there must be refused as policy violations.
  const other = url.replace("127.0.0.1", "localhost");
  const probe = await evaluate(page, `(async () => {
    const seen = [];
    document.addEventListener("securitypolicyviolation", (e) => seen.push(e.violatedDirective));
    const got = await fetch(${JSON.stringify(other)}, { mode: "no-cors" }).then(() => "fetched", () => "refused");
    const img = await new Promise((done) => { const i = new Image(); i.onload = () => done("loaded"); i.onerror = () => done("refused"); i.src = ${JSON.stringify(other + "favicon.ico")}; });
    await new Promise((r) => setTimeout(r, 100));
    return [got, img, seen.join(" ")].join(", ");
  })()`);
  check(probe === "refused, refused, connect-src img-src", `other origin from the page: ${probe}`);

  const fmt = (ms) => `${Math.round(ms)} ms`;
  console.log(`web/test: page load ${fmt(loadMs)}, module ready ${fmt(readyMs)} after navigation (worker init ${fmt(one.timings.loadMs)})`);
  console.log(`web/test: ${facts.reports.map((r) => `${r.source} ${fmt(r.ms)}`).join(", ")}; both read and compared ${fmt(facts.timings.processMs)} (${fmt(both.wallMs)} wall); one file alone ${fmt(firstMs)}`);
  console.log(`web/test: ${facts.reports.map((r) => `${r.measures} measures, ${r.findings} findings`).join("; ")}; ${diff.changes} changes, ${diff.promises} promises; ${downloaded} downloads equal to the CLI's files`);
  console.log(`web/test: ${hostile} hostile files, each as the CLI says`);
  console.log(`web/test: two PDFs dropped three times: ${runs.map(fmt).join(", ")}`);
  console.log(`BROWSER_MS=${Math.round(Math.min(...runs))}`);
}

main()
  .catch((e) => failures.push(`driver: ${e.message}`))
  .finally(async () => {
    // The profile can be removed only once chromium has stopped writing it.
    const exited = new Promise((resolve) => browser.once("exit", resolve));
    browser.kill();
    await exited;
    for (const dir of [profile, downloads]) {
      try { rmSync(dir, { recursive: true, force: true }); } catch { /* tmp is cleaned anyway */ }
    }
    if (failures.length) {
      for (const f of failures) console.error(`web/test: FAIL: ${f}`);
      if (process.env.TILTAK_TEST_VERBOSE) console.error(chromiumLog);
      process.exit(1);
    }
  });
