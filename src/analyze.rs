//! The pipeline for one document: segment, normalize, tokenize, identify languages, run the
//! rules, score. [`Engine`] is built once per run and shared by every worker thread.

use crate::config::Config;
use crate::lang::{Guess, LangId};
use crate::lexicon::{LexiconError, Lexicons};
use crate::normalize::Nfc;
use crate::rules::{self, DocFinding, Finding, Rule, Severity};
use crate::score::{Scoring, Verdict};
use crate::segment::Segmenter;
use crate::sentence::{self, Context, DocWords, Sentence, WordFacts};
use crate::text::{self, Word};
use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

/// Every rule code (defined by the registry, [`rules::RULES`]).
pub use crate::rules::ALL_CODES;

/// A document to check.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// The path as given, the id column or field, or `-`.
    pub id: String,
    /// The text.
    pub text: String,
    /// Bilingual mode: the source text.
    pub source: Option<String>,
}

impl Document {
    /// A document with an id and text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            source: None,
        }
    }
}

/// How to run: languages, rule selection, configuration, lexicon overrides.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The expected language of the text; default: each document's dominant language.
    pub target: Option<&'static str>,
    /// The language the text was translated from.
    pub source: Option<&'static str>,
    /// Only these codes.
    pub only: Option<Vec<String>>,
    /// Not these codes.
    pub ignore: Vec<String>,
    /// The configuration.
    pub config: Config,
    /// Directory that extends or replaces the built-in lexicons.
    pub lexicons: Option<PathBuf>,
}

/// Why an engine could not be built.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// A lexicon is broken.
    #[error(transparent)]
    Lexicon(#[from] LexiconError),
    /// `--only`, `--ignore` or the configuration names a code that does not exist.
    #[error("unknown rule code {0:?} (see `mtlint rules`)")]
    UnknownCode(String),
}

/// One finding, located in the document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FindingReport {
    /// The rule code.
    pub code: &'static str,
    /// Its severity.
    pub severity: Severity,
    /// Start in the document, in characters.
    pub start: usize,
    /// End in the document, in characters (exclusive).
    pub end: usize,
    /// Start in the document, in bytes.
    pub start_byte: usize,
    /// End in the document, in bytes (exclusive).
    pub end_byte: usize,
    /// The matched text (NFC); for a finding about something absent (a source number missing
    /// from the translation), what is missing.
    pub matched: String,
    /// What is wrong.
    pub message: String,
    /// The replacement, if any.
    pub suggestion: Option<String>,
}

/// One sentence with its findings and score.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceReport {
    /// 1-based index in the document.
    pub index: usize,
    /// 1-based line where it starts.
    pub line: usize,
    /// Start in the document, in characters.
    pub start: usize,
    /// End in the document, in characters (exclusive).
    pub end: usize,
    /// Start in bytes.
    pub start_byte: usize,
    /// End in bytes (exclusive).
    pub end_byte: usize,
    /// Language of the sentence.
    pub lang: &'static str,
    /// Its confidence.
    pub lang_confidence: f64,
    /// 0–100.
    pub score: u32,
    /// Sum of the finding weights.
    pub penalty: f64,
    /// Band of the score.
    pub verdict: Verdict,
    /// Findings in order of position.
    pub findings: Vec<FindingReport>,
    /// Number of words (for the document score).
    pub words: usize,
    /// The sentence, NFC-normalized.
    pub text: String,
}

/// A whole document's result.
#[derive(Debug, Clone, PartialEq)]
pub struct DocReport {
    /// The document id.
    pub id: String,
    /// Detected dominant language.
    pub lang: &'static str,
    /// The target language the rules judged against.
    pub target: &'static str,
    /// The sentences.
    pub sentences: Vec<SentenceReport>,
    /// The document's score: MQM's per-word normalized penalty with a tolerance
    /// ([`crate::score::Scoring::document_score`]; 100 for a document without findings).
    pub score: u32,
    /// Band of the score.
    pub verdict: Verdict,
    /// The same formula over the findings that translation causes (every code but
    /// boilerplate, credit, truncated, encoding).
    pub translation_score: u32,
    /// The same formula over the page's junk (boilerplate, credit, truncated, encoding).
    pub page_score: u32,
    /// Total penalty of the document's findings.
    pub penalty: f64,
    /// Words in the document.
    pub words: usize,
}

/// Everything needed to check documents; build once, share across threads.
pub struct Engine {
    lex: Arc<Lexicons>,
    rules: Vec<Box<dyn Rule>>,
    segmenter: Segmenter,
    langid: LangId,
    scoring: Scoring,
    target: Option<&'static str>,
    source: Option<&'static str>,
    severity: FxHashMap<String, Severity>,
    allow: Option<AhoCorasick>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("rules", &self.rules.len())
            .finish()
    }
}

fn check_code(c: &str) -> Result<(), EngineError> {
    if ALL_CODES.contains(&c) {
        Ok(())
    } else {
        Err(EngineError::UnknownCode(c.to_string()))
    }
}

impl Engine {
    /// Builds an engine with default options (all rules, built-in lexicons).
    pub fn default_engine() -> Result<Engine, EngineError> {
        Engine::new(Options::default())
    }

    /// Builds an engine.
    pub fn new(opts: Options) -> Result<Engine, EngineError> {
        for c in opts.only.iter().flatten().chain(&opts.ignore) {
            check_code(c)?;
        }
        for c in opts.config.severity.keys() {
            check_code(c)?;
        }
        let lex: Arc<Lexicons> = if opts.lexicons.is_some() || !opts.config.boilerplate.is_empty() {
            let mut lex = match &opts.lexicons {
                Some(dir) => Lexicons::with_overrides(dir)?,
                None => Lexicons::with_overrides_none(),
            };
            if !opts.config.boilerplate.is_empty() {
                lex.add_file("boilerplate/config.txt", opts.config.boilerplate.join("\n"));
            }
            Arc::new(lex)
        } else {
            Lexicons::builtin_shared()
        };
        let rules = rules::registry(&lex)?
            .into_iter()
            .filter(|r| {
                let code = r.info().code;
                opts.only
                    .as_ref()
                    .is_none_or(|o| o.iter().any(|c| c == code))
                    && !opts.ignore.iter().any(|c| c == code)
            })
            .collect();
        let starters: Vec<&str> = lex.list("segment/starters.txt");
        // CLDR entries that are common words ("As.", "By.") were left out by the build script.
        let mut abbreviations: Vec<&str> = Vec::new();
        for p in lex.paths().filter(|p| p.starts_with("abbreviations/")) {
            abbreviations.extend(lex.list(p));
        }
        abbreviations.extend(lex.list("segment/abbreviations.txt"));
        let mut months: Vec<&str> = Vec::new();
        for p in lex.paths().filter(|p| p.starts_with("calendar/")) {
            months.extend(
                lex.entries(p)
                    .into_iter()
                    .filter(|e| e.text.split('\t').nth(1) == Some("month"))
                    .filter_map(|e| e.text.split('\t').next()),
            );
        }
        let segmenter = Segmenter::new(abbreviations, lex.list("segment/titles.txt"), starters)
            .with_months(months);
        let names: Vec<&String> = opts
            .config
            .allow
            .names
            .iter()
            .chain(&opts.config.allow.words)
            .collect();
        let allow = if names.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(names)
                .ok()
        };
        Ok(Engine {
            rules,
            segmenter,
            langid: LangId::new(Arc::clone(&lex)),
            lex,
            scoring: opts.config.scoring.clone(),
            target: opts.target,
            source: opts.source,
            severity: opts.config.severity.clone().into_iter().collect(),
            allow,
        })
    }

    /// The lexicons in use.
    pub fn lexicons(&self) -> &Lexicons {
        &self.lex
    }

    /// The rules that run.
    pub fn rules(&self) -> &[Box<dyn Rule>] {
        &self.rules
    }

    /// The scoring in use.
    pub fn scoring(&self) -> &Scoring {
        &self.scoring
    }

    /// Checks one document.
    pub fn analyze(&self, doc: &Document) -> DocReport {
        let text = doc.text.as_str();
        let spans = self.segmenter.split(text);
        let nfcs: Vec<Nfc<'_>> = spans
            .iter()
            .map(|s| Nfc::new(&text[s.start..s.end]))
            .collect();
        // The words of all sentences in one buffer; sentence i's words (and their facts, at
        // the same indices) are `all_words[ranges[i]]`.
        // About one word per five bytes of text (news in Latin script), so the buffer rarely grows.
        let mut all_words: Vec<Word> = Vec::with_capacity(text.len() / 5 + 1);
        let ranges: Vec<Range<usize>> = nfcs
            .iter()
            .map(|n| {
                let start = all_words.len();
                text::words_into(&n.text, &mut all_words);
                start..all_words.len()
            })
            .collect();
        let words: Vec<&[Word]> = ranges.iter().map(|r| &all_words[r.clone()]).collect();
        let pairs: Vec<(&str, &[Word])> = nfcs
            .iter()
            .zip(&words)
            .map(|(n, w)| (n.text.as_ref(), *w))
            .collect();
        // Every word is lower-cased and looked up once, here; rules read the facts.
        let mut lower_text = String::with_capacity(text.len());
        let mut facts: Vec<WordFacts> = Vec::with_capacity(all_words.len());
        let en = self.lex.words("en");
        for (t, w) in &pairs {
            sentence::word_facts(
                t,
                w,
                &mut lower_text,
                &mut facts,
                |l| en.count(l),
                |l| self.langid.function_mask(l),
            );
        }
        let hits: Vec<_> = pairs
            .iter()
            .zip(&ranges)
            .map(|((_, w), r)| LangId::hits_from_facts(w, &facts[r.clone()]))
            .collect();
        let doc_guess = self.langid.document_with(&pairs, &hits);
        let target = self.target.unwrap_or(doc_guess.lang);
        // Sentences fall back to the target when it was given, else to the document language.
        let fallback = Guess {
            lang: target,
            confidence: if target == doc_guess.lang {
                doc_guess.confidence
            } else {
                0.5
            },
            detected: false,
        };
        let sentences: Vec<Sentence<'_>> = spans
            .iter()
            .enumerate()
            .map(|(i, sp)| {
                let t: &str = &nfcs[i].text;
                let g = self.langid.sentence_with(
                    t,
                    words[i],
                    fallback,
                    Some(hits[i]),
                    Some((&facts[ranges[i].clone()], &lower_text)),
                );
                Sentence {
                    index: i,
                    text: t,
                    words: words[i],
                    facts: &facts[ranges[i].clone()],
                    lower_text: &lower_text,
                    lang: g.lang,
                    lang_confidence: g.confidence,
                    lang_detected: g.detected,
                    line_start: sp.line_start,
                    line_end: sp.line_end,
                    paragraph_end: sp.paragraph_end,
                }
            })
            .collect();
        let starts: Vec<Option<usize>> = spans
            .iter()
            .zip(&nfcs)
            .map(|(sp, n)| (!n.changed()).then_some(sp.start))
            .collect();
        let doc_words = DocWords::new(text, &sentences, &starts);
        let cx = Context {
            target,
            source: self.source,
            lex: &self.lex,
            sentences: &sentences,
            doc_words: &doc_words,
            source_text: doc.source.as_deref(),
        };

        let mut per_sentence: Vec<Vec<Finding>> = vec![Vec::new(); sentences.len()];
        let active: Vec<&dyn Rule> = self
            .rules
            .iter()
            .map(|r| r.as_ref())
            .filter(|r| r.info().judges(target))
            .collect();
        // A rule that panics (a bug) loses its findings for that sentence or document, with a
        // message naming both; the other rules, sentences and documents go on.
        let report_panic = |code: &str, what: &str| {
            eprintln!(
                "mtlint: internal error in rule {code} on {}, {what}: its findings there are missing (please report)",
                doc.id
            );
        };
        for s in &sentences {
            let out = &mut per_sentence[s.index];
            // One unwind guard around all the rules of a sentence (a guard per rule and sentence
            // cost more than some rules): after a panic, the findings that rule had pushed are
            // dropped and the rules after it run under a new guard.
            let mut next = 0;
            while next < active.len() {
                let (mut at, mut mark) = (next, out.len());
                let ok = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    for (k, r) in active.iter().enumerate().skip(next) {
                        (at, mark) = (k, out.len());
                        if crate::gate::open(r.may_fire(s, &cx)) {
                            r.check(s, &cx, out);
                        }
                    }
                }))
                .is_ok();
                if ok {
                    break;
                }
                out.truncate(mark);
                report_panic(active[at].info().code, &format!("sentence {}", s.index + 1));
                next = at + 1;
            }
        }
        let mut doc_findings: Vec<DocFinding> = Vec::new();
        for r in &active {
            let mark = doc_findings.len();
            let run = || r.check_document(&cx, &mut doc_findings);
            if std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).is_err() {
                doc_findings.truncate(mark);
                report_panic(r.info().code, "the document");
            }
        }
        for df in doc_findings {
            if let Some(v) = per_sentence.get_mut(df.sentence) {
                v.push(df.finding);
            }
        }

        // Offsets: walk the document once, counting characters and lines.
        let mut reports = Vec::with_capacity(sentences.len());
        let (mut char_pos, mut byte_pos) = (0usize, 0usize);
        // The line of a sentence: 1 + the line breaks before it (found in one search).
        let breaks: Vec<usize> = memchr::memchr_iter(b'\n', text.as_bytes()).collect();
        let mut breaks_before = 0;
        for (i, sp) in spans.iter().enumerate() {
            let gap = &text[byte_pos..sp.start];
            char_pos += text::char_len(gap);
            while breaks.get(breaks_before).is_some_and(|&b| b < sp.start) {
                breaks_before += 1;
            }
            let line = 1 + breaks_before;
            let original = &text[sp.start..sp.end];
            let s = &sentences[i];
            let mut findings = std::mem::take(&mut per_sentence[i]);
            self.tidy(s.text, &mut findings);
            let located: Vec<FindingReport> = findings
                .into_iter()
                .map(|f| {
                    let ob = nfcs[i].to_original(f.span.start.min(s.text.len()));
                    let oe = nfcs[i].to_original(f.span.end.min(s.text.len())).max(ob);
                    let cs = char_pos + text::char_len(&original[..ob]);
                    let ce = cs + text::char_len(&original[ob..oe]);
                    FindingReport {
                        code: f.code,
                        severity: f.severity,
                        start: cs,
                        end: ce,
                        start_byte: sp.start + ob,
                        end_byte: sp.start + oe,
                        matched: match f.evidence {
                            Some(e) if f.span.is_empty() => e,
                            _ => s.text.get(f.span.clone()).unwrap_or_default().to_string(),
                        },
                        message: f.message,
                        suggestion: f.suggestion,
                    }
                })
                .collect();
            let penalty = self.scoring.penalty(located.iter().map(|f| f.severity));
            let score = self.scoring.score(penalty);
            let n_chars = text::char_len(original);
            reports.push(SentenceReport {
                index: i + 1,
                line,
                start: char_pos,
                end: char_pos + n_chars,
                start_byte: sp.start,
                end_byte: sp.end,
                lang: s.lang,
                lang_confidence: s.lang_confidence,
                score,
                penalty,
                verdict: self.scoring.verdict(f64::from(score)),
                findings: located,
                words: s.words.len(),
                text: s.text.to_string(),
            });
            char_pos += n_chars;
            byte_pos = sp.end;
        }
        let scores = self.scoring.document_scores(
            reports
                .iter()
                .flat_map(|r| &r.findings)
                .map(|f| (f.code, f.severity)),
            reports.iter().map(|r| r.words).sum(),
        );
        DocReport {
            id: doc.id.clone(),
            lang: doc_guess.lang,
            target,
            sentences: reports,
            score: scores.score,
            verdict: self.scoring.verdict(f64::from(scores.score)),
            translation_score: scores.translation_score,
            page_score: scores.page_score,
            penalty: scores.penalty,
            words: scores.words,
        }
    }

    /// Applies severity overrides and allow-lists, drops duplicates, orders by position.
    fn tidy(&self, text: &str, findings: &mut Vec<Finding>) {
        for f in findings.iter_mut() {
            if let Some(&s) = self.severity.get(f.code) {
                f.severity = s;
            }
            if f.span.end > text.len() || f.span.start > f.span.end {
                f.span = 0..0;
            }
        }
        if let Some(allow) = &self.allow {
            let hits: Vec<std::ops::Range<usize>> = allow
                .find_iter(text)
                .map(|m| m.range())
                .filter(|r| crate::matcher::at_word_boundaries(text, r.clone()))
                .collect();
            findings.retain(|f| {
                !hits.iter().any(|h| {
                    h.start <= f.span.start && f.span.end <= h.end && f.span.start < f.span.end
                })
            });
        }
        findings.sort_by(|a, b| {
            (a.span.start, a.span.end, a.code).cmp(&(b.span.start, b.span.end, b.code))
        });
        findings.dedup_by(|a, b| a.code == b.code && a.span == b.span);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RuleInfo;

    /// A rule with a bug: it reports every sentence, then panics on those that say "boom".
    struct Buggy(&'static RuleInfo);

    impl Rule for Buggy {
        fn info(&self) -> &'static RuleInfo {
            self.0
        }
        fn check(&self, s: &Sentence<'_>, _cx: &Context<'_>, out: &mut Vec<Finding>) {
            out.push(Finding::new(self.0, 0..1, "seen"));
            assert!(!s.text.contains("boom"), "bug");
        }
    }

    static BUGGY: RuleInfo = RuleInfo {
        code: "typography",
        severity: Severity::Minor,
        targets: &["*"],
        summary: "test",
        explain: "test",
    };
    static AFTER: RuleInfo = RuleInfo {
        code: "encoding",
        severity: Severity::Minor,
        targets: &["*"],
        summary: "test",
        explain: "test",
    };

    /// Reports every sentence.
    struct Plain(&'static RuleInfo);

    static LAST: RuleInfo = RuleInfo {
        code: "credit",
        severity: Severity::Minor,
        targets: &["*"],
        summary: "test",
        explain: "test",
    };

    impl Rule for Plain {
        fn info(&self) -> &'static RuleInfo {
            self.0
        }
        fn check(&self, _s: &Sentence<'_>, _cx: &Context<'_>, out: &mut Vec<Finding>) {
            let at = if self.0.code == "credit" { 2 } else { 1 };
            out.push(Finding::new(self.0, at..at + 1, "seen"));
        }
    }

    #[test]
    fn a_panicking_rule_loses_only_its_own_findings_there() {
        let mut engine = Engine::new(Options {
            only: Some(vec![]),
            ..Options::default()
        })
        .expect("engine");
        engine.rules.push(Box::new(Plain(&AFTER)));
        engine.rules.push(Box::new(Buggy(&BUGGY)));
        engine.rules.push(Box::new(Plain(&LAST)));
        let r = engine.analyze(&Document::new(
            "t",
            "It went boom today. All was calm again.",
        ));
        let codes = |i: usize| -> Vec<(&str, usize)> {
            r.sentences[i]
                .findings
                .iter()
                .map(|f| (f.code, f.start_byte - r.sentences[i].start_byte))
                .collect()
        };
        // The sentence that made it panic keeps the other rules' findings (before and after
        // it), not the one it pushed before panicking; the next sentence has all three.
        assert_eq!(codes(0), vec![("encoding", 1), ("credit", 2)]);
        assert_eq!(
            codes(1),
            vec![("typography", 0), ("encoding", 1), ("credit", 2)],
            "{:?}",
            r.sentences[1].findings
        );
    }
}
