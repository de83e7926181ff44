// The browser test's third engine: WebKit (WebKitGTK's MiniBrowser) over
// classic WebDriver, run by web/test.sh when WebKitWebDriver and xvfb-run
// are installed (Debian: webkit2gtk-driver xvfb xauth). Sets the two PDFs
// on the page's file input and checks the counts against the command
// line's JSON, as firefox.mjs does. Classic WebDriver has no console log,
// so errors are caught by a listener installed before the files are set.
//
// Usage: xvfb-run -a node webkit.mjs URL CLI_DIR SHOT

import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { FACTS, FINISHED, READY, cli, differences } from "./engines.mjs";

const [url, cliDir, shot] = process.argv.slice(2);
const json = cli(cliDir);
const failures = [];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";
// WebDriver's key for an element reference.
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const driver = spawn("WebKitWebDriver", [`--port=${port}`], { stdio: ["ignore", "ignore", "pipe"] });
const base = `http://127.0.0.1:${port}`;

async function call(method, path, body) {
  const response = await fetch(base + path, {
    method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body),
  });
  const { value } = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${value?.error}: ${value?.message}`);
  return value;
}

async function started() {
  for (let i = 0; i < 100; i++) {
    try { return await call("GET", "/status"); } catch { await sleep(100); }
  }
  throw new Error("WebKitWebDriver did not start");
}

async function main() {
  await started();
  const { sessionId, capabilities } = await call("POST", "/session", { capabilities: { alwaysMatch: {
    "webkitgtk:browserOptions": { binary: MINIBROWSER, args: ["--automation"] } } } });
  const session = `/session/${sessionId}`;
  const run = async (script) => call("POST", `${session}/execute/sync`, { script, args: [] });
  const until = async (expression, what) => {
    for (let i = 0; i < 1200; i++) {
      if ((await run(`return ${expression};`)) === true) return;
      await sleep(50);
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  try {
    const start = Date.now();
    await call("POST", `${session}/url`, { url });
    await until(READY, "the module to load");
    const readyMs = Date.now() - start;
    await run(`window.tiltakErrors = []; addEventListener("error", (e) => tiltakErrors.push(String(e.message)));
      addEventListener("unhandledrejection", (e) => tiltakErrors.push(String(e.reason)));`);
    const input = await call("POST", `${session}/element`, { using: "css selector", value: "#pick" });
    await call("POST", `${session}/element/${input[ELEMENT]}/value`, { text: json("inputs.json").join("\n") });
    await until(FINISHED, "the page to finish");
    const facts = JSON.parse(await run(`return ${FACTS};`));
    failures.push(...differences(facts, json, "WebKit"));
    const errors = await run("return window.tiltakErrors;");
    if (errors.length) failures.push(`WebKit: errors on the page: ${errors.join(" | ")}`);
    writeFileSync(shot, Buffer.from(await call("GET", `${session}/screenshot`), "base64"));
    console.log(`web/test: WebKit ${capabilities.browserVersion} (MiniBrowser): module ready ${readyMs} ms after navigation; both PDFs ${Math.round(facts.ms)} ms`);
  } finally {
    await call("DELETE", session).catch(() => {});
  }
}

main()
  .catch((e) => failures.push(`WebKit driver: ${e.message}`))
  .finally(() => {
    driver.kill();
    for (const f of failures) console.error(`web/test: FAIL: ${f}`);
    process.exit(failures.length ? 1 : 0);
  });
