//! # mtlint
//!
//! Finds machine-translation artifacts in text and scores every sentence: words fused together,
//! source-language word order, foreign spellings of names, leaked web-page text, credits,
//! untranslated words, wrong-language sentences and more. It needs no source text.
//!
//! ## Using the library
//!
//! Build an [`Engine`] once (it holds the lexicons, the rules and the options; building it is
//! the expensive part), then call [`Engine::analyze`] on each [`Document`]. The engine is
//! `Send + Sync`: share one `&Engine` across threads (the CLI analyzes a batch with rayon).
//! `analyze` is a pure function of the document, so results never depend on order or threads.
//!
//! ```
//! use mtlint::{Document, Engine, Options, Verdict};
//! let engine = Engine::default_engine().unwrap();
//! let report = engine.analyze(&Document::new("doc", "Split\n\nThe talks went well."));
//! assert_eq!(report.sentences.len(), 2);
//! let first = &report.sentences[0];
//! assert_eq!(first.findings[0].code, "boilerplate");
//! assert_eq!(report.sentences[1].verdict, Verdict::Ok);
//!
//! // Options are those of the command line: --target, --source, --only, --ignore, --config.
//! let only = Engine::new(Options { only: Some(vec!["credit".into()]), ..Options::default() });
//! assert_eq!(only.unwrap().rules().len(), 1);
//! ```
//!
//! What comes back:
//! - [`DocReport`]: the document's id, detected language, the target judged against, its
//!   score (MQM's per-word penalty with a tolerance; also split into `translation_score` and
//!   `page_score`) and [`Verdict`], and its sentences in order;
//! - [`SentenceReport`]: one sentence (offsets in characters and bytes, 1-based line, language
//!   and confidence, score, penalty, verdict, the NFC text) with its findings;
//! - [`FindingReport`]: a rule code, [`Severity`], the span, the matched text, a message and an
//!   optional suggestion.
//!
//! Bilingual mode: set [`Document::source`]. To write the CSV, TSV or JSONL of the command line,
//! use the writers in [`output`]. Errors building an engine are [`EngineError`]s (a broken
//! lexicon, an unknown rule code); a configuration file is read by [`Config::load`].
//! `examples/library.rs` is a complete program; the Python package (`python/`) wraps this API.

pub mod align;
pub mod analyze;
pub mod baseline;
pub mod cli;
pub mod config;
pub mod engine_args;
pub mod eval;
pub mod gate;
pub mod html;
pub mod input;
pub mod kernels;
pub mod l10n;
pub mod lang;
pub mod languages;
pub mod lexicon;
pub mod matcher;
pub mod normalize;
pub mod output;
pub mod phrases;
pub mod progress;
pub mod rules;
pub mod score;
pub mod segment;
pub mod sentence;
pub mod text;
pub mod translit;

pub use analyze::{
    DocReport, Document, Engine, EngineError, FindingReport, Options, SentenceReport,
};
pub use config::Config;
pub use rules::{Finding, Rule, RuleInfo, Severity};
pub use score::{Scoring, Verdict};
pub use sentence::{Context, Sentence};
