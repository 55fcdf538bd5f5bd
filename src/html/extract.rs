//! The visible text of a parsed page as *runs* (one per text node, in document order), each with
//! its byte offsets in the HTML, the break before it and the chrome it sits in; and the
//! assembly of chosen runs into the text mtlint checks, with the seams and chrome ranges.

use super::{Chrome, Layout, Seam};
use dom_query::{Document, NodeId, NodeRef};
use std::sync::Arc;

/// What separates a run from the text before it (ordered: the stronger wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Break {
    /// Nothing: the same inline context (or a `<wbr>`).
    None,
    /// An inline element starts or ends: no space, but a seam if letters touch.
    Boundary,
    /// White space.
    Space,
    /// A block, `<br>` or list item: a paragraph break.
    Para,
}

/// The kinds of page chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Navigation, menus, breadcrumbs, pagination.
    Nav,
    /// The page header (masthead), outside the article.
    Header,
    /// A footer.
    Footer,
    /// An aside or sidebar.
    Aside,
    /// Share, comment, newsletter, related-content and ad widgets.
    Widget,
    /// A button.
    Button,
    /// A list whose items are links.
    LinkList,
    /// A cookie or consent banner.
    Cookie,
    /// A byline or author box.
    Byline,
}

impl Kind {
    /// Chrome that sits inside articles (kept, marked, in `main` mode); the other kinds belong
    /// to the page around the article and are left out in `main` mode.
    pub fn in_article(self) -> bool {
        matches!(self, Kind::Widget | Kind::Button | Kind::Byline)
    }

    /// How the finding's message names the kind.
    pub fn describe(self) -> &'static str {
        match self {
            Kind::Nav => "navigation",
            Kind::Header => "page header",
            Kind::Footer => "footer",
            Kind::Aside => "aside",
            Kind::Widget => "page widget",
            Kind::Button => "button",
            Kind::LinkList => "link list",
            Kind::Cookie => "cookie banner",
            Kind::Byline => "byline",
        }
    }
}

/// The chrome a run belongs to: its kind and the element, named.
pub type Label = Arc<(Kind, String)>;

/// One text node of the page.
#[derive(Debug, Clone)]
pub struct Run {
    /// The node in the parsed document.
    pub node: NodeId,
    /// Its text (entities decoded, white space as in the page).
    pub text: String,
    /// `(offset in text, html byte)` pairs where the distance between the two changes.
    pub map: Vec<(usize, usize)>,
    /// What separates it from the run before.
    pub brk: Break,
    /// Index of the block (paragraph, item, cell) it is in.
    pub block: usize,
    /// The chrome it sits in, if any.
    pub chrome: Option<Label>,
    /// Inside an `<h1>`.
    pub h1: bool,
    /// An element ended and another began since the text before (`</a><a>`).
    pub between: bool,
}

impl Run {
    fn html_at(&self, k: usize) -> usize {
        let i = self.map.partition_point(|&(t, _)| t <= k);
        match i.checked_sub(1).map(|j| self.map[j]) {
            Some((t, h)) => h + (k - t),
            None => self.map.first().map_or(0, |&(_, h)| h),
        }
    }
}

/// Elements whose content is never visible text.
const SKIPPED: &[&str] = &[
    "script", "style", "template", "noscript", "iframe", "object", "embed", "svg", "math",
    "canvas", "select", "textarea", "title", "head", "video", "audio", "picture", "map", "input",
    "datalist", "dialog",
];

/// Skipped elements whose content the page holds as raw text: the cursor jumps past them, so
/// that an article body repeated in a JSON-LD script is not taken for the visible one.
const RAW_TEXT: &[&str] = &[
    "script", "style", "template", "noscript", "textarea", "title", "iframe",
];

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "br",
    "option",
    "caption",
];

/// Class and id words that name chrome, with its kind.
const CHROME_WORDS: &[(&str, Kind)] = &[
    ("nav", Kind::Nav),
    ("navigation", Kind::Nav),
    ("navbar", Kind::Nav),
    ("menu", Kind::Nav),
    ("breadcrumb", Kind::Nav),
    ("breadcrumbs", Kind::Nav),
    ("pagination", Kind::Nav),
    ("footer", Kind::Footer),
    ("header", Kind::Header),
    ("masthead", Kind::Header),
    ("sidebar", Kind::Aside),
    ("share", Kind::Widget),
    ("sharing", Kind::Widget),
    ("shares", Kind::Widget),
    ("social", Kind::Widget),
    ("sharebar", Kind::Widget),
    ("toolbar", Kind::Widget),
    ("comments", Kind::Widget),
    ("comment", Kind::Widget),
    ("newsletter", Kind::Widget),
    ("subscribe", Kind::Widget),
    ("promo", Kind::Widget),
    ("advert", Kind::Widget),
    ("advertisement", Kind::Widget),
    ("ad", Kind::Widget),
    ("ads", Kind::Widget),
    ("related", Kind::Widget),
    ("recommended", Kind::Widget),
    ("gallery", Kind::Widget),
    ("cookie", Kind::Cookie),
    ("cookies", Kind::Cookie),
    ("consent", Kind::Cookie),
    ("gdpr", Kind::Cookie),
    ("byline", Kind::Byline),
    ("author", Kind::Byline),
    ("btn", Kind::Button),
    ("button", Kind::Button),
];

/// Class words that hide an element from sighted readers.
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "offscreen",
];

/// A chrome element larger than this (in non-space characters) with few links is a wrapper of
/// the page, not chrome.
const WRAPPER_CHARS: usize = 1500;

/// Per open element: where its runs start and what it has seen so far.
struct Frame {
    first_run: usize,
    chars: usize,
    link_chars: usize,
    items: usize,
    kind: Option<(Kind, String)>,
    list: bool,
    /// An `<article>`, `<main>` or schema.org `articleBody` lies inside: not chrome.
    article: bool,
}

struct Walker<'a> {
    src: &'a [u8],
    lower: Vec<u8>,
    cursor: usize,
    runs: Vec<Run>,
    pending: Break,
    block: usize,
    chars: usize,
    link_chars: usize,
    frames: Vec<Frame>,
    /// Elements ended / begun since the last text.
    closed: bool,
    opened: bool,
}

/// The runs of a page, in document order.
pub fn runs(doc: &Document, html: &str) -> Vec<Run> {
    let mut w = Walker {
        src: html.as_bytes(),
        lower: html.as_bytes().to_ascii_lowercase(),
        cursor: 0,
        runs: Vec::new(),
        pending: Break::Para,
        block: 0,
        chars: 0,
        link_chars: 0,
        frames: Vec::new(),
        closed: false,
        opened: false,
    };
    w.walk(doc.root());
    w.runs
}

/// Inherited state of an open element.
#[derive(Clone, Copy, Default)]
struct Inherit {
    link: bool,
    h1: bool,
    article: bool,
}

impl Walker<'_> {
    /// Depth-first, with an explicit stack: a page nested a million deep cannot overflow it.
    fn walk(&mut self, root: NodeRef<'_>) {
        enum Step<'n> {
            Enter(NodeRef<'n>, Inherit),
            Exit(bool),
        }
        let mut stack = vec![Step::Enter(root, Inherit::default())];
        while let Some(step) = stack.pop() {
            match step {
                Step::Exit(block) => {
                    self.exit(block);
                }
                Step::Enter(node, inh) => {
                    if node.is_text() {
                        self.text(&node, inh);
                        continue;
                    }
                    if node.is_comment() {
                        self.skip_past(b"<!--", b"-->");
                        continue;
                    }
                    let mut inh = inh;
                    if node.is_element() {
                        let name = node.node_name().map(|n| n.to_ascii_lowercase());
                        let name = name.as_deref().unwrap_or("");
                        if SKIPPED.contains(&name) {
                            if RAW_TEXT.contains(&name) {
                                let open = format!("<{name}");
                                let close = format!("</{name}");
                                self.skip_past(open.as_bytes(), close.as_bytes());
                            } else if name == "head" {
                                // The head's children are all skipped, but its raw-text
                                // elements still move the cursor.
                                self.skip_head(&node);
                            }
                            continue;
                        }
                        if name == "wbr" {
                            continue;
                        }
                        if is_hidden(&node) {
                            self.pending = self.pending.max(Break::Boundary);
                            continue;
                        }
                        let block = BLOCKS.contains(&name);
                        if name == "a" {
                            inh.link = true;
                        }
                        if name == "h1" {
                            inh.h1 = true;
                        }
                        // The root elements are the whole page, whatever their classes say
                        // ("one-sidebar", "header-spacing").
                        let kind = if matches!(name, "html" | "body") {
                            None
                        } else {
                            chrome_kind(&node, name, inh.article)
                        };
                        let article = matches!(name, "article" | "main")
                            || node
                                .attr("itemprop")
                                .is_some_and(|v| v.eq_ignore_ascii_case("articlebody"));
                        if article {
                            inh.article = true;
                            for f in &mut self.frames {
                                f.article = true;
                            }
                        }
                        if name == "li" {
                            if let Some(f) = self.frames.iter_mut().rev().find(|f| f.list) {
                                f.items += 1;
                            }
                        }
                        self.frames.push(Frame {
                            first_run: self.runs.len(),
                            chars: self.chars,
                            link_chars: self.link_chars,
                            items: 0,
                            kind,
                            list: matches!(name, "ul" | "ol" | "menu"),
                            article: false,
                        });
                        self.pending =
                            self.pending
                                .max(if block { Break::Para } else { Break::Boundary });
                        self.opened = true;
                        stack.push(Step::Exit(block));
                    }
                    let children = node.children();
                    for c in children.into_iter().rev() {
                        stack.push(Step::Enter(c, inh));
                    }
                }
            }
        }
    }

    fn exit(&mut self, block: bool) {
        self.closed = true;
        self.pending = self
            .pending
            .max(if block { Break::Para } else { Break::Boundary });
        let Some(f) = self.frames.pop() else {
            return;
        };
        let chars = self.chars - f.chars;
        let links = self.link_chars - f.link_chars;
        let label = match f.kind {
            // A large element with few links is the page's wrapper, whatever its class says;
            // so is one that holds the article.
            Some(_) if f.article || (chars > WRAPPER_CHARS && links * 2 < chars) => None,
            Some(k) => Some(k),
            None if f.list && f.items >= 2 && chars > 0 && links * 10 >= chars * 8 => {
                // Short items that are all links: a link list.
                (chars / f.items < 80).then(|| (Kind::LinkList, "list of links".to_string()))
            }
            None => None,
        };
        if let Some(l) = label {
            let l = Arc::new(l);
            // Outermost wins: an outer element relabels what inner ones marked.
            // The headline is never the page header's chrome, even inside a <header>.
            for r in &mut self.runs[f.first_run..] {
                if !(r.h1 && l.0 == Kind::Header) {
                    r.chrome = Some(l.clone());
                }
            }
        }
    }

    fn skip_head(&mut self, head: &NodeRef<'_>) {
        for c in head.descendants() {
            if c.is_element() {
                let name = c.node_name().map(|n| n.to_ascii_lowercase());
                if let Some(name) = name.as_deref().filter(|n| RAW_TEXT.contains(n)) {
                    let open = format!("<{name}");
                    let close = format!("</{name}");
                    self.skip_past(open.as_bytes(), close.as_bytes());
                }
            }
        }
    }

    /// Moves the cursor past the next `open … close` in the page (both found, else no move).
    fn skip_past(&mut self, open: &[u8], close: &[u8]) {
        let Some(o) = memchr::memmem::find(&self.lower[self.cursor..], open) else {
            return;
        };
        let from = self.cursor + o + open.len();
        if let Some(c) = memchr::memmem::find(&self.lower[from..], close) {
            self.cursor = from + c + close.len();
        }
    }

    fn text(&mut self, node: &NodeRef<'_>, inh: Inherit) {
        let text = node.text().to_string();
        if text.is_empty() {
            return;
        }
        let map = self.align(&text);
        let visible = text.chars().filter(|c| !c.is_whitespace()).count();
        self.chars += visible;
        if inh.link {
            self.link_chars += visible;
        }
        if self.pending == Break::Para {
            self.block += 1;
        }
        self.runs.push(Run {
            node: node.id,
            text,
            map,
            brk: self.pending,
            block: self.block,
            chrome: None,
            h1: inh.h1,
            between: self.opened && self.closed,
        });
        self.pending = Break::None;
        (self.opened, self.closed) = (false, false);
    }

    /// Finds the text node in the page from the cursor on and maps its text to HTML offsets.
    fn align(&mut self, text: &str) -> Vec<(usize, usize)> {
        let src = self.src;
        let plain = |b: u8| {
            b.is_ascii_alphanumeric() || matches!(b, b' ' | b',' | b'.' | b'-' | b':' | b'!')
        };
        // A probe: plain ASCII (no entity could stand for it), ≤ 32 bytes; the text's start
        // when it is plain, else the first plain stretch of three bytes or more.
        let bytes = text.as_bytes();
        let lead = text.len() - text.trim_start().len();
        let at_start = bytes.get(lead).is_some_and(|&b| plain(b));
        let from_k = if at_start {
            Some(lead)
        } else {
            (lead..bytes.len()).find(|&k| {
                bytes[k].is_ascii_alphanumeric()
                    && (k == 0 || !bytes[k - 1].is_ascii_alphanumeric())
                    && bytes[k..].iter().take(3).filter(|&&b| plain(b)).count() == 3
            })
        };
        let mut found = None;
        if let Some(k) = from_k {
            let len = bytes[k..]
                .iter()
                .take(32)
                .take_while(|&&b| plain(b))
                .count();
            let probe = &bytes[k..k + len];
            let mut from = self.cursor;
            while let Some(i) = memchr::memmem::find(&src[from..], probe) {
                let at = from + i;
                // In text, not in a tag: the nearest '<' or '>' before it is a '>'.
                let near = memchr::memrchr2(b'<', b'>', &src[..at]);
                if near.is_none_or(|n| src[n] == b'>') {
                    found = Some((at, near));
                    break;
                }
                from = at + 1;
            }
        }
        // Where the walk starts, in the page and in the text: at the probe when the text
        // starts with it; else just after the tag before the probe (a text node starts after
        // a tag), from the text's first byte; else after the next tag.
        let (mut r, d0) = match found {
            Some((at, _)) if at_start => (at, lead),
            Some((_, near)) => (near.map_or(0, |n| n + 1), 0),
            None => match memchr::memchr(b'>', &src[self.cursor..]) {
                Some(i) => (self.cursor + i + 1, 0),
                None => return vec![(0, self.cursor)],
            },
        };
        let mut map: Vec<(usize, usize)> = Vec::new();
        let record = |d: usize, r: usize, map: &mut Vec<(usize, usize)>| {
            let same = map
                .last()
                .is_some_and(|&(t, h)| h as isize - t as isize == r as isize - d as isize);
            if !same {
                map.push((d, r));
            }
        };
        record(d0, r, &mut map);
        for (d, c) in text[d0..].char_indices() {
            let d = d0 + d;
            if r < src.len() && src[r] == b'\r' && c == '\n' {
                r += 1;
            }
            let mut buf = [0u8; 4];
            let cb = c.encode_utf8(&mut buf).as_bytes();
            // A literal character, unless it is a '&' that starts the entity for itself.
            let amp_entity = c == '&'
                && [&b"&amp;"[..], b"&#38;", b"&#x26;"]
                    .iter()
                    .any(|e| self.lower[r.min(src.len())..].starts_with(e));
            if !amp_entity && src[r.min(src.len())..].starts_with(cb) {
                record(d, r, &mut map);
                r += cb.len();
            } else if src.get(r) == Some(&b'&') {
                record(d, r, &mut map);
                r += 1;
                while src
                    .get(r)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'#')
                {
                    r += 1;
                }
                if src.get(r) == Some(&b';') {
                    r += 1;
                }
            } else {
                break;
            }
        }
        self.cursor = r.min(src.len());
        map
    }
}

fn is_hidden(node: &NodeRef<'_>) -> bool {
    if node.has_attr("hidden") {
        return true;
    }
    if node
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = node.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    node.attr("class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|t| HIDDEN_CLASSES.iter().any(|h| t.eq_ignore_ascii_case(h)))
    })
}

/// The chrome an element is, from its tag, role, class and id; named as a reader would.
fn chrome_kind(node: &NodeRef<'_>, name: &str, in_article: bool) -> Option<(Kind, String)> {
    let by_tag = match name {
        "nav" => Some(Kind::Nav),
        "header" if !in_article => Some(Kind::Header),
        "footer" => Some(Kind::Footer),
        "aside" => Some(Kind::Aside),
        "button" => Some(Kind::Button),
        _ => None,
    };
    if let Some(k) = by_tag {
        return Some((k, format!("<{name}>")));
    }
    if let Some(role) = node.attr("role") {
        let k = match role.trim().to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" => Some(Kind::Nav),
            "banner" if !in_article => Some(Kind::Header),
            "contentinfo" => Some(Kind::Footer),
            "complementary" => Some(Kind::Aside),
            "button" => Some(Kind::Button),
            "search" => Some(Kind::Widget),
            _ => None,
        };
        if let Some(k) = k {
            return Some((k, format!("{name}[role={}]", role.trim())));
        }
    }
    for (attr, sep) in [("class", '.'), ("id", '#')] {
        let Some(v) = node.attr(attr) else { continue };
        for token in v.split_ascii_whitespace() {
            let lower = token.to_ascii_lowercase();
            // "article-header", "story-header": the article's own header, not the page's.
            let article_part = lower
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| matches!(w, "article" | "story" | "post" | "entry" | "content"));
            for word in lower.split(|c: char| !c.is_ascii_alphanumeric()) {
                if let Some(&(_, k)) = CHROME_WORDS.iter().find(|(w, _)| *w == word) {
                    if k == Kind::Header && (in_article || article_part) {
                        continue;
                    }
                    return Some((k, format!("{name}{sep}{token}")));
                }
            }
        }
    }
    None
}

/// Builds the text from the runs that `keep` marks: white space collapsed as a browser shows
/// it, paragraph breaks as blank lines, seams and chrome located in the text.
pub fn assemble(runs: &[Run], keep: &[bool]) -> (String, Layout) {
    let mut out = String::new();
    let mut layout = Layout::default();
    let mut state = Break::Para;
    // The chrome range being extended, and whether a non-chrome character came since.
    let mut open: Option<(Label, usize, usize)> = None;
    let mut block_kept: Option<(usize, bool, bool)> = None; // (block, has text, kept text)
    let count_block = |b: Option<(usize, bool, bool)>, stats: &mut super::PageStats| {
        if let Some((_, has, kept)) = b {
            if has && !kept {
                stats.dropped_blocks += 1;
            }
        }
    };
    for (r, &k) in runs.iter().zip(keep) {
        let visible = r.text.chars().filter(|c| !c.is_whitespace()).count();
        if block_kept.is_none_or(|(b, _, _)| b != r.block) {
            count_block(block_kept, &mut layout.stats);
            block_kept = Some((r.block, false, false));
        }
        if let Some((_, has, kept)) = block_kept.as_mut() {
            *has |= visible > 0;
            *kept |= k && visible > 0;
        }
        if !k {
            layout.stats.dropped_chars += visible;
            // Something left out lies between the texts around it.
            state = state.max(if visible == 0 {
                r.brk.max(Break::Space)
            } else {
                Break::Para
            });
            continue;
        }
        layout.stats.kept_chars += visible;
        state = state.max(r.brk);
        for (i, c) in r.text.char_indices() {
            if c.is_whitespace() {
                state = state.max(Break::Space);
                continue;
            }
            if !out.is_empty() {
                match state {
                    Break::Para => {
                        while out.ends_with(' ') {
                            out.pop();
                        }
                        out.push_str("\n\n");
                    }
                    Break::Space => out.push(' '),
                    Break::Boundary => {
                        if out.chars().next_back().is_some_and(char::is_alphanumeric)
                            && c.is_alphanumeric()
                        {
                            layout.seams.push(Seam {
                                at: out.len(),
                                between: r.between,
                            });
                        }
                    }
                    Break::None => {}
                }
            }
            state = Break::None;
            let h = r.html_at(i);
            let pos = out.len();
            let same = layout
                .anchors
                .last()
                .is_some_and(|&(t, a)| a as isize - t as isize == h as isize - pos as isize);
            if !same {
                layout.anchors.push((pos, h));
            }
            out.push(c);
            match (&r.chrome, &mut open) {
                (Some(l), Some((ol, _, end))) if Arc::ptr_eq(l, ol) => *end = out.len(),
                (Some(l), _) => {
                    if let Some((ol, s, e)) = open.take() {
                        push_chrome(&mut layout, ol, s, e);
                    }
                    open = Some((l.clone(), pos, out.len()));
                }
                (None, _) => {
                    if let Some((ol, s, e)) = open.take() {
                        push_chrome(&mut layout, ol, s, e);
                    }
                }
            }
        }
    }
    count_block(block_kept, &mut layout.stats);
    if let Some((ol, s, e)) = open.take() {
        push_chrome(&mut layout, ol, s, e);
    }
    (out, layout)
}

fn push_chrome(layout: &mut Layout, label: Label, start: usize, end: usize) {
    layout.chrome.push(Chrome {
        range: start..end,
        kind: label.0,
        element: label.1.clone(),
    });
}

#[cfg(test)]
mod tests {
    use crate::html::{read_str, Content, Kind, Page};

    fn all(html: &str) -> Page {
        read_str(html, Content::All)
    }

    #[test]
    fn blocks_breaks_and_list_items_are_paragraphs_inline_elements_are_not() {
        let p = all("<div>One <b>bold</b> word<br>after<ul><li>a</li><li>b</li></ul><p>x<span> y</span></p></div>");
        assert_eq!(p.text, "One bold word\n\nafter\n\na\n\nb\n\nx y");
        assert!(p.layout.seams.is_empty(), "{:?}", p.layout.seams);
    }

    #[test]
    fn scripts_styles_templates_comments_and_hidden_elements_are_dropped() {
        let p = all(concat!(
            "<p>a<script>b</script><style>c</style><template>d</template><!-- e -->",
            "<noscript>f</noscript><span hidden>g</span><span aria-hidden=\"true\">h</span>",
            "<span style=\"display : NONE\">i</span><span class=\"sr-only\">j</span> k</p>"
        ));
        assert_eq!(p.text, "a k");
    }

    #[test]
    fn entities_decoded_and_white_space_collapsed() {
        // A non-breaking space is white space like any other in the text checked.
        let p = all("<p>  Caf&eacute;&nbsp;&amp;\n\n  &#8220;bar&#x201D;   </p>");
        assert_eq!(p.text, "Caf\u{e9} & \u{201c}bar\u{201d}");
    }

    #[test]
    fn touching_inline_elements_leave_a_seam() {
        let p = all("<p>In <a>Space travel</a><a>agriculture</a>, <b>some</b>thing and <a>x</a> <a>y</a>.</p>");
        assert_eq!(p.text, "In Space travelagriculture, something and x y.");
        let seams: Vec<(&str, bool)> = p
            .layout
            .seams
            .iter()
            .map(|s| (&p.text[s.at..s.at + 3], s.between))
            .collect();
        assert_eq!(seams, [("agr", true), ("thi", false)]);
    }

    #[test]
    fn malformed_markup_is_read_as_a_browser_reads_it() {
        let p = all(
            "<p>One <b>two <i>three</b> four</i><p>Five &copy 2024 <unknown>six</p></div></span>",
        );
        assert_eq!(p.text, "One two three four\n\nFive \u{a9} 2024 six");
    }

    #[test]
    fn chrome_is_named_by_tag_role_class_or_id() {
        let p = all(concat!(
            "<nav><a>Home</a></nav><div role=\"navigation\">Menu</div>",
            "<div class=\"c-share-buttons\">Share</div><div id=\"cookie-notice\">Cookies</div>",
            "<article><p>Body text.</p><div class=\"article-header\">Not chrome</div></article>",
            "<ul><li><a>Link one</a></li><li><a>Link two</a></li><li><a>Link three</a></li></ul>"
        ));
        let named: Vec<(Kind, &str, &str)> = p
            .layout
            .chrome
            .iter()
            .map(|c| (c.kind, c.element.as_str(), &p.text[c.range.clone()]))
            .collect();
        assert_eq!(
            named,
            [
                (Kind::Nav, "<nav>", "Home"),
                (Kind::Nav, "div[role=navigation]", "Menu"),
                (Kind::Widget, "div.c-share-buttons", "Share"),
                (Kind::Cookie, "div#cookie-notice", "Cookies"),
                (
                    Kind::LinkList,
                    "list of links",
                    "Link one\n\nLink two\n\nLink three"
                ),
            ]
        );
    }

    #[test]
    fn a_deeply_nested_page_does_not_overflow_the_stack() {
        let html = format!(
            "{}deep{}",
            "<div><span>".repeat(5_000),
            "</span></div>".repeat(5_000)
        );
        assert_eq!(all(&html).text, "deep");
    }
}
