//! The lexicons: plain-text data files under `lexicons/`, compiled into the binary, parsed
//! lazily, and extended or replaced by the files of a `--lexicons DIR`.
//!
//! Format: UTF-8, one entry per line, `#` starts a comment line, TSV for pairs. A file in the
//! override directory at the same relative path extends the built-in one; if its first line is
//! `#!replace` it replaces it.

use include_dir::{include_dir, Dir};
use rustc_hash::{FxHashMap, FxHashSet};
use std::any::Any;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};

static BUILTIN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/lexicons");

/// The languages whose word lists and function words the lexicons may hold (from the table
/// of languages, [`crate::languages::LEXICON_LANGS`]).
pub use crate::languages::LEXICON_LANGS as LANGS;

/// A lexicon file that could not be read or parsed, with its file and line.
#[derive(Debug, Clone, thiserror::Error)]
#[error("lexicon {file}:{line}: {message}")]
pub struct LexiconError {
    /// Path of the file, relative to the lexicon root.
    pub file: String,
    /// 1-based line (0 when the whole file is at fault).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// One entry of a lexicon file: its 1-based line and its trimmed text.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    /// 1-based line in the file.
    pub line: usize,
    /// The line, trimmed of surrounding white space (TSV fields keep their inner tabs).
    pub text: &'a str,
}

/// Word counts of one language, from `words/<lang>.tsv`.
#[derive(Debug, Default)]
pub struct WordFreq {
    counts: FxHashMap<&'static str, u32>,
    total: u64,
}

impl WordFreq {
    /// Count of the lower-case word (0 when unknown).
    pub fn count(&self, lower: &str) -> u32 {
        self.counts.get(lower).copied().unwrap_or(0)
    }

    /// True when the lower-case word is in the list.
    pub fn contains(&self, lower: &str) -> bool {
        self.counts.contains_key(lower)
    }

    /// log10 of the word's relative frequency; `floor` for unknown words.
    pub fn log_p(&self, lower: &str, floor: f64) -> f64 {
        match self.counts.get(lower) {
            Some(&c) if self.total > 0 => (f64::from(c) / self.total as f64).log10(),
            _ => floor,
        }
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.counts.len()
    }

    /// True when the list is empty (language not shipped).
    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// Sum of all counts.
    pub fn total(&self) -> u64 {
        self.total
    }
}

/// All lexicon files, built-in plus overrides, with lazily parsed caches.
pub struct Lexicons {
    files: BTreeMap<String, &'static str>,
    words: [OnceLock<WordFreq>; LANGS.len()],
    function: [OnceLock<FxHashSet<String>>; LANGS.len()],
    /// Tables derived from the lexicons that several rules share, built once (see
    /// [`Lexicons::shared`]).
    derived: Mutex<FxHashMap<&'static str, Arc<dyn Any + Send + Sync>>>,
}

impl std::fmt::Debug for Lexicons {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicons")
            .field("files", &self.files.len())
            .finish()
    }
}

impl Lexicons {
    /// The lexicons compiled into the binary (shared, built on first use).
    pub fn builtin() -> &'static Lexicons {
        Lexicons::builtin_arc()
    }

    /// [`Lexicons::builtin`] as a shared handle, for an owner such as the engine (the same
    /// lexicons: their derived tables are built once for every engine).
    pub fn builtin_shared() -> Arc<Lexicons> {
        Arc::clone(Lexicons::builtin_arc())
    }

    fn builtin_arc() -> &'static Arc<Lexicons> {
        static LEX: OnceLock<Arc<Lexicons>> = OnceLock::new();
        LEX.get_or_init(|| Arc::new(Lexicons::from_files(builtin_files())))
    }

    /// The built-in lexicons extended or replaced by the files under `dir`.
    pub fn with_overrides(dir: &Path) -> Result<Lexicons, LexiconError> {
        let mut files = builtin_files();
        let mut stack = vec![dir.to_path_buf()];
        let err = |p: &Path, m: String| LexiconError {
            file: p.display().to_string(),
            line: 0,
            message: m,
        };
        while let Some(d) = stack.pop() {
            let rd = std::fs::read_dir(&d).map_err(|e| err(&d, e.to_string()))?;
            let mut entries: Vec<_> = rd.filter_map(Result::ok).map(|e| e.path()).collect();
            entries.sort();
            for p in entries {
                if p.is_dir() {
                    stack.push(p);
                    continue;
                }
                let rel = p
                    .strip_prefix(dir)
                    .map_err(|e| err(&p, e.to_string()))?
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                let bytes = std::fs::read(&p).map_err(|e| err(&p, e.to_string()))?;
                let text = String::from_utf8(bytes).map_err(|e| LexiconError {
                    file: p.display().to_string(),
                    line: 0,
                    message: format!("not UTF-8 ({e})"),
                })?;
                let replace = text.lines().next().is_some_and(|l| l.trim() == "#!replace");
                let merged = match files.remove(&rel) {
                    Some(old) if !replace => leak(format!("{old}\n{text}")),
                    _ => leak(text),
                };
                files.insert(rel, merged);
            }
        }
        Ok(Lexicons::from_files(files))
    }

    /// An owned copy of the built-in lexicons, to which files can be added.
    pub fn with_overrides_none() -> Lexicons {
        Lexicons::from_files(builtin_files())
    }

    /// Adds text to a file (created when absent), as an override file would.
    pub fn add_file(&mut self, path: &str, text: String) {
        let merged = match self.files.remove(path) {
            Some(old) => leak(format!("{old}\n{text}")),
            None => leak(text),
        };
        self.files.insert(path.to_string(), merged);
    }

    fn from_files(files: BTreeMap<String, &'static str>) -> Lexicons {
        Lexicons {
            files,
            words: Default::default(),
            function: Default::default(),
            derived: Mutex::default(),
        }
    }

    /// Relative paths of every file.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }

    /// The raw text of a file.
    pub fn file(&self, path: &str) -> Option<&'static str> {
        self.files.get(path).copied()
    }

    /// The entries of a file (comments and blank lines skipped); empty when it is absent.
    pub fn entries(&self, path: &str) -> Vec<Entry<'static>> {
        let Some(text) = self.file(path) else {
            return Vec::new();
        };
        text.lines()
            .enumerate()
            .filter_map(|(i, l)| {
                let t = l.trim_matches(|c: char| c == ' ' || c == '\r');
                (!t.is_empty() && !t.starts_with('#')).then_some(Entry {
                    line: i + 1,
                    text: t,
                })
            })
            .collect()
    }

    /// The entry texts of a file.
    pub fn list(&self, path: &str) -> Vec<&'static str> {
        self.entries(path).into_iter().map(|e| e.text).collect()
    }

    /// The rows of a TSV file, each with at least `min_cols` fields.
    pub fn table(
        &self,
        path: &str,
        min_cols: usize,
    ) -> Result<Vec<Vec<&'static str>>, LexiconError> {
        self.entries(path)
            .into_iter()
            .map(|e| {
                let cols: Vec<&str> = e.text.split('\t').map(str::trim).collect();
                if cols.len() < min_cols || cols.iter().take(min_cols).any(|c| c.is_empty()) {
                    Err(LexiconError {
                        file: path.to_string(),
                        line: e.line,
                        message: format!("expected {min_cols} tab-separated fields"),
                    })
                } else {
                    Ok(cols)
                }
            })
            .collect()
    }

    /// A table derived from the lexicons, built by `build` on first use under `key` and shared
    /// afterwards (two rules that need the same filtered table build it once).
    pub fn shared<T: Any + Send + Sync>(
        &self,
        key: &'static str,
        build: impl FnOnce() -> T,
    ) -> Arc<T> {
        let cached = self
            .derived
            .lock()
            .ok()
            .and_then(|m| m.get(key).cloned())
            .and_then(|a| a.downcast::<T>().ok());
        if let Some(t) = cached {
            return t;
        }
        // Built outside the lock: `build` may itself use shared tables.
        let t = Arc::new(build());
        if let Ok(mut m) = self.derived.lock() {
            m.insert(key, t.clone());
        }
        t
    }

    /// Word counts of a language (`words/<lang>.tsv`); empty when not shipped.
    pub fn words(&self, lang: &str) -> &WordFreq {
        static EMPTY: OnceLock<WordFreq> = OnceLock::new();
        let Some(i) = LANGS.iter().position(|&l| l == lang) else {
            return EMPTY.get_or_init(WordFreq::default);
        };
        self.words[i].get_or_init(|| {
            let mut wf = WordFreq::default();
            let Some(text) = self.file(&format!("words/{lang}.tsv")) else {
                return wf;
            };
            wf.counts.reserve(text.len() / 12);
            for line in text.split('\n') {
                if line.starts_with('#') {
                    continue;
                }
                let Some((w, c)) = line.split_once('\t') else {
                    continue;
                };
                let c = parse_count(c);
                let w = w.trim();
                // Generated lists are lower case already; an override might not be.
                let upper = if w.is_ascii() {
                    w.bytes().any(|b| b.is_ascii_uppercase())
                } else {
                    w.chars().any(char::is_uppercase)
                };
                let w: &'static str = if upper { leak(w.to_lowercase()) } else { w };
                wf.total += u64::from(c);
                *wf.counts.entry(w).or_insert(0) += c;
            }
            wf
        })
    }

    /// Function words of a language (`function/<lang>.txt`), lower case.
    pub fn function_words(&self, lang: &str) -> &FxHashSet<String> {
        static EMPTY: OnceLock<FxHashSet<String>> = OnceLock::new();
        let Some(i) = LANGS.iter().position(|&l| l == lang) else {
            return EMPTY.get_or_init(FxHashSet::default);
        };
        self.function[i].get_or_init(|| {
            self.list(&format!("function/{lang}.txt"))
                .into_iter()
                .map(str::to_lowercase)
                .collect()
        })
    }
}

/// Parses a count (digits, maybe surrounded by white space); 0 when it is not a number.
fn parse_count(s: &str) -> u32 {
    let s = s.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return 0;
    }
    s.bytes().fold(0u32, |n, b| {
        n.saturating_mul(10).saturating_add(u32::from(b - b'0'))
    })
}

/// Override files live as long as the process, like the built-in ones, so that parsed tables
/// can borrow from them. An engine is built once per run, so this is bounded.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn builtin_files() -> BTreeMap<String, &'static str> {
    let mut out = BTreeMap::new();
    let mut stack = vec![&BUILTIN];
    while let Some(d) = stack.pop() {
        for f in d.files() {
            if let (Some(p), Some(t)) = (f.path().to_str(), f.contents_utf8()) {
                out.insert(p.replace('\\', "/"), t);
            }
        }
        stack.extend(d.dirs());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_extends_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("function")).unwrap();
        std::fs::write(dir.path().join("function/en.txt"), "# ours\nzzzword\n").unwrap();
        std::fs::write(dir.path().join("extra.txt"), "#!replace\none\ntwo\n").unwrap();
        let lex = Lexicons::with_overrides(dir.path()).unwrap();
        let fw = lex.function_words("en");
        assert!(fw.contains("zzzword"));
        assert_eq!(lex.list("extra.txt"), vec!["one", "two"]);
    }

    #[test]
    fn table_errors_name_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("pairs.tsv"), "#!replace\na\tb\nbroken\n").unwrap();
        let lex = Lexicons::with_overrides(dir.path()).unwrap();
        let err = lex.table("pairs.tsv", 2).unwrap_err();
        assert_eq!(err.line, 3);
        assert!(err.to_string().contains("pairs.tsv:3"));
    }
}
