// The work, off the page's thread: reads the dropped files with the
// WebAssembly build of tiltak and answers the page's requests for files.
//
// Messages in:  {type: "read", files: [File]}
//               {type: "file", of: "report" | "comparison", index, name}
// Messages out: {type: "ready", ms, labels}, {type: "progress", index, total, name},
//               {type: "report", ...}, {type: "comparison", ...},
//               {type: "file", name, bytes}, {type: "done", ms},
//               {type: "error", message, fatal}
import init, { Reading, Comparison, labels, tooLarge } from "./tiltak_web.js";

const started = performance.now();
const ready = init({ module_or_path: new URL("tiltak_web_bg.wasm", import.meta.url) })
  .then(() => postMessage({
    type: "ready",
    ms: performance.now() - started,
    labels: { nb: JSON.parse(labels("nb")), en: JSON.parse(labels("en")) },
  }));

let readings = [];
let comparison = null;

const decode = (bytes) => new TextDecoder().decode(bytes);

function free() {
  readings.forEach((r) => r.free());
  readings = [];
  if (comparison) comparison.free();
  comparison = null;
}

// One file: the library's reading, with what the page shows of it. A
// file past the command line's size limit is refused before it is read
// into memory.
async function readOne(file, index, total) {
  postMessage({ type: "progress", index, total, name: file.name });
  const refused = tooLarge(file.name, file.size);
  if (refused) throw new Error(refused);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const t0 = performance.now();
  const reading = new Reading(file.name, bytes);
  readings.push(reading);
  postMessage({
    type: "report",
    index,
    name: file.name,
    summary: reading.summary(),
    findingsSummary: reading.findingsSummary(),
    warnings: reading.warnings(),
    report: JSON.parse(decode(reading.file("report.json"))),
    findings: JSON.parse(decode(reading.file("findings.json"))),
    files: reading.fileNames(),
    ms: performance.now() - t0,
  });
}

function compare() {
  const t0 = performance.now();
  comparison = new Comparison(readings[0], readings[1]);
  postMessage({
    type: "comparison",
    summary: comparison.summary(),
    diff: JSON.parse(decode(comparison.file("diff.json"))),
    html: decode(comparison.file("diff.html")),
    timeline: decode(comparison.file("timeline.csv")),
    files: comparison.fileNames(),
    ms: performance.now() - t0,
  });
}

// Panics unwind into the library's own errors; what still traps (a stack
// overflow, memory exhausted) leaves the module unusable, so the page then
// starts a new worker. The message is the command line's for a PDF its
// reader gives up on.
function failure(error, name) {
  const trap = error instanceof WebAssembly.RuntimeError;
  const message = trap
    ? `${name}: the PDF is damaged or truncated (the PDF reader failed)`
    : String(error && error.message ? error.message : error);
  postMessage({ type: "error", message, fatal: trap });
}

async function read(files) {
  await ready;
  free();
  const t0 = performance.now();
  let current = "";
  try {
    for (const [i, file] of files.entries()) {
      current = file.name;
      await readOne(file, i, files.length);
    }
    if (files.length === 2) {
      current = `${files[0].name}, ${files[1].name}`;
      compare();
    }
    postMessage({ type: "done", ms: performance.now() - t0 });
  } catch (error) {
    failure(error, current);
  }
}

function file(of, index, name) {
  try {
    const source = of === "comparison" ? comparison : readings[index];
    const bytes = source.file(name);
    postMessage({ type: "file", name, bytes }, [bytes.buffer]);
  } catch (error) {
    failure(error, name);
  }
}

onmessage = ({ data }) => {
  if (data.type === "read") read(data.files);
  else if (data.type === "file") file(data.of, data.index, data.name);
};
ready.catch((error) => postMessage({ type: "error", message: String(error), fatal: true }));
