//! The numbers of `mtlint eval`, computed from the gold rows and what the tool said about each
//! row: per-code precision/recall/F1, false-alarm rates on clean rows, correlations with the
//! human score beside a length-only baseline, and ROC AUC for a binary label.

use super::gold::GoldRow;
use super::mapping::RowResult;
use super::stats::{self, Prf};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Number of length bins for the within-bins Spearman.
pub const LENGTH_BINS: usize = 5;

/// What the table had and how to read it.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// An expected-codes column is in use.
    pub has_expected: bool,
    /// A human score column is in use.
    pub has_human: bool,
    /// Higher human scores are better (else the human score is negated).
    pub higher_is_better: bool,
    /// A label column is in use.
    pub has_label: bool,
    /// An origin column is in use.
    pub has_origin: bool,
    /// An annotated-spans column is in use.
    pub has_spans: bool,
    /// The codes of the rules that ran.
    pub active: BTreeSet<&'static str>,
}

/// Flag rates on a set of rows.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Rates {
    /// Rows.
    pub rows: usize,
    /// Rows with any finding.
    pub flagged: usize,
    /// Rows with a major or critical finding.
    pub major: usize,
    /// `flagged / rows`.
    pub flag_rate: Option<f64>,
    /// `major / rows`.
    pub major_rate: Option<f64>,
}

impl Rates {
    fn of<'a>(preds: impl IntoIterator<Item = &'a RowResult>) -> Rates {
        let mut r = Rates::default();
        for p in preds {
            r.rows += 1;
            r.flagged += usize::from(!p.codes.is_empty());
            r.major += usize::from(p.major);
        }
        let ratio = |n: usize| (r.rows > 0).then(|| n as f64 / r.rows as f64);
        r.flag_rate = ratio(r.flagged);
        r.major_rate = ratio(r.major);
        r
    }
}

/// Correlations between a score and the oriented human score.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Correlation {
    /// Pearson r.
    pub pearson: Option<f64>,
    /// Spearman rho.
    pub spearman: Option<f64>,
    /// Kendall tau-b.
    pub kendall: Option<f64>,
    /// Rows with a human score.
    pub n: usize,
}

impl Correlation {
    fn of(x: &[f64], y: &[f64]) -> Correlation {
        Correlation {
            pearson: stats::pearson(x, y),
            spearman: stats::spearman(x, y),
            kendall: stats::kendall_tau_b(x, y),
            n: x.len(),
        }
    }
}

/// Class sizes of the label.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LabelCounts {
    /// Rows with label 1.
    pub positive: usize,
    /// Rows with label 0.
    pub negative: usize,
}

/// Findings against annotated error spans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct SpanCounts {
    /// Findings (in rows with annotations).
    pub findings: usize,
    /// Findings that overlap an annotated span of any category.
    pub overlap_any: usize,
    /// Findings that overlap an annotated span of a category matching their code.
    pub overlap_matching: usize,
}

/// How findings line up with annotated error spans (MQM).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SpanOverlap {
    /// Rows with an annotation (possibly without any span).
    pub rows: usize,
    /// Annotated target-side spans with offsets.
    pub annotated_spans: usize,
    /// All findings.
    pub total: SpanCounts,
    /// Per code that found something.
    pub per_code: BTreeMap<&'static str, SpanCounts>,
    /// Flag rates of the rows whose annotation has no span: flags there are likely false alarms.
    pub rows_without_spans: Rates,
}

/// Keywords of the annotation categories each code corresponds to (matched in the lower-cased
/// `category/subcategory` with `_` and `-` read as spaces).
pub fn matching_keywords(code: &str) -> &'static [&'static str] {
    match code {
        "run-together" => &["spelling"],
        "capitalized-noun" => &["spelling", "capitali"],
        "foreign-spelling" | "name-variant" => &["spelling", "name", "inconsisten"],
        "word-order" => &["grammar", "awkward", "non fluent", "word order"],
        "broken-clause" => &["grammar", "awkward", "non fluent", "unintelligible"],
        "repetition" => &["addition", "awkward", "non fluent", "repetition"],
        "untranslated" | "wrong-language" | "source-copy" => &["untranslated", "non translation"],
        "typography" => &["punctuation", "display", "typograph"],
        "encoding" => &["display", "spelling", "character encoding"],
        "truncated" => &["omission"],
        "boilerplate" | "credit" => &["addition"],
        "number-mismatch" | "name-mismatch" => &["mistranslation", "omission"],
        _ => &[],
    }
}

/// True when an annotation category corresponds to a code (see [`matching_keywords`]).
pub fn category_matches(code: &str, category: &str) -> bool {
    let c: String = category
        .chars()
        .map(|ch| {
            if ch == '_' || ch == '-' {
                ' '
            } else {
                ch.to_ascii_lowercase()
            }
        })
        .collect();
    matching_keywords(code).iter().any(|k| c.contains(k))
}

/// Half-open character ranges overlap; an empty finding range counts as its first character.
fn overlaps(f: (usize, usize), a: (usize, usize)) -> bool {
    let fe = f.1.max(f.0 + 1);
    f.0 < a.1 && a.0 < fe
}

fn span_overlap(rows: &[GoldRow], preds: &[RowResult]) -> SpanOverlap {
    let mut o = SpanOverlap::default();
    let mut clean: Vec<&RowResult> = Vec::new();
    for (r, p) in rows.iter().zip(preds) {
        let Some(spans) = &r.spans else {
            continue;
        };
        o.rows += 1;
        o.annotated_spans += spans.len();
        if spans.is_empty() {
            clean.push(p);
        }
        for &(code, start, end) in &p.spans {
            let hit = |any: bool| {
                spans.iter().any(|s| {
                    overlaps((start, end), (s.start, s.end))
                        && (any || category_matches(code, &s.category))
                })
            };
            let (a, m) = (hit(true), hit(false));
            for c in [&mut o.total, o.per_code.entry(code).or_default()] {
                c.findings += 1;
                c.overlap_any += usize::from(a);
                c.overlap_matching += usize::from(m);
            }
        }
    }
    o.rows_without_spans = Rates::of(clean);
    o
}

/// Everything `eval` reports. Serialized as the JSON object of `--format json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Metrics {
    /// Rows evaluated.
    pub rows: usize,
    /// Documents analyzed (rows joined by the document columns).
    pub documents: usize,
    /// Rows skipped because they were malformed.
    pub bad_rows: usize,
    /// Codes of the rules that ran.
    pub active_codes: Vec<&'static str>,
    /// Per code (every code expected or predicted among the labelled rows), row level.
    pub per_code: Option<BTreeMap<String, Prf>>,
    /// Any finding vs expected not clean (rows labelled only with codes that did not run are
    /// left out).
    pub any: Option<Prf>,
    /// Clean rows (expected `-`, or every row when there is no expected column).
    pub clean_rows: usize,
    /// Share of clean rows with any finding.
    pub clean_flag_rate: Option<f64>,
    /// Share of clean rows with a major or critical finding.
    pub clean_major_rate: Option<f64>,
    /// The clean-row rates per origin value.
    pub clean_by_origin: Option<BTreeMap<String, Rates>>,
    /// Share of clean rows flagged by each code that ran.
    pub clean_rate_per_code: Option<BTreeMap<&'static str, f64>>,
    /// Share of all rows with any finding.
    pub flag_rate: Option<f64>,
    /// Share of all rows with a major or critical finding.
    pub major_rate: Option<f64>,
    /// Share of all rows flagged by each code that ran.
    pub flag_share_per_code: BTreeMap<&'static str, f64>,
    /// Mean row score.
    pub mean_score: Option<f64>,
    /// Tool score vs oriented human score.
    pub correlation: Option<Correlation>,
    /// −(words) vs oriented human score.
    pub length_baseline: Option<Correlation>,
    /// Spearman of tool score and human score controlling for the number of words.
    pub partial_spearman: Option<f64>,
    /// Spearman within length bins (quintiles of the number of words), weighted by bin size.
    pub binned_spearman: Option<f64>,
    /// ROC AUC of the tool score for label 1 (positive = expected to score higher).
    pub auc: Option<f64>,
    /// ROC AUC of −(words) for the label.
    pub auc_length_baseline: Option<f64>,
    /// Class sizes of the label.
    pub label_counts: Option<LabelCounts>,
    /// Flag rates of the rows with label 1 and label 0.
    pub flag_rate_by_label: Option<BTreeMap<String, Rates>>,
    /// Findings against annotated error spans.
    pub span_overlap: Option<SpanOverlap>,
}

/// The human score turned so that higher = better: negated unless higher is better.
pub fn orient(human: f64, higher_is_better: bool) -> f64 {
    if higher_is_better {
        human
    } else {
        -human
    }
}

/// Expected codes restricted to the rules that ran; `None` when the row is not labelled, or
/// when all its codes belong to rules that did not run (it is neither clean nor judgeable).
pub fn judged_expected<'a>(
    expected: &'a Option<BTreeSet<String>>,
    active: &BTreeSet<&str>,
) -> Option<BTreeSet<&'a str>> {
    let e = expected.as_ref()?;
    let kept: BTreeSet<&str> = e
        .iter()
        .map(String::as_str)
        .filter(|c| active.contains(c))
        .collect();
    if kept.is_empty() && !e.is_empty() {
        None
    } else {
        Some(kept)
    }
}

/// Computes every metric. `rows` and `preds` are parallel.
pub fn compute(rows: &[GoldRow], preds: &[RowResult], setup: &Setup) -> Metrics {
    assert_eq!(rows.len(), preds.len(), "one result per row");
    let mut m = Metrics {
        rows: rows.len(),
        active_codes: setup.active.iter().copied().collect(),
        ..Metrics::default()
    };

    // Codes vs expectations.
    if setup.has_expected {
        let mut counts: BTreeMap<String, (u64, u64, u64)> = BTreeMap::new();
        let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
        for (r, p) in rows.iter().zip(preds) {
            let Some(exp) = judged_expected(&r.expected, &setup.active) else {
                continue;
            };
            for c in exp
                .iter()
                .copied()
                .chain(p.codes.iter().copied())
                .collect::<BTreeSet<&str>>()
            {
                let e = counts.entry(c.to_string()).or_default();
                match (exp.contains(c), p.codes.contains(c)) {
                    (true, true) => e.0 += 1,
                    (false, true) => e.1 += 1,
                    (true, false) => e.2 += 1,
                    (false, false) => {}
                }
            }
            match (!exp.is_empty(), !p.codes.is_empty()) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                (false, false) => {}
            }
        }
        m.per_code = Some(
            counts
                .into_iter()
                .map(|(c, (tp, fp, fn_))| (c, Prf::from_counts(tp, fp, fn_)))
                .collect(),
        );
        m.any = Some(Prf::from_counts(tp, fp, fn_));
    }

    // Clean rows: false alarms.
    let clean: Vec<usize> = (0..rows.len())
        .filter(|&i| {
            !setup.has_expected || rows[i].expected.as_ref().is_some_and(BTreeSet::is_empty)
        })
        .collect();
    let clean_rates = Rates::of(clean.iter().map(|&i| &preds[i]));
    m.clean_rows = clean_rates.rows;
    m.clean_flag_rate = clean_rates.flag_rate;
    m.clean_major_rate = clean_rates.major_rate;
    if setup.has_origin {
        let mut by: BTreeMap<String, Vec<&RowResult>> = BTreeMap::new();
        for &i in &clean {
            by.entry(rows[i].origin.clone().unwrap_or_default())
                .or_default()
                .push(&preds[i]);
        }
        m.clean_by_origin = Some(by.into_iter().map(|(k, v)| (k, Rates::of(v))).collect());
    }
    let share_per_code = |idx: &[usize]| -> BTreeMap<&'static str, f64> {
        setup
            .active
            .iter()
            .map(|&c| {
                let n = idx.iter().filter(|&&i| preds[i].codes.contains(c)).count();
                (
                    c,
                    if idx.is_empty() {
                        0.0
                    } else {
                        n as f64 / idx.len() as f64
                    },
                )
            })
            .collect()
    };
    if !clean.is_empty() {
        m.clean_rate_per_code = Some(share_per_code(&clean));
    }
    let all: Vec<usize> = (0..rows.len()).collect();
    let all_rates = Rates::of(preds);
    m.flag_rate = all_rates.flag_rate;
    m.major_rate = all_rates.major_rate;
    m.flag_share_per_code = share_per_code(&all);
    let scores: Vec<f64> = preds.iter().map(|p| f64::from(p.score)).collect();
    m.mean_score = stats::mean(&scores);

    // Human scores.
    if setup.has_human {
        let (mut x, mut y, mut len) = (Vec::new(), Vec::new(), Vec::new());
        for (r, p) in rows.iter().zip(preds) {
            if let Some(h) = r.human {
                x.push(f64::from(p.score));
                y.push(orient(h, setup.higher_is_better));
                len.push(-(p.words as f64));
            }
        }
        m.correlation = Some(Correlation::of(&x, &y));
        m.length_baseline = Some(Correlation::of(&len, &y));
        m.partial_spearman = stats::partial_spearman(&x, &y, &len);
        m.binned_spearman = stats::within_bins_spearman(&x, &y, &len, LENGTH_BINS);
    }

    // Binary label.
    if setup.has_label {
        let (mut x, mut l, mut len) = (Vec::new(), Vec::new(), Vec::new());
        let mut by: BTreeMap<String, Vec<&RowResult>> = BTreeMap::new();
        for (r, p) in rows.iter().zip(preds) {
            if let Some(b) = r.label {
                x.push(f64::from(p.score));
                l.push(b);
                len.push(-(p.words as f64));
                by.entry(if b { "1" } else { "0" }.to_string())
                    .or_default()
                    .push(p);
            }
        }
        m.auc = stats::roc_auc(&x, &l);
        m.auc_length_baseline = stats::roc_auc(&len, &l);
        let positive = l.iter().filter(|&&b| b).count();
        m.label_counts = Some(LabelCounts {
            positive,
            negative: l.len() - positive,
        });
        m.flag_rate_by_label = Some(by.into_iter().map(|(k, v)| (k, Rates::of(v))).collect());
    }
    if setup.has_spans {
        m.span_overlap = Some(span_overlap(rows, preds));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(s: &[&'static str]) -> BTreeSet<&'static str> {
        s.iter().copied().collect()
    }

    fn exp(s: &str) -> Option<BTreeSet<String>> {
        super::super::gold::parse_expected(s).unwrap()
    }

    fn setup() -> Setup {
        Setup {
            has_expected: true,
            active: codes(&["boilerplate", "credit", "word-order"]),
            ..Setup::default()
        }
    }

    fn pred(c: &[&'static str], major: bool, score: u32, words: usize) -> RowResult {
        RowResult {
            score,
            words,
            sentences: 1,
            codes: codes(c),
            major,
            evidence: Vec::new(),
            spans: Vec::new(),
        }
    }

    fn gold(expected: &str, origin: &str) -> GoldRow {
        GoldRow {
            expected: exp(expected),
            origin: Some(origin.into()),
            ..GoldRow::default()
        }
    }

    #[test]
    fn orientation() {
        // An error count: more is worse, so it is negated.
        assert_eq!(orient(3.0, false), -3.0);
        // MQM (0 best, negative worse) and DA z: higher is better, kept.
        assert_eq!(orient(-5.0, true), -5.0);
    }

    #[test]
    fn per_code_any_and_clean_rates() {
        let rows = vec![
            gold("boilerplate", "a"),        // tp boilerplate, any tp
            gold("boilerplate;credit", "a"), // tp boilerplate, fn credit, any tp
            gold("-", "a"),                  // fp word-order, any fp, clean flagged (minor)
            gold("-", "b"),                  // clean, not flagged
            gold("-", "b"),                  // fp credit (major)
            gold("word-order", "b"),         // fn word-order, any fn
            gold("truncated", "b"),          // inactive only: left out of per-code and any
            gold("", "b"),                   // not labelled: left out
        ];
        let preds = vec![
            pred(&["boilerplate"], true, 80, 3),
            pred(&["boilerplate"], true, 80, 3),
            pred(&["word-order"], false, 96, 3),
            pred(&[], false, 100, 3),
            pred(&["credit"], true, 80, 3),
            pred(&[], false, 100, 3),
            pred(&["credit"], true, 80, 3),
            pred(&["boilerplate"], true, 80, 3),
        ];
        let s = Setup {
            has_origin: true,
            ..setup()
        };
        let m = compute(&rows, &preds, &s);
        let pc = m.per_code.unwrap();
        assert_eq!(
            pc.keys().collect::<Vec<_>>(),
            ["boilerplate", "credit", "word-order"]
        );
        assert_eq!(pc["boilerplate"], Prf::from_counts(2, 0, 0));
        assert_eq!(pc["credit"], Prf::from_counts(0, 1, 1));
        assert_eq!(pc["word-order"], Prf::from_counts(0, 1, 1));
        assert_eq!(m.any, Some(Prf::from_counts(2, 2, 1)));
        assert_eq!(m.clean_rows, 3);
        assert_eq!(m.clean_flag_rate, Some(2.0 / 3.0));
        assert_eq!(m.clean_major_rate, Some(1.0 / 3.0));
        let by = m.clean_by_origin.unwrap();
        assert_eq!((by["a"].rows, by["a"].flagged, by["a"].major), (1, 1, 0));
        assert_eq!((by["b"].rows, by["b"].flagged, by["b"].major), (2, 1, 1));
        let per = m.clean_rate_per_code.unwrap();
        assert_eq!(per["credit"], 1.0 / 3.0);
        assert_eq!(per["boilerplate"], 0.0);
        assert_eq!(m.flag_rate, Some(6.0 / 8.0));
        assert_eq!(m.flag_share_per_code["boilerplate"], 3.0 / 8.0);
        assert_eq!(m.correlation, None);
        assert_eq!(m.auc, None);
    }

    #[test]
    fn without_expected_every_row_is_clean() {
        let rows = vec![GoldRow::default(), GoldRow::default()];
        let preds = vec![pred(&["credit"], false, 96, 2), pred(&[], false, 100, 2)];
        let m = compute(
            &rows,
            &preds,
            &Setup {
                has_expected: false,
                ..setup()
            },
        );
        assert_eq!(m.per_code, None);
        assert_eq!(m.any, None);
        assert_eq!(m.clean_rows, 2);
        assert_eq!(m.clean_flag_rate, Some(0.5));
        assert_eq!(m.clean_by_origin, None);
    }

    #[test]
    fn correlation_is_oriented_and_length_is_a_baseline() {
        // Error counts (lower is better): the tool's score falls as errors rise, so the
        // oriented correlation is +1. Length runs the other way round.
        let errors = [0.0, 1.0, 2.0, 3.0];
        let tool = [100, 90, 80, 70];
        let words = [9, 3, 5, 7];
        let rows: Vec<GoldRow> = errors
            .iter()
            .map(|&e| GoldRow {
                human: Some(e),
                ..GoldRow::default()
            })
            .collect();
        let preds: Vec<RowResult> = tool
            .iter()
            .zip(words)
            .map(|(&s, w)| pred(&[], false, s, w))
            .collect();
        let s = Setup {
            has_human: true,
            higher_is_better: false,
            ..setup()
        };
        let m = compute(&rows, &preds, &s);
        let c = m.correlation.clone().unwrap();
        assert_eq!((c.kendall, c.n), (Some(1.0), 4));
        assert!((c.spearman.unwrap() - 1.0).abs() < 1e-12);
        assert!((c.pearson.unwrap() - 1.0).abs() < 1e-12);
        // −words = [-9,-3,-5,-7] vs oriented [0,-1,-2,-3]: ranks [1,4,3,2] vs [4,3,2,1]:
        // Σd² = 9+1+1+1 = 12, rho = 1 − 6·12/60 = −0.2.
        let b = m.length_baseline.unwrap();
        assert!((b.spearman.unwrap() + 0.2).abs() < 1e-12);
        // Told the other way round, the same data disagrees perfectly.
        let m2 = compute(
            &rows,
            &preds,
            &Setup {
                higher_is_better: true,
                ..s
            },
        );
        assert_eq!(m2.correlation.unwrap().kendall, Some(-1.0));
    }

    #[test]
    fn findings_against_annotated_spans() {
        use super::super::gold::Span;
        let span = |start, end, category: &str| Span {
            start,
            end,
            category: category.into(),
        };
        let rows = vec![
            GoldRow {
                spans: Some(vec![
                    span(4, 9, "Fluency/Grammar"),
                    span(20, 25, "Accuracy/Mistranslation"),
                ]),
                ..GoldRow::default()
            },
            GoldRow {
                spans: Some(vec![]),
                ..GoldRow::default()
            },
            GoldRow {
                spans: None,
                ..GoldRow::default()
            },
        ];
        let mut p0 = pred(&["word-order", "typography"], true, 70, 8);
        // word-order on 8..12 overlaps the grammar span; typography on 21..22 overlaps only the
        // mistranslation span; typography on 30..30 (empty) overlaps nothing.
        p0.spans = vec![
            ("word-order", 8, 12),
            ("typography", 21, 22),
            ("typography", 30, 30),
        ];
        let mut p1 = pred(&["credit"], false, 96, 5);
        p1.spans = vec![("credit", 0, 3)];
        let mut p2 = pred(&["credit"], false, 96, 5);
        p2.spans = vec![("credit", 0, 3)];
        let m = compute(
            &rows,
            &[p0, p1, p2],
            &Setup {
                has_spans: true,
                ..setup()
            },
        );
        let o = m.span_overlap.unwrap();
        assert_eq!((o.rows, o.annotated_spans), (2, 2));
        assert_eq!(
            o.total,
            SpanCounts {
                findings: 4,
                overlap_any: 2,
                overlap_matching: 1
            }
        );
        assert_eq!(
            o.per_code["word-order"],
            SpanCounts {
                findings: 1,
                overlap_any: 1,
                overlap_matching: 1
            }
        );
        assert_eq!(
            o.per_code["typography"],
            SpanCounts {
                findings: 2,
                overlap_any: 1,
                overlap_matching: 0
            }
        );
        assert_eq!(
            o.per_code["credit"],
            SpanCounts {
                findings: 1,
                overlap_any: 0,
                overlap_matching: 0
            }
        );
        assert_eq!(
            (o.rows_without_spans.rows, o.rows_without_spans.flagged),
            (1, 1)
        );
        assert!(category_matches(
            "run-together",
            "Linguistic_conventions/Spelling"
        ));
        assert!(category_matches("word-order", "Style/Non_fluent"));
        assert!(category_matches("untranslated", "Non-translation!"));
        assert!(!category_matches("word-order", "Accuracy/Mistranslation"));
    }

    #[test]
    fn auc_and_its_length_baseline() {
        // Label 1 rows are short and score high.
        let data = [
            (true, 100, 2),
            (true, 96, 3),
            (false, 80, 10),
            (false, 100, 12),
        ];
        let rows: Vec<GoldRow> = data
            .iter()
            .map(|&(l, _, _)| GoldRow {
                label: Some(l),
                ..GoldRow::default()
            })
            .collect();
        let preds: Vec<RowResult> = data
            .iter()
            .map(|&(_, s, w)| pred(&[], false, s, w))
            .collect();
        let m = compute(
            &rows,
            &preds,
            &Setup {
                has_label: true,
                ..setup()
            },
        );
        // Pairs (pos, neg): (100,80)=1 (100,100)=½ (96,80)=1 (96,100)=0 → 2.5/4.
        assert_eq!(m.auc, Some(0.625));
        assert_eq!(m.auc_length_baseline, Some(1.0));
        assert_eq!(
            m.label_counts,
            Some(LabelCounts {
                positive: 2,
                negative: 2
            })
        );
    }
}
