#!/usr/bin/env bash
# The browser test: serves web/dist on 127.0.0.1, drives Debian's chromium
# headless (web/test.mjs) over the two committed PDFs and checks the page
# against the command line's JSON for the same files. Prints load and
# processing times, browser and native; saves a screenshot to
# web/target/screenshot.png. When firefox-esr is installed (and Node has a
# WebSocket), the counts are checked in Firefox too (web/firefox.mjs); when
# WebKitWebDriver and xvfb-run are installed, in WebKit (web/webkit.mjs).
# Run web/build.sh first.
set -euo pipefail
web="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$web")"
dist="$web/dist"
target="$web/target"
if ! [ -f "$dist/tiltak_web_bg.wasm" ]; then
    echo "web/test.sh: $dist has no module; run web/build.sh first" >&2
    exit 1
fi
for tool in chromium node python3; do
    if ! command -v "$tool" >/dev/null; then
        echo "web/test.sh: $tool is needed" >&2
        exit 1
    fi
done
old="$root/inputs/frihet-status-2023.pdf"
new="$root/inputs/frihet-sluttrapport-2024.pdf"
work="$(mktemp -d)"
server=""
cleanup() {
    if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# The truth: the command line's release build on the same files.
(cd "$root" && cargo build --quiet --release --locked)
tiltak="$root/target/release/tiltak"
for side in a:"$old" b:"$new"; do
    dir="$work/${side%%:*}"
    "$tiltak" parse "${side#*:}" --out "$dir" --format json -q
    "$tiltak" check "${side#*:}" --out "$dir" --format json -q || [ $? = 1 ]
done
# Native time: the best of three runs (the machine may be busy).
native_ms=""
for _ in 1 2 3; do
    start=$(date +%s%N)
    "$tiltak" diff "$old" "$new" --out "$work/diff" --format json -q || [ $? = 1 ]
    ms=$((($(date +%s%N) - start) / 1000000))
    if [ -z "$native_ms" ] || [ "$ms" -lt "$native_ms" ]; then native_ms=$ms; fi
done
printf '["%s", "%s"]\n' "$old" "$new" >"$work/inputs.json"

# Downloads must equal the files the main job committed for these PDFs
# (not report.xlsx and diff.html: there the main job links each measure to
# its page in inputs/*.pdf, a file the page does not have).
out="$root/outputs"
cat >"$work/outputs.json" <<EOF
{
  "frihet-status-2023.pdf/measures.csv": "$out/2023/measures.csv",
  "frihet-status-2023.pdf/report.json": "$out/2023/report.json",
  "frihet-status-2023.pdf/findings.xlsx": "$out/2023/findings.xlsx",
  "frihet-status-2023.pdf/findings.csv": "$out/2023/findings.csv",
  "frihet-sluttrapport-2024.pdf/findings.json": "$out/2024/findings.json",
  "diff/changes.csv": "$out/diff-2023-2024/changes.csv",
  "diff/diff.json": "$out/diff-2023-2024/diff.json",
  "diff/changes.xlsx": "$out/diff-2023-2024/changes.xlsx",
  "diff/commitments.csv": "$out/diff-2023-2024/commitments.csv",
  "diff/timeline.csv": "$out/timeline.csv"
}
EOF

# A file named .pdf that holds text: the page must say what the CLI says.
broken="$work/utkast.pdf"
echo "Dette er ikke en PDF." >"$broken"
# (run where it lies: the CLI names the path it is given, the page the name)
message="$(cd "$work" && "$tiltak" parse utkast.pdf 2>&1 >/dev/null || true)"
python3 -c 'import json, sys; print(json.dumps({"path": sys.argv[1], "message": sys.argv[2].removeprefix("tiltak: ")}))' \
    "$broken" "$message" >"$work/broken.json"

# A file past the size limit (sparse: it takes no disk): the page refuses
# it with the CLI's sentence, less the hint to raise --max-mb, which the
# page does not have.
big="$work/stor-rapport.pdf"
truncate -s 201M "$big"
message="$(cd "$work" && "$tiltak" parse stor-rapport.pdf 2>&1 >/dev/null || true)"
python3 -c 'import json, sys; print(json.dumps({"path": sys.argv[1], "message": sys.argv[2].removeprefix("tiltak: ").removesuffix(" (raise it with --max-mb)")}))' \
    "$big" "$message" >"$work/big.json"

# The hostile files (tests/hostile): each must give the CLI's sentence,
# or be read when the CLI reads it.
python3 - "$tiltak" "$root/tests/hostile" >"$work/hostile.json" <<'PY'
import glob, json, os, subprocess, sys
tiltak, folder = sys.argv[1:]
cases = []
for path in sorted(glob.glob(os.path.join(folder, "*.pdf"))):
    run = subprocess.run([tiltak, "parse", os.path.basename(path), "-q"], cwd=folder,
                         capture_output=True, text=True, timeout=120)
    message = run.stderr.strip().removeprefix("tiltak: ") if run.returncode else None
    cases.append({"path": path, "message": message})
print(json.dumps(cases))
PY

# A free port, then the server; wait until it answers.
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$dist" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 50); do
    if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null; then break; fi
    sleep 0.1
done

mkdir -p "$target"
if ! report="$(node "$web/test.mjs" "http://127.0.0.1:$port/" "$work" "$target/screenshot.png")"; then
    echo "$report" | grep -v '^BROWSER_MS=' || true
    exit 1
fi
echo "$report" | grep -v '^BROWSER_MS='
browser_ms="$(echo "$report" | sed -n 's/^BROWSER_MS=//p')"
echo "web/test: native tiltak diff of the same two PDFs (best of 3, process start included): ${native_ms} ms (best browser run/native $(python3 -c "print(round($browser_ms / max($native_ms, 1), 1))")×)"

node=(node --no-warnings --experimental-websocket)
if command -v firefox-esr >/dev/null && "${node[@]}" -e 'WebSocket' 2>/dev/null; then
    "${node[@]}" "$web/firefox.mjs" "http://127.0.0.1:$port/" "$work" "$target/screenshot-firefox.png"
fi
if command -v WebKitWebDriver >/dev/null && command -v xvfb-run >/dev/null; then
    xvfb-run -a node "$web/webkit.mjs" "http://127.0.0.1:$port/" "$work" "$target/screenshot-webkit.png"
fi
