// The browser test's second engine: Firefox (Gecko) over WebDriver BiDi,
// run by web/test.sh when firefox-esr is installed. Sets the two PDFs on
// the page's file input and checks the counts against the command line's
// JSON, as test.mjs does in Chromium (the downloads and the policy are
// checked there). Needs Node's WebSocket (node --experimental-websocket
// on Node 20).
//
// Usage: node --experimental-websocket firefox.mjs URL CLI_DIR SHOT

import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FACTS, FINISHED, READY, cli, differences } from "./engines.mjs";

const [url, cliDir, shot] = process.argv.slice(2);
const json = cli(cliDir);
const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const profile = mkdtempSync(join(tmpdir(), "tiltak-firefox-"));
// Port 0: Firefox picks one and prints it.
const firefox = spawn("firefox-esr", ["--headless", "--no-remote", "--profile", profile,
  "--remote-debugging-port=0", "about:blank"], { stdio: ["ignore", "ignore", "pipe"] });

function listening() {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("Firefox did not start")), 60000);
    let seen = "";
    firefox.stderr.on("data", (d) => {
      seen += d;
      const m = seen.match(/WebDriver BiDi listening on (ws:\/\/[^\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
  });
}

async function connect(address) {
  const ws = new WebSocket(`${address}/session`);
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = () => reject(new Error("no BiDi connection")); });
  let id = 0;
  const pending = new Map();
  const logs = [];
  ws.onmessage = ({ data }) => {
    const m = JSON.parse(data);
    if (m.id && pending.has(m.id)) { pending.get(m.id)(m); pending.delete(m.id); }
    else if (m.method === "log.entryAdded" && m.params.level === "error") logs.push(m.params.text);
  };
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const i = ++id;
    pending.set(i, (m) => (m.type === "error" ? reject(new Error(`${method}: ${m.error}: ${m.message}`)) : resolve(m.result)));
    ws.send(JSON.stringify({ id: i, method, params }));
  });
  return { ws, send, logs };
}

async function main() {
  const { ws, send, logs } = await connect(await listening());
  await send("session.new", { capabilities: {} });
  await send("session.subscribe", { events: ["log.entryAdded"] });
  const { contexts } = await send("browsingContext.getTree", {});
  const context = contexts[0].context;
  const evaluate = async (expression) => (await send("script.evaluate",
    { expression, target: { context }, awaitPromise: true, resultOwnership: "root" })).result;
  const until = async (expression, what) => {
    for (let i = 0; i < 1200; i++) {
      if ((await evaluate(expression)).value === true) return;
      await sleep(50);
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const start = Date.now();
  await send("browsingContext.navigate", { context, url, wait: "complete" });
  await until(READY, "the module to load");
  const readyMs = Date.now() - start;
  const input = await evaluate("document.getElementById('pick')");
  const inputs = json("inputs.json");
  await send("input.setFiles", { context, element: { sharedId: input.sharedId }, files: inputs });
  await until(FINISHED, "the page to finish");
  const facts = JSON.parse((await evaluate(FACTS)).value);
  failures.push(...differences(facts, json, "Firefox"));
  check(logs.length === 0, `Firefox: console errors: ${logs.join(" | ")}`);
  const { data } = await send("browsingContext.captureScreenshot", { context });
  writeFileSync(shot, Buffer.from(data, "base64"));
  console.log(`web/test: Firefox ${await firefoxVersion()}: module ready ${readyMs} ms after navigation; both PDFs ${Math.round(facts.ms)} ms`);
  ws.close();
}

async function firefoxVersion() {
  return new Promise((resolve) => {
    const p = spawn("firefox-esr", ["--version"], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    p.stdout.on("data", (d) => { out += d; });
    p.on("exit", () => resolve(out.trim().replace(/^Mozilla Firefox /, "")));
  });
}

main()
  .catch((e) => failures.push(`Firefox driver: ${e.message}`))
  .finally(async () => {
    const exited = new Promise((resolve) => firefox.once("exit", resolve));
    firefox.kill();
    await exited;
    try { rmSync(profile, { recursive: true, force: true }); } catch { /* tmp is cleaned anyway */ }
    for (const f of failures) console.error(`web/test: FAIL: ${f}`);
    process.exit(failures.length ? 1 : 0);
  });
