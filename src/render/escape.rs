//! Escaping report text for the formats people read, so that what a
//! report says can never turn into markup.

/// Escapes text for HTML element content and attribute values.
///
/// ```
/// assert_eq!(tiltak::render::escape::html("<b>\"AID\" & 'BFD'</b>"),
///            "&lt;b&gt;&quot;AID&quot; &amp; &#39;BFD&#39;&lt;/b&gt;");
/// ```
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes the characters Markdown would read as markup.
///
/// ```
/// assert_eq!(tiltak::render::escape::markdown("*9a* | ~x~"), r"\*9a\* \| \~x\~");
/// ```
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '~' | '`' | '|' | '[' | ']' | '<' | '>' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
