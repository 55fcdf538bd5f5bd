//! The command line: argument definitions (clap derive) and the commands `check`, `rules` and
//! `explain`; `eval` lives in [`crate::eval`], the options both share in [`crate::engine_args`].

use crate::analyze::{Engine, ALL_CODES};
use crate::input::{self, Format, InputOptions, Item};
use crate::output::{CsvWriter, JsonlWriter, OutputFormat, ReportWriter, RowFilter, SummaryWriter};
use anyhow::{Context as _, Result};
use clap::{Args, Parser, Subcommand};
use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use crate::engine_args::{EngineArgs, EXIT_ERROR, EXIT_FAIL_UNDER, EXIT_OK};

/// mtlint finds machine-translation artifacts in text and scores every sentence.
#[derive(Debug, Parser)]
#[command(name = "mtlint", version, about, long_about = None)]
pub struct Cli {
    /// The command (bare `mtlint PATH...` means `check`).
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files, directories or standard input; write one row per sentence.
    Check(Box<CheckArgs>),
    /// List the rules: code, severity, target languages, description.
    Rules(RulesArgs),
    /// Explain a rule: what it flags, why, examples.
    Explain {
        /// The rule code.
        code: String,
    },
    /// Measure agreement with human labels.
    Eval(Box<crate::eval::EvalArgs>),
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files, directories (recursed) or `-` for standard input.
    pub paths: Vec<PathBuf>,
    /// Output file (default: standard output).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: OutputFormat,
    /// Input format (default: by extension; plain text for anything unknown).
    #[arg(long, value_enum)]
    pub input_format: Option<Format>,
    /// CSV/TSV column with the text.
    #[arg(long, default_value = "text")]
    pub text_column: String,
    /// CSV/TSV column with the document id.
    #[arg(long, default_value = "id")]
    pub id_column: String,
    /// CSV/TSV column with the source text (bilingual mode).
    #[arg(long)]
    pub source_column: Option<String>,
    /// JSONL field with the text.
    #[arg(long, default_value = "text")]
    pub text_field: String,
    /// JSONL field with the id.
    #[arg(long, default_value = "id")]
    pub id_field: String,
    /// JSONL field with the source text (bilingual mode).
    #[arg(long)]
    pub source_field: Option<String>,
    /// Write only sentences scoring at least N.
    #[arg(long, value_name = "N")]
    pub min_score: Option<u32>,
    /// Write only sentences with at least one finding.
    #[arg(long)]
    pub only_flagged: bool,
    /// Exit with 1 when any document scores below N.
    #[arg(long, value_name = "N")]
    pub fail_under: Option<u32>,
    /// Also write one row per document to FILE.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Worker threads (default: all cores). Output order never changes.
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Start the CSV with a UTF-8 byte-order mark, for Excel.
    #[arg(long)]
    pub excel: bool,
    /// Do not neutralize cells that a spreadsheet would run as formulas.
    #[arg(long)]
    pub no_formula_guard: bool,
    /// No messages on standard error except errors.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    #[command(flatten)]
    /// Engine options.
    pub engine: EngineArgs,
}

/// Arguments of `rules`.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// Print as JSON lines.
    #[arg(long)]
    pub json: bool,
}

/// Inserts `check` when the first argument is not a command (`mtlint file.txt`), and when no
/// argument is given but standard input is piped.
pub fn normalize_args(mut args: Vec<String>, stdin_piped: bool) -> Vec<String> {
    const COMMANDS: [&str; 5] = ["check", "rules", "explain", "eval", "help"];
    const TOP_FLAGS: [&str; 4] = ["-h", "--help", "-V", "--version"];
    match args.get(1) {
        None if stdin_piped => args.push("check".into()),
        Some(a) if !COMMANDS.contains(&a.as_str()) && !TOP_FLAGS.contains(&a.as_str()) => {
            args.insert(1, "check".into())
        }
        _ => {}
    }
    args
}

/// Runs the command line and returns the exit code.
pub fn main_with(args: Vec<String>) -> i32 {
    let args = normalize_args(args, !io::stdin().is_terminal());
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_ERROR } else { EXIT_OK };
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Check(a) => check(*a),
        Command::Rules(a) => rules(&a),
        Command::Explain { code } => explain(&code),
        Command::Eval(a) => crate::eval::run(&a),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => EXIT_OK,
        Err(e) => {
            eprintln!("mtlint: {e:#}");
            EXIT_ERROR
        }
    }
}

/// True when the error chain holds a closed-pipe write error (`mtlint … | head`).
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn rules(a: &RulesArgs) -> Result<i32> {
    let engine = Engine::default_engine()?;
    let mut out = io::BufWriter::new(io::stdout().lock());
    if !a.json {
        writeln!(
            out,
            "{:<17} {:<9} {:<12} description",
            "code", "severity", "targets"
        )?;
    }
    for r in engine.rules() {
        let i = r.info();
        let targets = i.targets.join(",");
        if a.json {
            let v = serde_json::json!({
                "code": i.code, "severity": i.severity.as_str(),
                "targets": i.targets, "summary": i.summary,
            });
            writeln!(out, "{v}")?;
        } else {
            writeln!(
                out,
                "{:<17} {:<9} {:<12} {}",
                i.code,
                i.severity.as_str(),
                targets,
                i.summary
            )?;
        }
    }
    out.flush()?;
    Ok(EXIT_OK)
}

fn explain(code: &str) -> Result<i32> {
    let engine = Engine::default_engine()?;
    let Some(r) = engine.rules().iter().find(|r| r.info().code == code) else {
        eprintln!(
            "mtlint: unknown rule code {code:?}; known codes: {}",
            ALL_CODES.join(", ")
        );
        return Ok(EXIT_ERROR);
    };
    let i = r.info();
    let mut out = io::stdout().lock();
    writeln!(
        out,
        "# {}\n\nseverity: {}; targets: {}\n\n{}\n\n{}",
        i.code,
        i.severity.as_str(),
        i.targets.join(", "),
        i.summary,
        i.explain.trim()
    )?;
    Ok(EXIT_OK)
}

/// Documents analyzed per parallel batch: bounds memory by the batch, keeps output in order.
const BATCH_DOCS: usize = 512;
/// Text per parallel batch (8 MiB): a batch of long documents closes early, so memory stays
/// bounded by the text of one batch and its reports whatever the documents' sizes.
const BATCH_BYTES: usize = 8 << 20;

fn check(a: CheckArgs) -> Result<i32> {
    let engine = a.engine.engine()?;
    let paths = if a.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        a.paths.clone()
    };
    let in_opts = InputOptions {
        format: a.input_format,
        text_column: a.text_column.clone(),
        id_column: a.id_column.clone(),
        source_column: a.source_column.clone(),
        text_field: a.text_field.clone(),
        id_field: a.id_field.clone(),
        source_field: a.source_field.clone(),
    };
    let sink: Box<dyn Write + Send> = match &a.output {
        Some(p) => Box::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ),
        None => Box::new(io::stdout()),
    };
    let sink = io::BufWriter::with_capacity(1 << 16, sink);
    let filter = RowFilter {
        only_flagged: a.only_flagged,
        min_score: a.min_score,
    };
    let safe = !a.no_formula_guard;
    let mut writer: Box<dyn ReportWriter> = match a.format {
        OutputFormat::Csv => Box::new(CsvWriter::new(sink, false, a.excel, safe, filter)?),
        OutputFormat::Tsv => Box::new(CsvWriter::new(sink, true, a.excel, safe, filter)?),
        OutputFormat::Jsonl => Box::new(JsonlWriter::new(sink, filter)),
    };
    let mut summary = match &a.summary {
        Some(p) => Some(SummaryWriter::with_format(
            io::BufWriter::new(
                std::fs::File::create(p)
                    .with_context(|| format!("cannot create {}", p.display()))?,
            ),
            safe,
            crate::output::SummaryFormat::guess(p),
        )?),
        None => None,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(a.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;

    let mut failed = false;
    let mut below = false;
    let mut io_error: Option<io::Error> = None;
    let mut batch: Vec<crate::analyze::Document> = Vec::new();
    let mut batch_bytes = 0usize;
    let flush = |batch: &mut Vec<crate::analyze::Document>,
                 writer: &mut Box<dyn ReportWriter>,
                 summary: &mut Option<SummaryWriter<io::BufWriter<std::fs::File>>>|
     -> io::Result<bool> {
        use rayon::prelude::*;
        let reports: Vec<_> =
            pool.install(|| batch.par_iter().map(|d| engine.analyze(d)).collect());
        batch.clear();
        let mut low = false;
        for r in &reports {
            writer.write(r)?;
            if let Some(s) = summary.as_mut() {
                s.write(r)?;
            }
            if a.fail_under.is_some_and(|n| r.score < n) {
                low = true;
            }
        }
        Ok(low)
    };
    let mut progress = Progress::new(!a.quiet && io::stderr().is_terminal());
    // Reading runs on a thread of its own, at most one batch ahead. A batch is analyzed when
    // it is full or when the input pauses, and its rows are flushed: a pipe (`RDD.pipe`,
    // Hadoop Streaming) gets the rows of what it sent without closing its end, and memory
    // stays bounded by two batches.
    let (tx, rx) = std::sync::mpsc::sync_channel::<Item>(BATCH_DOCS);
    let reader = std::thread::spawn(move || {
        input::read_all(&paths, &in_opts, &mut |item| tx.send(item).is_ok());
    });
    let mut next = rx.recv().ok();
    while let Some(item) = next {
        match item {
            Item::Doc(d) => {
                batch_bytes += d.text.len();
                batch.push(d);
            }
            Item::Error(e) => {
                failed = true;
                eprintln!("mtlint: {e}");
            }
            Item::Warning(e) => {
                if !a.quiet {
                    eprintln!("mtlint: warning: {e}");
                }
            }
        }
        let full = batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES;
        next = if full { None } else { rx.try_recv().ok() };
        if next.is_none() && !batch.is_empty() {
            progress.advance(batch.len(), batch_bytes);
            batch_bytes = 0;
            let done = flush(&mut batch, &mut writer, &mut summary);
            match done.and_then(|low| writer.finish().map(|()| low)) {
                Ok(low) => below |= low,
                Err(e) => {
                    // Dropping the receiver stops the reader at its next document.
                    io_error = Some(e);
                    break;
                }
            }
        }
        if next.is_none() {
            next = rx.recv().ok();
        }
    }
    // After a write error the reader may still be blocked on its input: it is not waited for.
    if io_error.is_none() {
        let _ = reader.join();
        // Also for an input without documents: the CSV header.
        if let Err(e) = writer.finish() {
            io_error = Some(e);
        }
    }
    progress.done();
    if let Some(s) = summary.as_mut() {
        s.finish().context("cannot write the summary")?;
    }
    if let Some(e) = io_error {
        return Err(anyhow::Error::new(e).context("cannot write the output"));
    }
    Ok(if failed {
        EXIT_ERROR
    } else if below {
        EXIT_FAIL_UNDER
    } else {
        EXIT_OK
    })
}

/// A one-line progress report on standard error, shown only when it is a terminal and the
/// input is large (more than one batch).
struct Progress {
    on: bool,
    docs: usize,
    bytes: usize,
    shown: bool,
    start: std::time::Instant,
}

impl Progress {
    fn new(on: bool) -> Self {
        Progress {
            on,
            docs: 0,
            bytes: 0,
            shown: false,
            start: std::time::Instant::now(),
        }
    }

    fn advance(&mut self, docs: usize, bytes: usize) {
        self.docs += docs;
        self.bytes += bytes;
        if self.on {
            let secs = self.start.elapsed().as_secs_f64().max(1e-3);
            let mb = self.bytes as f64 / 1e6;
            eprint!(
                "\rmtlint: {} documents, {:.1} MB, {:.1} MB/s   ",
                self.docs,
                mb,
                mb / secs
            );
            self.shown = true;
        }
    }

    fn done(&self) {
        if self.shown {
            eprintln!();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn bare_paths_mean_check() {
        assert_eq!(
            normalize_args(v(&["mtlint", "a.txt"]), false),
            v(&["mtlint", "check", "a.txt"])
        );
        assert_eq!(
            normalize_args(v(&["mtlint", "-o", "x"]), false),
            v(&["mtlint", "check", "-o", "x"])
        );
        assert_eq!(
            normalize_args(v(&["mtlint", "rules"]), false),
            v(&["mtlint", "rules"])
        );
        assert_eq!(
            normalize_args(v(&["mtlint", "--help"]), false),
            v(&["mtlint", "--help"])
        );
        assert_eq!(
            normalize_args(v(&["mtlint"]), true),
            v(&["mtlint", "check"])
        );
        assert_eq!(normalize_args(v(&["mtlint"]), false), v(&["mtlint"]));
    }
}
