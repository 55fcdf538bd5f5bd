//! The Python extension module `mtlint._mtlint`: mtlint's [`Engine`](mtlint::Engine) as a
//! Python class whose `check` analyzes a list of documents in parallel (rayon) with the GIL
//! released and returns one dict per sentence, with the CSV's fields and the findings.
//! `python/mtlint/__init__.py` wraps it (`mtlint.check`, cached engines, pandas).

use mtlint::output::{evidence, flags, suggestions};
use mtlint::{Config, DocReport, Document, Options};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use pyo3::{intern, PyTypeInfo};
use rayon::prelude::*;
use std::path::PathBuf;

pyo3::create_exception!(
    mtlint,
    MtlintError,
    PyValueError,
    "An engine could not be built: a bad option, configuration file or lexicon."
);

/// A built engine: lexicons, rules and options, reused by every call.
#[pyclass(frozen, subclass, module = "mtlint")]
struct Engine {
    core: mtlint::Engine,
    /// A pool of its own when `jobs` was given; otherwise rayon's global pool.
    pool: Option<rayon::ThreadPool>,
}

/// A Python argument that may be one str ("a,b") or a sequence of str.
fn codes(arg: &str, v: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<String>>> {
    let Some(v) = v else { return Ok(None) };
    if let Ok(s) = v.cast::<PyString>() {
        let s = s.to_str()?;
        return Ok(Some(
            s.split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(String::from)
                .collect(),
        ));
    }
    let mut out = Vec::new();
    for (i, c) in v.try_iter()?.enumerate() {
        let c = c?;
        match c.cast::<PyString>() {
            Ok(s) => out.push(s.to_str()?.to_string()),
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "{arg}[{i}] is not a str but {}",
                    type_name(&c)
                )))
            }
        }
    }
    Ok(Some(out))
}

fn type_name(v: &Bound<'_, PyAny>) -> String {
    v.get_type()
        .name()
        .map_or_else(|_| "?".into(), |n| n.to_string())
}

fn language(what: &str, v: Option<&str>) -> PyResult<Option<&'static str>> {
    match v {
        None => Ok(None),
        Some(v) => mtlint::lang::parse(v).map(Some).ok_or_else(|| {
            MtlintError::new_err(format!(
                "unknown {what} language {v:?} (use an ISO 639-1 code such as en, de)"
            ))
        }),
    }
}

/// Items of an iterable as Python objects, with a clear error for a non-iterable.
fn items<'py>(arg: &str, v: &Bound<'py, PyAny>) -> PyResult<Vec<Bound<'py, PyAny>>> {
    let it = v.try_iter().map_err(|_| {
        PyTypeError::new_err(format!(
            "{arg} must be a str or an iterable of str, not {}",
            type_name(v)
        ))
    })?;
    it.collect()
}

/// The documents of one call, with their ids and (bilingual mode) sources.
fn documents(
    texts: &Bound<'_, PyAny>,
    ids: Option<&Bound<'_, PyAny>>,
    source: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Document>> {
    // One str is one document (iterating it would check each character).
    let texts = if texts.is_instance_of::<PyString>() {
        vec![texts.clone()]
    } else {
        items("texts", texts)?
    };
    let mut docs = Vec::with_capacity(texts.len());
    for (i, t) in texts.iter().enumerate() {
        let Ok(s) = t.cast::<PyString>() else {
            return Err(PyTypeError::new_err(format!(
                "texts[{i}] is not a str but {}",
                type_name(t)
            )));
        };
        docs.push(Document::new(i.to_string(), s.to_str()?));
    }
    if let Some(ids) = ids {
        let ids = if ids.is_instance_of::<PyString>() {
            vec![ids.clone()]
        } else {
            items("ids", ids)?
        };
        if ids.len() != docs.len() {
            return Err(PyValueError::new_err(format!(
                "ids has {} items but texts has {}",
                ids.len(),
                docs.len()
            )));
        }
        for (i, (d, id)) in docs.iter_mut().zip(&ids).enumerate() {
            d.id = if let Ok(s) = id.cast::<PyString>() {
                s.to_str()?.to_string()
            } else if id.is_instance_of::<pyo3::types::PyInt>() {
                id.str()?.to_str()?.to_string()
            } else {
                return Err(PyTypeError::new_err(format!(
                    "ids[{i}] is not a str or int but {}",
                    type_name(id)
                )));
            };
        }
    }
    if let Some(source) = source {
        let source = items("source", source)?;
        if source.len() != docs.len() {
            return Err(PyValueError::new_err(format!(
                "source has {} items but texts has {}",
                source.len(),
                docs.len()
            )));
        }
        for (i, (d, s)) in docs.iter_mut().zip(&source).enumerate() {
            if s.is_none() {
                continue;
            }
            let Ok(s) = s.cast::<PyString>() else {
                return Err(PyTypeError::new_err(format!(
                    "source[{i}] is not a str or None but {}",
                    type_name(s)
                )));
            };
            let s = s.to_str()?;
            // A blank source means no source, as an empty source column does in the CLI.
            if !s.trim().is_empty() {
                d.source = Some(s.to_string());
            }
        }
    }
    Ok(docs)
}

/// Appends one dict per sentence of `r` to `out`: the fields of `mtlint check --format jsonl`
/// without the byte offsets (Python strings are indexed by character).
fn push_rows<'py>(py: Python<'py>, r: &DocReport, out: &Bound<'py, PyList>) -> PyResult<()> {
    let doc = PyString::new(py, &r.id);
    for s in &r.sentences {
        let row = PyDict::new(py);
        row.set_item(intern!(py, "doc"), &doc)?;
        row.set_item(intern!(py, "sentence"), s.index)?;
        row.set_item(intern!(py, "line"), s.line)?;
        row.set_item(intern!(py, "start"), s.start)?;
        row.set_item(intern!(py, "end"), s.end)?;
        row.set_item(intern!(py, "lang"), s.lang)?;
        row.set_item(intern!(py, "lang_confidence"), s.lang_confidence)?;
        row.set_item(intern!(py, "score"), s.score)?;
        row.set_item(intern!(py, "penalty"), s.penalty)?;
        row.set_item(intern!(py, "verdict"), s.verdict.as_str())?;
        row.set_item(intern!(py, "flags"), flags(s))?;
        row.set_item(intern!(py, "evidence"), evidence(s))?;
        row.set_item(intern!(py, "suggestions"), suggestions(s))?;
        row.set_item(intern!(py, "text"), &s.text)?;
        let findings = PyList::empty(py);
        for f in &s.findings {
            let d = PyDict::new(py);
            d.set_item(intern!(py, "code"), f.code)?;
            d.set_item(intern!(py, "severity"), f.severity.as_str())?;
            d.set_item(intern!(py, "start"), f.start)?;
            d.set_item(intern!(py, "end"), f.end)?;
            d.set_item(intern!(py, "matched"), &f.matched)?;
            d.set_item(intern!(py, "message"), &f.message)?;
            d.set_item(intern!(py, "suggestion"), f.suggestion.as_deref())?;
            findings.append(d)?;
        }
        row.set_item(intern!(py, "findings"), findings)?;
        out.append(row)?;
    }
    Ok(())
}

#[pymethods]
impl Engine {
    /// Builds an engine: checks the options, reads the configuration and lexicons once.
    #[new]
    #[pyo3(signature = (target=None, source=None, only=None, ignore=None, config=None, lexicons=None, jobs=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        target: Option<&str>,
        source: Option<&str>,
        only: Option<&Bound<'_, PyAny>>,
        ignore: Option<&Bound<'_, PyAny>>,
        config: Option<PathBuf>,
        lexicons: Option<PathBuf>,
        jobs: Option<usize>,
    ) -> PyResult<Self> {
        let config = match &config {
            Some(p) => Config::load(p).map_err(|e| MtlintError::new_err(e.to_string()))?,
            None => Config::default(),
        };
        let opts = Options {
            target: language("target", target)?,
            source: language("source", source)?,
            only: codes("only", only)?,
            ignore: codes("ignore", ignore)?.unwrap_or_default(),
            config,
            lexicons,
        };
        let core = mtlint::Engine::new(opts).map_err(|e| MtlintError::new_err(e.to_string()))?;
        let pool = match jobs {
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| MtlintError::new_err(format!("cannot start threads: {e}")))?,
            ),
            None => None,
        };
        Ok(Engine { core, pool })
    }

    /// Checks documents; returns one dict per sentence, documents in input order.
    #[pyo3(signature = (texts, ids=None, source=None))]
    fn check<'py>(
        &self,
        py: Python<'py>,
        texts: &Bound<'py, PyAny>,
        ids: Option<&Bound<'py, PyAny>>,
        source: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let docs = documents(texts, ids, source)?;
        // The analysis needs no Python object: other Python threads run meanwhile.
        let reports: Vec<DocReport> = py.detach(|| {
            let run = || docs.par_iter().map(|d| self.core.analyze(d)).collect();
            match &self.pool {
                Some(p) => p.install(run),
                None => run(),
            }
        });
        let out = PyList::empty(py);
        for r in &reports {
            push_rows(py, r, &out)?;
        }
        Ok(out)
    }

    /// The codes of the rules this engine runs, in registry order.
    fn rules(&self) -> Vec<&'static str> {
        self.core.rules().iter().map(|r| r.info().code).collect()
    }

    fn __repr__(&self) -> String {
        format!("<mtlint.Engine with {} rules>", self.core.rules().len())
    }
}

/// The extension module.
#[pymodule]
fn _mtlint(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Engine>()?;
    m.add("MtlintError", MtlintError::type_object(m.py()))?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
