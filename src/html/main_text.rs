//! `--html-content main`: which runs of a page are its article. The article is found by
//! `dom_smoothie` (a port of Mozilla's readability.js: text and link density, class and id
//! weights, `<article>` and schema.org hints); what is ours is the title, the chrome *inside*
//! the article that readability cleans away but an editor must see (share buttons, bylines,
//! "View photo series" links), and leaving the page's own chrome out.

use super::extract::{Kind, Run};
use dom_query::{Document, NodeId};
use rustc_hash::FxHashSet;

/// Pages with more elements than this are not given to readability (its scoring is
/// quadratic on some pages); their chrome-free text is kept instead.
const MAX_ELEMENTS: usize = 40_000;

/// For each run, whether it is part of the main text.
pub fn select(doc: &Document, runs: &[Run]) -> Vec<bool> {
    let kept = match article_nodes(doc) {
        Some(k)
            if runs
                .iter()
                .any(|r| k.contains(&r.node) && !r.text.trim().is_empty()) =>
        {
            k
        }
        // No article found: every text outside the page's chrome.
        _ => {
            return runs
                .iter()
                .map(|r| r.chrome.as_ref().is_none_or(|c| c.0.in_article()))
                .collect()
        }
    };
    let mut keep: Vec<bool> = runs.iter().map(|r| kept.contains(&r.node)).collect();
    let first = keep.iter().position(|&k| k).unwrap_or(0);
    let last = keep.iter().rposition(|&k| k).unwrap_or(0);
    // The title: readability reports it apart from the content; the last <h1> before the
    // article (or the first inside it) is the page's headline.
    let mut start = first;
    if !runs[first..=last]
        .iter()
        .zip(&keep[first..=last])
        .any(|(r, &k)| k && r.h1)
    {
        if let Some(h) = runs[..first]
            .iter()
            .rposition(|r| r.h1 && !r.text.trim().is_empty())
        {
            let block = runs[h].block;
            for (i, r) in runs.iter().enumerate().take(first) {
                if r.block == block && r.h1 {
                    keep[i] = true;
                }
            }
            start = runs.iter().position(|r| r.block == block).unwrap_or(h);
        }
    }
    for i in start..=last {
        match runs[i].chrome.as_ref().map(|c| c.0) {
            // Widgets, buttons and bylines between the headline and the article's end are
            // part of what the reader sees in the article: kept, and marked.
            Some(k) if k.in_article() => keep[i] = true,
            // The page's own chrome is never main text, even where readability kept it.
            Some(Kind::Header) | Some(Kind::LinkList) | None => {}
            Some(_) => keep[i] = false,
        }
    }
    keep
}

/// The text nodes readability keeps as the article, or `None` when it finds none.
fn article_nodes(doc: &Document) -> Option<FxHashSet<NodeId>> {
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Default::default()
    };
    // Readability works on a copy (it rewrites the tree); node ids survive the copy, so the
    // article's text nodes are the page's own.
    let mut r = dom_smoothie::Readability::with_document(doc.clone(), None, Some(cfg)).ok()?;
    r.parse().ok()?;
    let root = r.doc.select_single("#readability-page-1");
    let root = root.nodes().first()?;
    Some(
        root.descendants_it()
            .filter(|n| n.is_text())
            .map(|n| n.id)
            .collect(),
    )
}
