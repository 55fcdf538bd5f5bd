//! HTML writer: one self-contained page for a reviewer: the documents with their scores, every
//! sentence with its flagged spans highlighted and each finding's details on hover and on
//! keyboard focus, sortable by score, filterable by code, verdict and document.
//!
//! The page needs no network: styles and script are inline and a Content-Security-Policy
//! (`default-src 'none'`, the script allowed by its hash) forbids every fetch, so that even a
//! mistake in escaping could not run a script or load anything. Every text from the input is
//! escaped. Rows are written as they come; the controls and the documents table, whose counts
//! are known only at the end, are written after the rows and moved above them by the script.
//!
//! Built for 10,000 sentences and more: the rows are grid rows with `content-visibility: auto`
//! (the browser lays out only those on screen, at load and after a sort), and a finding's
//! details are not written into every row: each distinct (code, severity, message,
//! suggestion) is written once, in a JSON table at the end, and one shared tooltip shows the
//! details of the span under the mouse or with the keyboard focus.

use super::{ReportWriter, RowFilter};
use crate::analyze::{DocReport, FindingReport, SentenceReport, ALL_CODES};
use crate::score::Verdict;
use std::collections::HashMap;
use std::io::{self, Write};

/// The page's script (sorting, filtering), inline.
const SCRIPT: &str = include_str!("report.js");
/// Base64 SHA-256 of [`SCRIPT`], for the Content-Security-Policy (checked by a test; print it
/// with `openssl dgst -sha256 -binary src/output/report.js | base64`).
const SCRIPT_SHA256: &str = "9/oNy4GVPHtNr/2WcCrqHtHhz49DSX8bcys/8kco0gw=";

const STYLE: &str = r#"
:root{color-scheme:light}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;margin:0;padding:16px 24px 48px;color:#1d1d1f;background:#fff}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:16px;margin:20px 0 6px}
p.meta{margin:0 0 12px;color:#555}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e3e3e3;padding:4px 8px;text-align:left;vertical-align:top}
th,.hd>span{background:#f4f4f6;position:sticky;top:0;z-index:2;font-weight:600;white-space:nowrap}
button.s{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:#1a5fb4;text-decoration:underline}
[aria-sort=ascending] button.s::after{content:" \25B2"}
[aria-sort=descending] button.s::after{content:" \25BC"}
.n{text-align:right;font-variant-numeric:tabular-nums}
.hd,.r{display:grid;grid-template-columns:13em 3.5em 4.5em 6.5em 10em minmax(0,1fr)}
.hd>span,.r>span{padding:4px 8px;border-bottom:1px solid #e3e3e3;overflow-wrap:break-word;min-width:0}
.r{content-visibility:auto;contain-intrinsic-size:auto 2.6em}
.r>.d{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.v{font-weight:600;border-radius:3px;padding:1px 6px;white-space:nowrap}
.v.ok{background:#c6efce;color:#006100}
.v.review{background:#ffeb9c;color:#7a4500}
.v.reject{background:#ffc7ce;color:#9c0006}
#docs{max-height:40vh;overflow:auto;border:1px solid #e3e3e3;margin-bottom:8px}
#controls{display:flex;flex-wrap:wrap;gap:12px;align-items:center;margin:12px 0;padding:8px 10px;background:#f4f4f6;border-radius:6px}
#controls label{font-weight:600}
#controls select{font:inherit;margin-left:4px;max-width:22em}
#shown{color:#555}
.f{color:inherit;padding:0 1px;border-radius:2px;border-bottom:2px solid;cursor:help}
.f.minor{background:#fff3bf;border-color:#c9a400}
.f.major{background:#ffd8b5;border-color:#d9600f}
.f.critical{background:#ffc2c2;border-color:#c00000}
.f:focus{outline:2px solid #1a5fb4;outline-offset:1px}
.gap{margin-left:4px;font-size:12px;padding:0 4px}
#tip{position:absolute;z-index:5;max-width:34em;background:#1d1d1f;color:#fff;padding:6px 9px;border-radius:5px;font-size:13px;line-height:1.4;box-shadow:0 2px 8px rgba(0,0,0,.3)}
#tip>span{display:block}
#tip>span+span{margin-top:4px;padding-top:4px;border-top:1px solid #555}
#tip b{color:#ffd38a}
#tip i{color:#b8e0ff;font-style:normal}
"#;

/// Writes the report.
pub struct HtmlWriter<W: Write> {
    out: W,
    filter: RowFilter,
    /// Documents so far (one line each, for the table at the end).
    docs: Vec<DocLine>,
    /// Sentences written, and of those flagged.
    rows: usize,
    flagged: usize,
    /// Findings per code, in the order of [`ALL_CODES`].
    code_counts: [usize; ALL_CODES.len()],
    /// Rows per verdict: ok, review, reject.
    verdicts: [usize; 3],
    /// Each distinct finding detail once: its number in the table written at the end.
    details: HashMap<Detail, usize>,
    finished: bool,
}

/// What the tooltip shows of a finding: code, severity, message, suggestion.
type Detail = (&'static str, &'static str, String, Option<String>);

struct DocLine {
    id: String,
    score: u32,
    verdict: &'static str,
    sentences: usize,
    flagged: usize,
    /// The first row of the document in the sentence list, if any was written.
    first_row: Option<usize>,
}

/// Rows above which the report warns that a browser will be slow.
const MANY_ROWS: usize = 100_000;

impl<W: Write> HtmlWriter<W> {
    /// A writer; the page's head is written at once.
    pub fn new(mut out: W, filter: RowFilter) -> io::Result<Self> {
        write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'; script-src 'sha256-{SCRIPT_SHA256}'\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>mtlint report</title>\n<style>{STYLE}</style>\n<style id=\"flt\"></style>\n\
             </head>\n<body>\n<h1>mtlint report</h1>\n\
             <p class=\"meta\">Hover over or tab to a highlighted span for the finding's code, \
             message and suggestion; Escape closes it.</p>\n\
             <div id=\"s\" role=\"table\" aria-label=\"Sentences\">\n\
             <div class=\"hd\" role=\"row\"><span role=\"columnheader\">document</span>\
             <span role=\"columnheader\" class=\"n\"><button type=\"button\" class=\"s\" \
             data-sort=\"i\" title=\"input order\">#</button></span>\
             <span role=\"columnheader\" class=\"n\"><button type=\"button\" class=\"s\" \
             data-sort=\"s\">score</button></span>\
             <span role=\"columnheader\">verdict</span><span role=\"columnheader\">flags</span>\
             <span role=\"columnheader\">sentence</span></div>\n<div id=\"rows\" role=\"rowgroup\">\n"
        )?;
        Ok(HtmlWriter {
            out,
            filter,
            docs: Vec::new(),
            rows: 0,
            flagged: 0,
            code_counts: [0; ALL_CODES.len()],
            verdicts: [0; 3],
            details: HashMap::new(),
            finished: false,
        })
    }

    fn sentence(&mut self, d: usize, doc: &DocReport, s: &SentenceReport) -> io::Result<()> {
        let verdict = s.verdict.as_str();
        self.verdicts[match s.verdict {
            Verdict::Ok => 0,
            Verdict::Review => 1,
            Verdict::Reject => 2,
        }] += 1;
        let mut codes: Vec<&str> = Vec::new();
        let mut detail = Vec::with_capacity(s.findings.len());
        for f in &s.findings {
            if let Some(k) = ALL_CODES.iter().position(|c| *c == f.code) {
                self.code_counts[k] += 1;
            }
            if !codes.contains(&f.code) {
                codes.push(f.code);
            }
            let key = (
                f.code,
                f.severity.as_str(),
                f.message.clone(),
                f.suggestion.clone(),
            );
            let next = self.details.len();
            detail.push(*self.details.entry(key).or_insert(next));
        }
        if !codes.is_empty() {
            self.flagged += 1;
        }
        let codes = codes.join(" ");
        let o = &mut self.out;
        // Codes are the fixed catalogue (lower-case letters and hyphens); escaped all the same.
        write!(
            o,
            "<div class=\"r\" role=\"row\" id=\"r{}\" data-d=\"{d}\" data-s=\"{}\" data-v=\"{verdict}\" data-c=\"",
            self.rows, s.score
        )?;
        escape(o, &codes)?;
        // The document's name is cut to the column (the documents table shows it whole).
        o.write_all(b"\"><span role=\"cell\" class=\"d\">")?;
        escape(o, &doc.id)?;
        write!(
            o,
            "</span><span role=\"cell\" class=\"n\">{}</span><span role=\"cell\" class=\"n\">{}</span>\
             <span role=\"cell\"><span class=\"v {verdict}\">{verdict}</span></span><span role=\"cell\">",
            s.index, s.score
        )?;
        escape(o, &codes)?;
        o.write_all(b"</span><span role=\"cell\" class=\"t\">")?;
        highlight(o, s, &detail)?;
        o.write_all(b"</span></div>\n")?;
        self.rows += 1;
        Ok(())
    }
}

/// Writes `s` with `&`, `<`, `>`, `"` and `'` escaped (safe in text and in quoted attributes).
fn escape(o: &mut impl Write, s: &str) -> io::Result<()> {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let rep: &[u8] = match b {
            b'&' => b"&amp;",
            b'<' => b"&lt;",
            b'>' => b"&gt;",
            b'"' => b"&quot;",
            b'\'' => b"&#39;",
            _ => continue,
        };
        o.write_all(&s.as_bytes()[last..i])?;
        o.write_all(rep)?;
        last = i + 1;
    }
    o.write_all(&s.as_bytes()[last..])
}

/// The byte range of a finding in the sentence's text. Findings carry offsets in the
/// document's characters and the sentence text is NFC: where normalization changed nothing the
/// offsets hold and the text there is the matched text; otherwise the matched text is looked
/// up, nearest to where the offsets point. `None` for a finding about something absent (a
/// number of the source missing) or one that cannot be placed: it is shown beside the text.
fn locate(s: &SentenceReport, f: &FindingReport, chars: &[usize]) -> Option<(usize, usize)> {
    if f.matched.is_empty() || f.end <= f.start {
        return None;
    }
    let byte_at = |c: usize| chars.get(c).copied();
    let (rs, re) = (f.start.checked_sub(s.start)?, f.end.checked_sub(s.start)?);
    if let (Some(a), Some(b)) = (byte_at(rs), byte_at(re)) {
        if s.text.get(a..b) == Some(f.matched.as_str()) {
            return Some((a, b));
        }
    }
    let want = byte_at(rs).unwrap_or(s.text.len());
    s.text
        .match_indices(f.matched.as_str())
        .map(|(i, m)| (i, i + m.len()))
        .min_by_key(|(i, _)| i.abs_diff(want))
}

/// Writes the sentence with its findings' spans as focusable `<mark>`s; `detail[k]` is the
/// number of finding `k`'s details in the table at the end (`data-f` lists those that cover a
/// span, for the tooltip).
fn highlight(o: &mut impl Write, s: &SentenceReport, detail: &[usize]) -> io::Result<()> {
    if s.findings.is_empty() {
        return escape(o, &s.text);
    }
    // Byte offset of every character, and of the end.
    let mut chars: Vec<usize> = s.text.char_indices().map(|(i, _)| i).collect();
    chars.push(s.text.len());
    let placed: Vec<Option<(usize, usize)>> =
        s.findings.iter().map(|f| locate(s, f, &chars)).collect();
    let mut cuts: Vec<usize> = placed.iter().flatten().flat_map(|&(a, b)| [a, b]).collect();
    cuts.push(0);
    cuts.push(s.text.len());
    cuts.sort_unstable();
    cuts.dedup();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let covering: Vec<usize> = (0..s.findings.len())
            .filter(|&k| placed[k].is_some_and(|(x, y)| x <= a && b <= y))
            .collect();
        if covering.is_empty() {
            escape(o, &s.text[a..b])?;
            continue;
        }
        mark(o, s, detail, &covering, "mark", "")?;
        escape(o, &s.text[a..b])?;
        o.write_all(b"</mark>")?;
    }
    // Findings with no place in the text (something missing from it): a marker after it.
    for (k, f) in s.findings.iter().enumerate() {
        if placed[k].is_none() {
            o.write_all(b" ")?;
            mark(o, s, detail, &[k], "span", " gap")?;
            escape(o, f.code)?;
            o.write_all(b"</span>")?;
        }
    }
    Ok(())
}

/// Opens one focusable marker (`tag`) for the findings `covering`, coloured by the most
/// severe of them.
fn mark(
    o: &mut impl Write,
    s: &SentenceReport,
    detail: &[usize],
    covering: &[usize],
    tag: &str,
    class: &str,
) -> io::Result<()> {
    let worst = covering
        .iter()
        .map(|&k| s.findings[k].severity)
        .max()
        .map_or("minor", |v| v.as_str());
    let codes: Vec<&str> = covering.iter().map(|&k| s.findings[k].code).collect();
    let ids: Vec<String> = covering.iter().map(|&k| detail[k].to_string()).collect();
    write!(
        o,
        "<{tag} class=\"f {worst}{class}\" tabindex=\"0\" data-codes=\"{}\" data-f=\"{}\">",
        codes.join(" "),
        ids.join(" ")
    )
}

impl<W: Write> ReportWriter for HtmlWriter<W> {
    fn write(&mut self, doc: &DocReport) -> io::Result<()> {
        let d = self.docs.len();
        let filter = self.filter;
        let mut first_row = None;
        for s in doc.sentences.iter().filter(|s| filter.keep(s)) {
            first_row.get_or_insert(self.rows);
            self.sentence(d, doc, s)?;
        }
        self.docs.push(DocLine {
            id: doc.id.clone(),
            score: doc.score,
            verdict: doc.verdict.as_str(),
            sentences: doc.sentences.len(),
            flagged: doc
                .sentences
                .iter()
                .filter(|s| !s.findings.is_empty())
                .count(),
            first_row,
        });
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        if std::mem::replace(&mut self.finished, true) {
            return self.out.flush();
        }
        let o = &mut self.out;
        o.write_all(b"</div>\n</div>\n<div id=\"top\" hidden>\n")?;
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        writeln!(
            o,
            "<p class=\"meta\">{}, {} written ({} flagged): {} ok, {} review, {} reject.</p>",
            plural(self.docs.len(), "document", "documents"),
            plural(self.rows, "sentence", "sentences"),
            self.flagged,
            self.verdicts[0],
            self.verdicts[1],
            self.verdicts[2]
        )?;
        // Documents.
        o.write_all(
            b"<h2 id=\"docs-h\">Documents</h2>\n<div id=\"docs\">\n<table aria-labelledby=\"docs-h\">\
              <thead><tr><th scope=\"col\">\
              <button type=\"button\" class=\"s\" data-sort=\"i\" title=\"input order\">document</button></th>\
              <th scope=\"col\" class=\"n\"><button type=\"button\" class=\"s\" data-sort=\"s\">score</button></th>\
              <th scope=\"col\">verdict</th><th scope=\"col\" class=\"n\">sentences</th>\
              <th scope=\"col\" class=\"n\">flagged</th></tr></thead>\n<tbody>\n",
        )?;
        for (d, line) in self.docs.iter().enumerate() {
            write!(o, "<tr data-s=\"{}\"><td>", line.score)?;
            match line.first_row {
                Some(r) => {
                    write!(o, "<a href=\"#r{r}\" data-doc=\"{d}\">")?;
                    escape(o, &line.id)?;
                    o.write_all(b"</a>")?;
                }
                None => escape(o, &line.id)?,
            }
            writeln!(
                o,
                "</td><td class=\"n\">{}</td><td><span class=\"v {v}\">{v}</span></td>\
                 <td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
                line.score,
                line.sentences,
                line.flagged,
                v = line.verdict
            )?;
        }
        o.write_all(b"</tbody></table>\n</div>\n")?;
        // Filters.
        o.write_all(
            b"<h2>Sentences</h2>\n<div id=\"controls\" role=\"search\">\
              <label>code<select id=\"fc\"><option value=\"\">all</option>\
              <option value=\"*\">any finding</option>",
        )?;
        for (code, n) in ALL_CODES.iter().zip(self.code_counts) {
            if n > 0 {
                write!(o, "<option value=\"{code}\">{code} ({n})</option>")?;
            }
        }
        o.write_all(
            b"</select></label><label>verdict<select id=\"fv\"><option value=\"\">all</option>",
        )?;
        for (v, n) in ["ok", "review", "reject"].iter().zip(self.verdicts) {
            write!(o, "<option value=\"{v}\">{v} ({n})</option>")?;
        }
        o.write_all(
            b"</select></label><label>document<select id=\"fd\"><option value=\"\">all</option>",
        )?;
        for (d, line) in self.docs.iter().enumerate() {
            if line.first_row.is_some() {
                write!(o, "<option value=\"{d}\">")?;
                escape(o, &line.id)?;
                o.write_all(b"</option>")?;
            }
        }
        o.write_all(
            b"</select></label><button type=\"button\" id=\"clear\" hidden>clear filters</button>\
              <span id=\"shown\" aria-live=\"polite\"></span></div>\n</div>\n\
              <div id=\"tip\" role=\"tooltip\" hidden></div>\n",
        )?;
        // The finding details, by number: [code, severity, message, suggestion or null]. A
        // data block, never run; `<` is written as \u003c so that no text can close it.
        let mut table: Vec<(&Detail, usize)> = self.details.iter().map(|(k, &v)| (k, v)).collect();
        table.sort_unstable_by_key(|&(_, v)| v);
        let table: Vec<&Detail> = table.into_iter().map(|(k, _)| k).collect();
        let json = serde_json::to_string(&table).map_err(io::Error::other)?;
        write!(
            o,
            "<script type=\"application/json\" id=\"details\">{}</script>\n\
             <script>{SCRIPT}</script>\n</body>\n</html>\n",
            json.replace('<', "\\u003c")
        )?;
        if self.rows > MANY_ROWS {
            eprintln!(
                "mtlint: warning: the HTML report holds {} sentences; a browser is slow above \
                 {MANY_ROWS} (--only-flagged writes only the flagged ones)",
                self.rows
            );
        }
        o.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_text_and_attributes() {
        let mut v = Vec::new();
        escape(&mut v, "<script>alert('x')</script> & \"q\"").unwrap();
        assert_eq!(
            String::from_utf8(v).unwrap(),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
        );
    }

    #[test]
    fn the_policy_hash_is_the_scripts() {
        use sha2::Digest;
        let digest = sha2::Sha256::digest(SCRIPT.as_bytes());
        assert_eq!(base64(&digest), SCRIPT_SHA256);
    }

    /// Standard base64 with padding (what a CSP hash source is).
    fn base64(b: &[u8]) -> String {
        const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut s = String::new();
        for c in b.chunks(3) {
            let n = (u32::from(c[0]) << 16)
                | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
                | u32::from(*c.get(2).unwrap_or(&0));
            for k in 0..4 {
                if k <= c.len() {
                    s.push(A[(n >> (18 - 6 * k) & 63) as usize] as char);
                } else {
                    s.push('=');
                }
            }
        }
        s
    }
}
