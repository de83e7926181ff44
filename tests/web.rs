//! The browser page's Content-Security-Policy (`web/site/index.html`):
//! it allows the framed diff page's inline style and script by hash, and
//! no other inline code. The hashes are computed here from the library's
//! own [`inline_style`] and [`inline_script`], so changing either without
//! the policy fails this test (and would leave the framed page unstyled
//! and its filters dead).

use sha2::{Digest, Sha256};
use tiltak::render::diff::{inline_script, inline_style};

const PAGE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/web/site/index.html");

/// The source list of one directive of the page's policy.
fn directive(policy: &str, name: &str) -> Vec<String> {
    policy
        .split(';')
        .map(str::trim)
        .find_map(|d| d.strip_prefix(name).filter(|rest| rest.starts_with(' ')))
        .unwrap_or_else(|| panic!("no {name} in the policy: {policy}"))
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// The policy in the page's `<meta http-equiv="Content-Security-Policy">`.
fn policy() -> String {
    let page = std::fs::read_to_string(PAGE).unwrap();
    let meta = page
        .split("<meta ")
        .find(|m| m.starts_with("http-equiv=\"Content-Security-Policy\""))
        .expect("the page has a policy");
    let content = meta.split("content=\"").nth(1).unwrap();
    content[..content.find('"').unwrap()].to_string()
}

/// A CSP hash source: `'sha256-` base64 of the SHA-256 of `text` `'`.
fn hash_source(text: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let digest = Sha256::digest(text.as_bytes());
    let mut out = String::new();
    for chunk in digest.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| n << 8 | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    while !out.len().is_multiple_of(4) {
        out.push('=');
    }
    format!("'sha256-{out}'")
}

#[test]
fn the_hash_source_is_base64_of_sha256() {
    // RFC 4648's base64 of SHA-256("abc") (FIPS 180-2's first example,
    // ba7816bf…f20015ad).
    assert_eq!(
        hash_source("abc"),
        "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='"
    );
}

#[test]
fn the_page_allows_the_diff_pages_inline_code_by_hash_only() {
    let policy = policy();
    assert!(
        !policy.contains("'unsafe-inline'"),
        "the policy allows any inline code: {policy}"
    );
    let scripts = directive(&policy, "script-src");
    let styles = directive(&policy, "style-src");
    let (script, style) = (hash_source(inline_script()), hash_source(&inline_style()));
    assert!(
        scripts.contains(&script),
        "script-src lacks the diff page's script; put {script} in web/site/index.html"
    );
    assert!(
        styles.contains(&style),
        "style-src lacks the diff page's style; put {style} in web/site/index.html"
    );
    // Nothing from another origin, and no hash beyond the two.
    for list in [&scripts, &styles] {
        for source in list.iter() {
            assert!(
                ["'self'", "'wasm-unsafe-eval'", &script, &style].contains(&source.as_str()),
                "unexpected source {source} in {policy}"
            );
        }
    }
}
