//! The progress bar on standard error (indicatif): documents and bytes done, rate and time
//! left, shown only when standard error is a terminal, `--quiet` is not given and the input is
//! large.
//!
//! Counts move when a batch of documents has been analyzed *and written*, never when it has
//! only been read: reading is fast, and counting at that point made the first rate show
//! hundreds of MB/s on a run at 9 MB/s and left the last batch out (issue 17, item 9).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Input at which the bar is shown: below it a run is over before a bar says anything.
pub const LARGE_INPUT: u64 = 1 << 20;

/// Progress of a run. Does nothing when off.
pub struct Progress {
    on: bool,
    bar: Option<ProgressBar>,
    docs: u64,
    bytes: u64,
    /// The input's size in bytes, when known (files, a redirected standard input).
    total: Option<u64>,
    start: Instant,
}

impl Progress {
    /// A progress report for `paths`; `on` when standard error is a terminal and `--quiet` is
    /// not given. The input's size is only looked up when on.
    pub fn new(on: bool, paths: &[PathBuf]) -> Self {
        Progress {
            on,
            bar: None,
            docs: 0,
            bytes: 0,
            total: if on { input_size(paths) } else { None },
            start: Instant::now(),
        }
    }

    /// Counts documents and bytes of text that have been analyzed and written.
    pub fn advance(&mut self, docs: usize, bytes: usize) {
        self.docs += docs as u64;
        self.bytes += bytes as u64;
        if !self.on {
            return;
        }
        if self.bar.is_none() && self.total.unwrap_or(self.bytes).max(self.bytes) >= LARGE_INPUT {
            let bar = ProgressBar::with_draw_target(self.total, ProgressDrawTarget::stderr());
            let template = if self.total.is_some() {
                "{spinner} [{bar:20}] {wide_msg}"
            } else {
                "{spinner} {wide_msg}"
            };
            bar.set_style(
                ProgressStyle::with_template(template)
                    .expect("a valid template")
                    .progress_chars("=> "),
            );
            bar.enable_steady_tick(Duration::from_millis(250));
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            let total = self.total.map(|t| t.max(self.bytes));
            if let Some(t) = total {
                bar.set_length(t);
            }
            bar.set_position(self.bytes);
            bar.set_message(line(
                self.docs,
                self.bytes,
                total,
                self.start.elapsed(),
                false,
            ));
        }
    }

    /// Prints a message above the bar (a warning or an error during the run).
    pub fn println(&self, msg: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| crate::cli::say(format_args!("{msg}"))),
            None => crate::cli::say(format_args!("{msg}")),
        }
    }

    /// Ends the bar, leaving its last line: documents, bytes, time and average rate.
    pub fn done(&mut self) {
        if let Some(bar) = self.bar.take() {
            if let Some(t) = self.total {
                bar.set_length(t.max(self.bytes));
                bar.set_position(t.max(self.bytes));
            }
            bar.finish_with_message(line(
                self.docs,
                self.bytes,
                None,
                self.start.elapsed(),
                true,
            ));
        }
    }
}

/// The bar's text: `1,000 documents · 1.1 / 2.0 MB · 9.3 MB/s · about 1 s left`; `done`:
/// `1,000 documents · 2.0 MB in 0.2 s · 9.3 MB/s`. The rate is the bytes done over the time
/// since the run started (an average, not the last batch's).
pub fn line(docs: u64, bytes: u64, total: Option<u64>, elapsed: Duration, done: bool) -> String {
    let secs = elapsed.as_secs_f64();
    let mb = |b: u64| b as f64 / 1e6;
    let rate = if secs > 0.0 { mb(bytes) / secs } else { 0.0 };
    let noun = if docs == 1 { "document" } else { "documents" };
    let docs = thousands(docs);
    if done {
        return format!(
            "{docs} {noun} · {:.1} MB in {secs:.1} s · {rate:.1} MB/s",
            mb(bytes)
        );
    }
    match total {
        Some(t) if rate > 0.0 => {
            let left = mb(t.saturating_sub(bytes)) / rate;
            format!(
                "{docs} {noun} · {:.1} / {:.1} MB · {rate:.1} MB/s · about {} left",
                mb(bytes),
                mb(t),
                duration(left)
            )
        }
        _ => format!("{docs} {noun} · {:.1} MB · {rate:.1} MB/s", mb(bytes)),
    }
}

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Seconds as `42 s`, `3 min 05 s` or `2 h 10 min`.
fn duration(secs: f64) -> String {
    let s = secs.round() as u64;
    match s {
        0..=59 => format!("{s} s"),
        60..=3599 => format!("{} min {:02} s", s / 60, s % 60),
        _ => format!("{} h {:02} min", s / 3600, s % 3600 / 60),
    }
}

/// The size of the inputs in bytes (files, directories recursed as the reader does, skipping
/// hidden entries and not following symbolic links; standard input when it is a file); `None`
/// when a size cannot be known (a pipe). For CSV, TSV and JSONL the text is a part of each
/// file, so the time left is then an over-estimate.
fn input_size(paths: &[PathBuf]) -> Option<u64> {
    let mut total = 0u64;
    for p in paths {
        if p.as_os_str() == "-" {
            let m = std::fs::metadata("/dev/stdin").ok()?;
            if !m.is_file() {
                return None;
            }
            total += m.len();
        } else {
            total += tree_size(p, 0);
        }
    }
    Some(total)
}

fn tree_size(p: &Path, depth: usize) -> u64 {
    // Deep enough for any real tree; a bound instead of loop detection.
    const MAX_DEPTH: usize = 64;
    let Ok(m) = std::fs::metadata(p) else {
        return 0;
    };
    if m.is_file() {
        return m.len();
    }
    if !m.is_dir() || depth >= MAX_DEPTH {
        return 0;
    }
    let Ok(rd) = std::fs::read_dir(p) else {
        return 0;
    };
    rd.flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_symlink()))
        .map(|e| tree_size(&e.path(), depth + 1))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_shown_in_full() {
        // Item 9 of issue 17: 1,000 documents were shown as 512 (the last batch left out).
        let mut p = Progress::new(false, &[]);
        p.advance(512, 600_000);
        p.advance(488, 500_000);
        assert_eq!(p.docs, 1000);
        let l = line(p.docs, p.bytes, None, Duration::from_secs(1), true);
        assert!(l.starts_with("1,000 documents · 1.1 MB in 1.0 s"), "{l}");
    }

    #[test]
    fn the_rate_is_bytes_done_over_time_elapsed() {
        let l = line(
            3,
            9_000_000,
            Some(18_000_000),
            Duration::from_secs(1),
            false,
        );
        assert_eq!(l, "3 documents · 9.0 / 18.0 MB · 9.0 MB/s · about 1 s left");
        let l = line(1, 0, Some(5), Duration::ZERO, false);
        assert_eq!(l, "1 document · 0.0 MB · 0.0 MB/s");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
        assert_eq!(duration(185.0), "3 min 05 s");
        assert_eq!(duration(7800.0), "2 h 10 min");
    }

    #[test]
    fn a_run_off_shows_nothing_and_looks_nothing_up() {
        let mut p = Progress::new(false, &[PathBuf::from("Cargo.toml")]);
        assert_eq!(p.total, None);
        p.advance(10, 10 << 20);
        assert!(p.bar.is_none());
    }
}
