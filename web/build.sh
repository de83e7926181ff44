#!/usr/bin/env bash
# Builds tiltak for the browser into web/dist/: the static page, its
# worker and the WebAssembly module, ready for any static host.
#
# Toolchain from Debian alone (rustc-web ships an LLVM with the wasm32
# target and the std source, so std is built here with -Zbuild-std),
# installed when missing, and wasm-bindgen's bindings step built from
# crates.io as bindgen/. Quiet on success; a failing step shows its log.
# Debian's binaryen wasm-opt is not run: it breaks the module when run
# after wasm-bindgen.
set -euo pipefail
web="$(cd "$(dirname "$0")" && pwd)"
target="$web/target"
dist="$web/dist"
log="$target/build.log"
mkdir -p "$target"
: >"$log"

# Runs a step with its output in the log, shown only when it fails.
step() {
    if ! "$@" >>"$log" 2>&1; then
        echo "web/build.sh: failed: $*" >&2
        tail -n 40 "$log" >&2
        exit 1
    fi
}

# rustup's cargo would shadow Debian's; the Debian one has the wasm32 std.
debian() { env PATH=/usr/bin:/bin "$@"; }

install_toolchain() {
    local sudo=""
    if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        rustc-web cargo-web rust-web-src lld-22
}

if ! [ -x /usr/bin/cargo ] || ! [ -x /usr/bin/wasm-ld-22 ] || ! [ -d /usr/lib/rustlib/src/rust/library ]; then
    step install_toolchain
fi

# The lock follows the library's dependencies when they change (the
# smallest update, as cargo makes it). The bindings tool (bindgen/) is in
# the same lock as the wasm-bindgen crate, so the two always agree.
resolve() { debian cargo metadata --quiet --format-version 1 --manifest-path "$web/Cargo.toml" >/dev/null; }
step resolve
# The bindings tool builds while the module does (in a target folder of
# its own, so neither waits for the other's lock): the module's final
# link, one codegen unit, leaves a core idle.
bindgen_log="$target/bindgen.log"
debian cargo build --quiet --manifest-path "$web/Cargo.toml" -p tiltak-bindgen --profile tool \
    --target-dir "$target/host" >"$bindgen_log" 2>&1 &
bindgen_build=$!
# A failing step exits at once: the background build goes with it.
trap 'kill "$bindgen_build" 2>/dev/null || true' EXIT
bindgen="$target/host/tool/tiltak-bindgen"

# An 8 MB stack: pdf-extract recurses into nested forms with large frames
# (the native page workers get 16 MB; the wasm default is 1 MB). Panics
# unwind with wasm exception handling (std is built with panic_unwind), so
# the library catches pdf-extract's panics as it does natively.
step debian \
    RUSTC_BOOTSTRAP=1 \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld-22 \
    RUSTFLAGS="-C link-arg=-zstack-size=8388608 -C panic=unwind -C target-feature=+exception-handling" \
    cargo build --quiet --manifest-path "$web/Cargo.toml" \
    -Zbuild-std=std,panic_unwind --target wasm32-unknown-unknown --release

if ! wait "$bindgen_build"; then
    echo "web/build.sh: failed: building web/bindgen" >&2
    tail -n 40 "$bindgen_log" >&2
    exit 1
fi
trap - EXIT

# A fresh folder each time, so nothing stale is shipped.
staging="$target/dist.new"
rm -rf "$staging"
step "$bindgen" "$target/wasm32-unknown-unknown/release/tiltak_web.wasm" "$staging"
cp "$web"/site/* "$staging"/
rm -rf "$dist"
mv "$staging" "$dist"
