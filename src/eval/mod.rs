//! `mtlint eval`: agreement of the tool with human labels.
//!
//! A labelled table (TSV/CSV) is read ([`gold`]), its rows are joined into documents and
//! analyzed in parallel, every sentence is mapped back to its row ([`mapping`]), and the rows'
//! findings and scores are compared with the labels ([`metrics`]).

pub mod gold;
pub mod mapping;
pub mod metrics;
mod report;
pub mod stats;

use crate::engine_args::{EngineArgs, EXIT_ERROR, EXIT_OK};
use anyhow::{Context as _, Result};
use gold::GoldSpec;
use mapping::RowResult;
use metrics::Setup;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Output format of `eval`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EvalFormat {
    /// A readable report.
    Text,
    /// Exactly one JSON object.
    Json,
}

/// Arguments of `eval`.
///
/// Orientation: the tool's score (0–100) is higher for better text. It is correlated with the
/// human score turned so that a positive correlation means agreement: with
/// `--higher-is-better` the human score is used as is (DA z-scores; MQM scores, where 0 is best
/// and more negative is worse); without it the human score is negated (error counts, HTER).
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Orientation: the tool's score (0-100, higher = better) is correlated with the human score \
turned so that a positive correlation means agreement. With --higher-is-better the human score \
is used as it is (DA z-scores; MQM scores, where 0 is best and more negative is worse); without \
it the human score is negated (error counts, HTER, edit distance).

Every correlation is printed beside a length-only baseline (the correlation of minus the number \
of words with the same human score), with the partial Spearman controlling for length and the \
Spearman within 5 bins of similar length: longer segments collect more errors, so a score that \
merely penalizes length looks good without these.

Exit codes: 0 ran; 2 a usage error, a missing column, or at least one malformed row (the other \
rows are still evaluated).")]
pub struct EvalArgs {
    /// The labelled file (TSV or CSV with a header row).
    pub gold: PathBuf,
    /// Field delimiter (one character, or tab/comma/semicolon/pipe); default: tab for .tsv/.tab,
    /// comma otherwise.
    #[arg(long, value_name = "CHAR")]
    pub delimiter: Option<String>,
    /// Fields are not quoted (quotes are text). Default for .tsv/.tab; CSV is read with RFC 4180
    /// quoting.
    #[arg(long, conflicts_with = "quoting")]
    pub no_quoting: bool,
    /// Fields may be quoted (RFC 4180), also for .tsv.
    #[arg(long)]
    pub quoting: bool,
    /// Column with the text.
    #[arg(long, default_value = "text", value_name = "COLUMN")]
    pub text_column: String,
    /// Column with the expected codes (joined by `;`, or `-` for a clean row; an empty cell =
    /// not labelled); default: `expected` if the header has it.
    #[arg(long, value_name = "COLUMN")]
    pub expected_column: Option<String>,
    /// Column with a row id, shown in the --errors file; default: `id` if the header has it.
    #[arg(long, value_name = "COLUMN")]
    pub id_column: Option<String>,
    /// Column with a human quality score (empty cell = not available). See --higher-is-better.
    #[arg(long, value_name = "COLUMN")]
    pub human_score: Option<String>,
    /// Higher human scores are better (DA, MQM); without this flag the human score is negated.
    #[arg(long)]
    pub higher_is_better: bool,
    /// Column with a binary label (1/0, true/false, yes/no): the AUC measures how well the
    /// tool's score ranks label-1 rows above label-0 rows (e.g. is_human).
    #[arg(long, value_name = "COLUMN")]
    pub label: Option<String>,
    /// Columns (comma-separated) whose values together name a document: rows with the same
    /// values are joined in file order, as paragraphs, and analyzed as one document
    /// (e.g. `doc,system`).
    #[arg(long, value_name = "COLUMNS", value_delimiter = ',')]
    pub doc_column: Vec<String>,
    /// Column whose values split the clean-row rates (e.g. `origin`).
    #[arg(long, value_name = "COLUMN")]
    pub origin_column: Option<String>,
    /// Column with the source text (bilingual mode).
    #[arg(long, value_name = "COLUMN")]
    pub source_column: Option<String>,
    /// Column with annotated error spans (MQM): a JSON array of objects with `start`, `end`
    /// (character offsets in the text), `category`, optional `subcategory` and `side`. Reports
    /// how many findings overlap an annotated span, and one of a matching category.
    #[arg(long, value_name = "COLUMN")]
    pub spans_column: Option<String>,
    /// Keep only rows where COLUMN equals VALUE (repeatable; all must hold).
    #[arg(long, value_name = "COLUMN=VALUE")]
    pub filter: Vec<String>,
    /// Evaluate at most N rows (after --filter).
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: EvalFormat,
    /// Output file (default: standard output).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write the disagreements as TSV to FILE: rows whose predicted codes differ from the
    /// expected ones, or every flagged row when there is no expected column.
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,
    /// Worker threads (default: all cores). Results do not depend on it.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    #[command(flatten)]
    /// Engine options.
    pub engine: EngineArgs,
}

impl EvalArgs {
    fn spec(&self) -> Result<GoldSpec, String> {
        let ext = self
            .gold
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let tsv = matches!(ext.as_deref(), Some("tsv") | Some("tab"));
        let delimiter = match &self.delimiter {
            Some(d) => gold::parse_delimiter(d)?,
            None if tsv => b'\t',
            None => b',',
        };
        let quoting = if self.no_quoting {
            false
        } else if self.quoting {
            true
        } else {
            !tsv
        };
        let filters = self
            .filter
            .iter()
            .map(|f| gold::parse_filter(f))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(GoldSpec {
            delimiter,
            quoting,
            text: self.text_column.clone(),
            expected: self.expected_column.clone(),
            human: self.human_score.clone(),
            label: self.label.clone(),
            doc: self
                .doc_column
                .iter()
                .map(|c| c.trim().to_string())
                .filter(|c| !c.is_empty())
                .collect(),
            origin: self.origin_column.clone(),
            id: self.id_column.clone(),
            source: self.source_column.clone(),
            spans: self.spans_column.clone(),
            filters,
            limit: self.limit,
        })
    }
}

/// Runs `eval`.
pub fn run(a: &EvalArgs) -> Result<i32> {
    let spec = match a.spec() {
        Ok(s) => s,
        Err(m) => {
            eprintln!("mtlint: {m}");
            return Ok(EXIT_ERROR);
        }
    };
    let engine = a.engine.engine()?;
    let name = a.gold.display().to_string();
    let file = std::fs::File::open(&a.gold).with_context(|| format!("cannot open {name}"))?;
    let gold = match gold::read(&name, std::io::BufReader::new(file), &spec) {
        Ok(g) => g,
        Err(e) => {
            eprintln!("mtlint: {e}");
            return Ok(EXIT_ERROR);
        }
    };
    for e in &gold.errors {
        eprintln!("mtlint: {e} (row skipped)");
    }

    let groups = mapping::group_rows(&gold.rows);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let per_group: Vec<Vec<RowResult>> = pool.install(|| {
        use rayon::prelude::*;
        groups
            .par_iter()
            .map(|members| {
                let (doc, ranges) = mapping::build_document(&gold.rows, members);
                let report = engine.analyze(&doc);
                mapping::map_back(&report.sentences, &doc.text, &ranges, engine.scoring())
            })
            .collect()
    });
    let mut preds: Vec<RowResult> = vec![RowResult::default(); gold.rows.len()];
    for (members, results) in groups.iter().zip(per_group) {
        for (&i, r) in members.iter().zip(results) {
            preds[i] = r;
        }
    }

    let setup = Setup {
        has_expected: gold.has_expected,
        has_human: a.human_score.is_some(),
        higher_is_better: a.higher_is_better,
        has_label: a.label.is_some(),
        has_origin: a.origin_column.is_some(),
        has_spans: a.spans_column.is_some(),
        active: engine.rules().iter().map(|r| r.info().code).collect(),
    };
    let mut m = metrics::compute(&gold.rows, &preds, &setup);
    m.documents = groups.len();
    m.bad_rows = gold.errors.len();

    if let Some(path) = &a.errors {
        write_errors(path, &gold.rows, &preds, &setup)
            .with_context(|| format!("cannot write {}", path.display()))?;
    }

    let mut out: Box<dyn Write> = match &a.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    match a.format {
        EvalFormat::Json => {
            serde_json::to_writer(&mut out, &m)?;
            writeln!(out)?;
        }
        EvalFormat::Text => {
            let ctx = report::Context {
                file: &name,
                expected_column: gold.expected_column.as_deref(),
                human: a.human_score.as_deref(),
                higher_is_better: a.higher_is_better,
                label: a.label.as_deref(),
                origin: a.origin_column.as_deref(),
                target: a.engine.target.as_deref(),
            };
            report::write(&mut out, &m, &ctx)?;
        }
    }
    out.flush()?;
    Ok(if gold.errors.is_empty() {
        EXIT_OK
    } else {
        EXIT_ERROR
    })
}

/// One TSV cell: tabs and line breaks become spaces.
fn cell(s: &str) -> String {
    s.chars()
        .map(|c| {
            if matches!(c, '\t' | '\n' | '\r') {
                ' '
            } else {
                c
            }
        })
        .collect()
}

fn codes_cell<'a>(codes: impl IntoIterator<Item = &'a str>) -> String {
    let v: Vec<&str> = codes.into_iter().collect();
    if v.is_empty() {
        "-".into()
    } else {
        v.join(";")
    }
}

/// True when a row belongs in the disagreements file.
pub fn disagrees(row: &gold::GoldRow, pred: &RowResult, setup: &Setup) -> bool {
    if !setup.has_expected {
        return !pred.codes.is_empty();
    }
    match metrics::judged_expected(&row.expected, &setup.active) {
        Some(exp) => exp != pred.codes.iter().copied().collect(),
        None => false,
    }
}

fn write_errors(
    path: &Path,
    rows: &[gold::GoldRow],
    preds: &[RowResult],
    setup: &Setup,
) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        w,
        "line\tid\texpected\tpredicted\tscore\thuman\tlabel\tevidence\ttext"
    )?;
    for (r, p) in rows.iter().zip(preds) {
        if !disagrees(r, p, setup) {
            continue;
        }
        let expected = match &r.expected {
            Some(e) => codes_cell(e.iter().map(String::as_str)),
            None => String::new(),
        };
        writeln!(
            w,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.line,
            cell(r.id.as_deref().unwrap_or("")),
            expected,
            codes_cell(p.codes.iter().copied()),
            p.score,
            r.human.map(|h| h.to_string()).unwrap_or_default(),
            r.label.map(|l| u8::from(l).to_string()).unwrap_or_default(),
            cell(&p.evidence.join(" | ")),
            cell(&r.text),
        )?;
    }
    w.flush()
}
