// The page: takes dropped files, hands them to the worker, shows what it
// gives back. Everything is built with textContent (no HTML from the
// reports reaches this document); the diff page, which the library renders
// as HTML, is shown in a sandboxed frame.

const TEXT = {
  nb: {
    lead: "Les «Status for tiltak»-rapporter: tiltakene, kontrollene og endringene fra år til år.",
    private: "Filene leses her i nettleseren. Ingenting sendes noe sted.",
    drop: "Slipp én rapport her, eller to for å sammenligne dem.",
    lang: "English",
    loading: "Laster leseren …",
    reading: (i, n, name) => `Leser ${name} (${i} av ${n}) …`,
    comparing: "Sammenligner …",
    done: (ms) => `Ferdig på ${ms} ms.`,
    tooMany: "Slipp én eller to rapporter.",
    timeout: (name) => `${name}: the file took longer than 60 s to read`,
    understood: "Forstått som",
    counts: "tiltak",
    findingsWord: "funn",
    errorsWord: "feil",
    warnings: "Merknader ved lesingen",
    measures: "Tiltak",
    findings: "Funn",
    downloads: "Last ned",
    comparison: "Sammenligning",
    changes: "Endringer per type",
    promises: "Løfter fra i fjor",
    diffPage: "Endringssiden",
    timeline: "Tidslinje",
    cols: {
      id: "Nr", title: "Tiltak", responsible: "Ansvar", status: "Status",
      rule: "Regel", severity: "Alvor", measure: "Tiltak", page: "Side", message: "Melding",
      change: "Endring", count: "Antall", due: "Frist", promise: "Løfte",
      newStatus: "Ny status", verdict: "Vurdering",
    },
    verdicts: { kept: "holdt", delayed: "forsinket", unclear: "uklart" },
  },
  en: {
    lead: "Read \"Status for tiltak\" reports: the measures, the checks and the changes year to year.",
    private: "The files are read here in the browser. Nothing is sent anywhere.",
    drop: "Drop one report here, or two to compare them.",
    lang: "Norsk",
    loading: "Loading the reader …",
    reading: (i, n, name) => `Reading ${name} (${i} of ${n}) …`,
    comparing: "Comparing …",
    done: (ms) => `Done in ${ms} ms.`,
    tooMany: "Drop one or two reports.",
    timeout: (name) => `${name}: the file took longer than 60 s to read`,
    understood: "Understood as",
    counts: "measures",
    findingsWord: "findings",
    errorsWord: "errors",
    warnings: "Notes from reading",
    measures: "Measures",
    findings: "Findings",
    downloads: "Download",
    comparison: "Comparison",
    changes: "Changes by kind",
    promises: "Last year's promises",
    diffPage: "The diff page",
    timeline: "Timeline",
    cols: {
      id: "No", title: "Measure", responsible: "Responsible", status: "Status",
      rule: "Rule", severity: "Severity", measure: "Measure", page: "Page", message: "Message",
      change: "Change", count: "Count", due: "Due", promise: "Promise",
      newStatus: "New status", verdict: "Verdict",
    },
    verdicts: { kept: "kept", delayed: "delayed", unclear: "unclear" },
  },
};

// The longest a reading may take, as the command line's default --timeout.
const TIMEOUT_MS = 60_000;

const $ = (id) => document.getElementById(id);
let lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "nb";
const t = () => TEXT[lang];
let worker = null;
let timer = null;
let job = null; // {names, results: [], comparison}
// The library's words for change kinds and severities, per language
// (from the worker; the contract's names until it is ready).
let labels = null;
const label = (group, name) => labels?.[lang]?.[group]?.[name] ?? name;
const timings = { loadMs: null, processMs: null };
window.tiltakTimings = timings;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}

function table(columns, rows, attrs = {}) {
  const head = el("tr", {}, ...columns.map((c) => el("th", {}, t().cols[c] ?? c)));
  const body = rows.map((row) => el("tr", row.attrs ?? {}, ...row.cells.map((c) => el("td", {}, c ?? ""))));
  return el("table", attrs, el("thead", {}, head), el("tbody", {}, ...body));
}

function status(text, busy) {
  $("status").hidden = false;
  $("status-text").textContent = text;
  $("progress").hidden = !busy;
}

function fail(message) {
  clearTimeout(timer);
  $("error").hidden = false;
  $("error").textContent = message;
  $("status").hidden = true;
}

function startWorker() {
  worker = new Worker("worker.js", { type: "module" });
  worker.onmessage = ({ data }) => HANDLERS[data.type](data);
  worker.onerror = (e) => fail(e.message || String(e));
}

const HANDLERS = {
  ready: (m) => { timings.loadMs = m.ms; labels = m.labels; if (!job) $("status").hidden = true; },
  progress: (m) => status(t().reading(m.index + 1, m.total, m.name), true),
  report: (m) => { job.results[m.index] = m; showReport(m); if (job.names.length === 2 && m.index === 1) status(t().comparing, true); },
  comparison: (m) => { job.comparison = m; showComparison(m); },
  done: (m) => {
    clearTimeout(timer);
    timings.processMs = m.ms;
    status(t().done(Math.round(m.ms)), false);
    document.body.dataset.state = "done";
  },
  file: (m) => save(m.name, m.bytes),
  error: (m) => {
    fail(m.message);
    document.body.dataset.state = "error";
    if (m.fatal) { worker.terminate(); startWorker(); }
  },
};

const TYPES = { csv: "text/csv", json: "application/json", md: "text/markdown", html: "text/html",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };

function save(name, bytes) {
  const type = TYPES[name.split(".").pop()] ?? "application/octet-stream";
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function downloads(of, index, names) {
  const buttons = names.map((name) => {
    const b = el("button", { type: "button", "data-file": name }, name);
    b.addEventListener("click", () => worker.postMessage({ type: "file", of, index, name }));
    return b;
  });
  return el("div", { class: "downloads" }, el("span", {}, `${t().downloads}: `), ...buttons);
}

function showReport(m) {
  const errors = m.findings.filter((f) => f.severity === "error").length;
  const counts = el("p", { class: "counts" },
    el("span", { "data-test": "measures" }, String(m.report.measures.length)), ` ${t().counts}, `,
    el("span", { "data-test": "findings" }, String(m.findings.length)), ` ${t().findingsWord} (`,
    el("span", { "data-test": "errors" }, String(errors)), ` ${t().errorsWord})`);
  const section = el("section", { class: "report", "data-source": m.name, "data-ms": String(Math.round(m.ms)) },
    el("h2", {}, m.report.plan_title ? `${m.name} — ${m.report.as_of}` : m.name),
    el("h3", {}, t().understood), el("pre", { class: "summary" }, m.summary),
    counts);
  if (m.warnings.length) {
    section.append(el("h3", {}, t().warnings), el("ul", {}, ...m.warnings.map((w) => el("li", {}, w))));
  }
  section.append(downloads("report", m.index, m.files),
    el("details", {}, el("summary", {}, `${t().measures} (${m.report.measures.length})`),
      table(["id", "title", "responsible", "status"],
        m.report.measures.map((x) => ({ cells: [x.id, x.title, x.responsible, x.status] })),
        { "data-test": "measure-table" })),
    el("h3", {}, t().findings), el("pre", { class: "summary" }, m.findingsSummary),
    table(["rule", "severity", "measure", "page", "message"],
      m.findings.map((f) => ({ cells: [f.rule, label("severities", f.severity), f.measure, f.page, f.message] })),
      { "data-test": "finding-table" }));
  // Oldest as-of date first, as the main job lists them.
  section.dataset.asOf = m.report.as_of;
  const later = [...$("reports").children].find((s) => s.dataset.asOf > m.report.as_of);
  $("reports").insertBefore(section, later ?? null);
}

function tally(items) {
  const counts = new Map();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts];
}

function showComparison(m) {
  const d = m.diff;
  const box = $("comparison");
  box.replaceChildren(
    el("h2", {}, `${t().comparison}: ${d.old.as_of} → ${d.new.as_of}`),
    el("pre", { class: "summary" }, m.summary),
    downloads("comparison", 0, m.files),
    el("h3", {}, t().changes),
    table(["change", "count"], tally(d.changes.map((c) => c.change))
      .map(([kind, n]) => ({ attrs: { "data-kind": kind, "data-count": String(n) }, cells: [label("kinds", kind), String(n)] })),
    { "data-test": "change-table" }),
    el("h3", {}, t().promises),
    table(["measure", "due", "promise", "newStatus", "verdict"], d.commitments.map((c) => ({
      attrs: { "data-measure": c.measure, "data-verdict": c.verdict },
      cells: [c.measure, c.due, c.promise, c.new_status, t().verdicts[c.verdict] ?? c.verdict],
    })), { "data-test": "promise-table" }),
    el("h3", {}, t().diffPage),
    frame(m.html),
    el("h3", {}, t().timeline),
    timeline(m.timeline));
  box.hidden = false;
}

// The library's diff page as it is, scripts confined to an opaque origin.
function frame(html) {
  const f = el("iframe", { sandbox: "allow-scripts", title: t().diffPage, class: "diff" });
  f.srcdoc = html;
  return f;
}

// timeline.csv (RFC 4180) as a table.
function timeline(csv) {
  const rows = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; }
    else if (c !== "\r") cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  const [header, ...body] = rows;
  return table(header ?? [], body.map((cells) => ({ cells })), { "data-test": "timeline-table" });
}

function read(files) {
  $("error").hidden = true;
  $("reports").replaceChildren();
  $("comparison").hidden = true;
  document.body.dataset.state = "busy";
  if (files.length < 1 || files.length > 2) { fail(t().tooMany); document.body.dataset.state = "error"; return; }
  // A stable order for the worker; the library orders the comparison by
  // as-of date and the page its sections likewise.
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name));
  job = { names: sorted.map((f) => f.name), results: [], comparison: null };
  status(t().loading, true);
  clearTimeout(timer);
  timer = setTimeout(() => {
    worker.terminate();
    startWorker();
    fail(t().timeout(job.names.join(", ")));
    document.body.dataset.state = "error";
  }, TIMEOUT_MS);
  // The files themselves, not their bytes: the worker reads them, and
  // refuses one past the size limit without reading it.
  worker.postMessage({ type: "read", files: sorted });
}

function translate() {
  document.documentElement.lang = lang === "en" ? "en" : "nb";
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t()[node.dataset.t];
  $("lang").textContent = t().lang;
}

$("lang").addEventListener("click", () => { lang = lang === "nb" ? "en" : "nb"; translate(); });
$("pick").addEventListener("change", (e) => read(e.target.files));
const drop = $("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); read(e.dataTransfer.files); });
translate();
startWorker();
