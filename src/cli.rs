//! The command line: argument definitions (clap derive) and the commands `check`, `rules` and
//! `explain`; `eval` lives in [`crate::eval`], the options both share in [`crate::engine_args`].

use crate::analyze::{Engine, ALL_CODES};
use crate::html::Content;
use crate::input::{self, FileId, Format, InputOptions, Item, TextFormat};
use crate::output::{
    CsvWriter, HtmlWriter, JsonlWriter, OutputFormat, ReportWriter, RowFilter, SummaryWriter,
    XlsxTarget, XlsxWriter,
};
use crate::progress::Progress;
use anyhow::{bail, Context as _, Result};
use clap::{Args, Parser, Subcommand};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

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
    /// Output file (default, or `-`: standard output).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format (default: from the extension of `-o`, else csv).
    #[arg(long, value_enum)]
    pub format: Option<OutputFormat>,
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
    /// What a batch's text column or field holds: plain text or a web page's HTML.
    #[arg(long, value_enum, default_value = "text")]
    pub text_format: TextFormat,
    /// Which text of a web page is checked: the article (`main`) or every visible text with
    /// the page's chrome marked `boilerplate` (`all`).
    #[arg(long, value_enum, default_value = "main")]
    pub html_content: Content,
    /// Write only sentences scoring at least N.
    #[arg(long, value_name = "N")]
    pub min_score: Option<u32>,
    /// Write only sentences with at least one finding.
    #[arg(long)]
    pub only_flagged: bool,
    /// Exit with 1 when any document scores below N.
    #[arg(long, value_name = "N")]
    pub fail_under: Option<u32>,
    /// Also write one row per document to FILE (`-`: standard output, with `-o FILE`).
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
    /// Findings listed in FILE (dismissed once) are not shown again and do not count.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write this run's findings to FILE as a baseline (before --baseline removes any).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// No messages on standard error except errors.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Stop reading a CSV/TSV file at its first malformed row (an error) instead of warning
    /// and going on.
    #[arg(long)]
    pub strict: bool,
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
            say(format_args!("mtlint: {e:#}"));
            EXIT_ERROR
        }
    }
}

/// Writes a line to standard error. A closed or full standard error loses the message, never
/// the run: `eprintln!` would panic there, before the report is written.
pub fn say(line: std::fmt::Arguments<'_>) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}

/// An output path, or `None` for standard output (`-`).
fn output_path(p: &Option<PathBuf>) -> Option<&Path> {
    p.as_deref().filter(|p| p.as_os_str() != "-")
}

/// The canonical form of a path that may not exist yet (its directory's canonical form and
/// its name).
fn canonical(p: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(p).ok().or_else(|| {
        let parent = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        Some(std::fs::canonicalize(parent).ok()?.join(p.file_name()?))
    })
}

/// Refuses outputs that would overwrite an input or each other, before anything is opened
/// for writing. Only regular files (and paths not yet there) count: `-o /dev/stdout` with
/// `/dev/stdin` as input is the terminal twice, not one file. Outputs inside an input
/// directory are passed over by the walk instead (see [`InputOptions::skip`]).
fn check_outputs(paths: &[PathBuf], outputs: &[(&str, &Path)]) -> Result<()> {
    let same = |a: &Path, b: &Path| {
        canonical(a).is_some_and(|c| Some(c) == canonical(b))
            || FileId::of(a).is_some_and(|i| Some(i) == FileId::of(b))
    };
    for (k, &(flag, out)) in outputs.iter().enumerate() {
        if std::fs::metadata(out).is_ok_and(|m| !m.is_file()) {
            continue;
        }
        for input in paths.iter().filter(|p| p.as_os_str() != "-") {
            if std::fs::metadata(input).is_ok_and(|m| m.is_file()) && same(out, input) {
                bail!(
                    "{flag} {} is the input {}: refusing to overwrite an input",
                    out.display(),
                    input.display()
                );
            }
        }
        for &(other, o) in &outputs[..k] {
            if same(out, o) {
                bail!(
                    "{flag} {} and {other} {} are the same file",
                    out.display(),
                    o.display()
                );
            }
        }
    }
    Ok(())
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
        say(format_args!(
            "mtlint: unknown rule code {code:?}; known codes: {}",
            ALL_CODES.join(", ")
        ));
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
        strict: a.strict,
        skip: Vec::new(),
        text_format: a.text_format,
        html_content: a.html_content,
    };
    let (out_path, summary_path) = (output_path(&a.output), output_path(&a.summary));
    if a.summary.is_some() && summary_path.is_none() && out_path.is_none() {
        bail!("--summary - needs -o FILE: the report and the summary cannot both go to standard output");
    }
    let outputs: Vec<(&str, &Path)> = [("-o", out_path), ("--summary", summary_path)]
        .into_iter()
        .filter_map(|(f, p)| Some((f, p?)))
        .collect();
    check_outputs(&paths, &outputs)?;
    let format = a
        .format
        .or_else(|| out_path.and_then(OutputFormat::from_path))
        .unwrap_or(OutputFormat::Csv);
    let mut in_opts = in_opts;
    if let (OutputFormat::Xlsx, Some(p)) = (format, out_path) {
        // The workbook is saved when the run ends; an older one in a directory being read is
        // passed over like any output.
        if let Ok(f) = std::fs::File::open(p) {
            in_opts.skip.extend(FileId::of_file(&f, p));
        }
    }
    let mut create = |p: &Path| -> Result<Box<dyn Write + Send>> {
        let f =
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?;
        // A walk through a directory that holds the output must not read it back.
        in_opts.skip.extend(FileId::of_file(&f, p));
        Ok(Box::new(f))
    };
    let filter = RowFilter {
        only_flagged: a.only_flagged,
        min_score: a.min_score,
    };
    let safe = !a.no_formula_guard;
    let mut writer: Box<dyn ReportWriter> = if format == OutputFormat::Xlsx {
        // The workbook is saved when the run ends (the file is created then).
        let target = match out_path {
            Some(p) => XlsxTarget::File(p.to_path_buf()),
            None if io::stdout().is_terminal() => bail!(
                "an xlsx workbook is binary and is not written to a terminal: \
                 give -o FILE.xlsx (or redirect standard output to a file)"
            ),
            None => XlsxTarget::Stream(Box::new(io::stdout())),
        };
        Box::new(XlsxWriter::new(target, safe, filter)?)
    } else {
        let sink: Box<dyn Write + Send> = match out_path {
            Some(p) => create(p)?,
            None => Box::new(io::stdout()),
        };
        let sink = io::BufWriter::with_capacity(1 << 16, sink);
        match format {
            OutputFormat::Csv => Box::new(CsvWriter::new(sink, false, a.excel, safe, filter)?),
            OutputFormat::Tsv => Box::new(CsvWriter::new(sink, true, a.excel, safe, filter)?),
            OutputFormat::Jsonl => Box::new(JsonlWriter::new(sink, filter)),
            OutputFormat::Html => Box::new(HtmlWriter::new(sink, filter)?),
            OutputFormat::Xlsx => unreachable!("written above"),
        }
    };
    let mut summary = match &a.summary {
        Some(_) => {
            let format = summary_path.map_or(crate::output::SummaryFormat::Csv, |p| {
                crate::output::SummaryFormat::guess(p)
            });
            let mut out = io::BufWriter::new(match summary_path {
                Some(p) => create(p)?,
                None => Box::new(io::stdout()),
            });
            // Excel reads the summary too; JSON has no byte-order mark.
            if a.excel && format == crate::output::SummaryFormat::Csv {
                out.write_all("\u{feff}".as_bytes())?;
            }
            Some(SummaryWriter::with_format(out, safe, format)?)
        }
        None => None,
    };
    let in_opts = in_opts;
    let baseline = match &a.baseline {
        Some(p) => Some(crate::baseline::Baseline::load(p)?),
        None => None,
    };
    let mut write_baseline = match &a.write_baseline {
        Some(p) => Some(crate::baseline::BaselineWriter::new(io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        ))?),
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
    let mut tally = Tally::default();
    let mut flush = |batch: &mut Vec<crate::analyze::Document>,
                     writer: &mut Box<dyn ReportWriter>,
                     summary: &mut Option<SummaryWriter<io::BufWriter<Box<dyn Write + Send>>>>,
                     tally: &mut Tally|
     -> io::Result<bool> {
        use rayon::prelude::*;
        let mut reports: Vec<_> =
            pool.install(|| batch.par_iter().map(|d| engine.analyze(d)).collect());
        batch.clear();
        let mut low = false;
        for r in &mut reports {
            if let Some(b) = write_baseline.as_mut() {
                b.write(r)?;
            }
            if let Some(b) = &baseline {
                b.apply(r, &engine);
            }
            writer.write(r)?;
            if let Some(s) = summary.as_mut() {
                s.write(r)?;
            }
            tally.add(r, &filter);
            if a.fail_under.is_some_and(|n| r.score < n) {
                low = true;
                tally.below(r);
            }
        }
        Ok(low)
    };
    let mut progress = Progress::new(!a.quiet && io::stderr().is_terminal(), &paths);
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
                progress.println(&format!("mtlint: {e}"));
            }
            Item::Warning(e) => {
                if !a.quiet {
                    progress.println(&format!("mtlint: warning: {e}"));
                }
            }
        }
        let full = batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES;
        next = if full { None } else { rx.try_recv().ok() };
        if next.is_none() && !batch.is_empty() {
            let docs = batch.len();
            let done = flush(&mut batch, &mut writer, &mut summary, &mut tally);
            let done = done.and_then(|low| {
                writer.flush()?;
                if let Some(s) = summary.as_mut() {
                    s.finish()?;
                }
                Ok(low)
            });
            match done {
                Ok(low) => below |= low,
                Err(e) => {
                    // Dropping the receiver stops the reader at its next document.
                    io_error = Some(e);
                    break;
                }
            }
            // Counted once analyzed and written, not when read (issue 17, item 9).
            progress.advance(docs, batch_bytes);
            batch_bytes = 0;
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
    if let Some(b) = write_baseline.as_mut() {
        b.finish().context("cannot write the baseline")?;
    }
    if let Some(s) = summary.as_mut() {
        s.finish().context("cannot write the summary")?;
    }
    if let Some(e) = io_error {
        return Err(anyhow::Error::new(e).context("cannot write the output"));
    }
    if !a.quiet {
        tally.say_assumed();
        if let Some(n) = a.fail_under {
            tally.say_below(n);
        }
        if let Some(p) = out_path {
            tally.say_written(p, summary_path);
        }
    }
    Ok(if failed {
        EXIT_ERROR
    } else if below {
        EXIT_FAIL_UNDER
    } else {
        EXIT_OK
    })
}

/// What a run wrote, for the messages at its end.
#[derive(Default)]
struct Tally {
    docs: usize,
    rows: usize,
    flagged: usize,
    /// The first documents below `--fail-under` (id and score), and how many there were.
    below: Vec<(String, u32)>,
    below_count: usize,
    /// The first document judged as English for want of a language, and how many were.
    assumed: Option<String>,
    assumed_count: usize,
}

/// Documents below `--fail-under` named one by one; the rest are counted.
const BELOW_NAMED: usize = 10;

impl Tally {
    fn add(&mut self, r: &crate::analyze::DocReport, filter: &RowFilter) {
        self.docs += 1;
        if r.target_assumed {
            self.assumed_count += 1;
            self.assumed.get_or_insert_with(|| r.id.clone());
        }
        for s in r.sentences.iter().filter(|s| filter.keep(s)) {
            self.rows += 1;
            self.flagged += usize::from(!s.findings.is_empty());
        }
    }

    fn below(&mut self, r: &crate::analyze::DocReport) {
        self.below_count += 1;
        if self.below.len() < BELOW_NAMED {
            self.below.push((r.id.clone(), r.score));
        }
    }

    fn say_below(&self, n: u32) {
        for (id, score) in &self.below {
            say(format_args!(
                "mtlint: {id}: score {score}, below --fail-under {n}"
            ));
        }
        if self.below_count > self.below.len() {
            say(format_args!(
                "mtlint: … and {} more documents below --fail-under {n}",
                self.below_count - self.below.len()
            ));
        }
    }

    /// One note for all the documents judged as English because nothing told their language.
    fn say_assumed(&self) {
        match (&self.assumed, self.assumed_count) {
            (Some(id), 1) => say(format_args!(
                "mtlint: note: {id}: too short to tell its language, checked as English (use --target to set it)"
            )),
            (Some(id), n) => say(format_args!(
                "mtlint: note: {n} documents too short to tell their language (the first: {id}) were checked as English (use --target to set it)"
            )),
            (None, _) => {}
        }
    }

    fn say_written(&self, out: &Path, summary: Option<&Path>) {
        let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        let summary = summary.map_or(String::new(), |s| format!("; summary in {}", s.display()));
        say(format_args!(
            "mtlint: wrote {} ({} flagged) from {} to {}{summary}",
            plural(self.rows, "row"),
            self.flagged,
            plural(self.docs, "document"),
            out.display()
        ));
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
