// What the browser test checks in every engine besides Chromium (Firefox
// over WebDriver BiDi, WebKit over classic WebDriver): after both
// committed PDFs are set on the page's file input, the page's counts
// must be the command line's JSON for the same files.

import { readFileSync } from "node:fs";
import { join } from "node:path";

// An expression giving, as a JSON string, what the page shows.
export const FACTS = `JSON.stringify({
  state: document.body.dataset.state, ms: window.tiltakTimings.processMs,
  reports: [...document.querySelectorAll("section.report")].map((s) => [s.dataset.source,
    Number(s.querySelector("[data-test=measures]").textContent), Number(s.querySelector("[data-test=findings]").textContent)]),
  changes: [...document.querySelectorAll("[data-test=change-table] tbody tr")].map((r) => r.dataset.kind + "=" + r.dataset.count).sort(),
  verdicts: [...document.querySelectorAll("[data-test=promise-table] tbody tr")].map((r) => r.dataset.measure + ":" + r.dataset.verdict),
})`;

// The expression that is true once the module is ready.
export const READY = "!!(window.tiltakTimings && window.tiltakTimings.loadMs !== null)";

// The expression that is true once the page has finished with the files.
export const FINISHED = "['done', 'error'].includes(document.body.dataset.state)";

// The CLI's outputs for the test's files, in web/test.sh's folder.
export const cli = (dir) => (path) => JSON.parse(readFileSync(join(dir, path), "utf8"));

// What differs between the page's facts and the CLI's JSON, one line each.
export function differences(facts, json, engine) {
  const out = [];
  const check = (ok, what) => { if (!ok) out.push(`${engine}: ${what}`); };
  check(facts.state === "done", `the page ended in ${facts.state}`);
  for (const side of ["a", "b"]) {
    const report = json(`${side}/report.json`);
    const want = [report.source, report.measures.length, json(`${side}/findings.json`).length];
    const got = facts.reports.find((r) => r[0] === report.source);
    check(JSON.stringify(got) === JSON.stringify(want), `${JSON.stringify(got)}, CLI ${JSON.stringify(want)}`);
  }
  const diff = json("diff/diff.json");
  const kinds = {};
  for (const c of diff.changes) kinds[c.change] = (kinds[c.change] ?? 0) + 1;
  const changes = Object.entries(kinds).map(([k, n]) => `${k}=${n}`).sort();
  check(JSON.stringify(facts.changes) === JSON.stringify(changes), `changes ${facts.changes}, CLI ${changes}`);
  const verdicts = diff.commitments.map((c) => `${c.measure}:${c.verdict}`);
  check(JSON.stringify(facts.verdicts) === JSON.stringify(verdicts), `verdicts ${facts.verdicts}, CLI ${verdicts}`);
  return out;
}
