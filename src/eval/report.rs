//! The readable report of `mtlint eval`.

use super::metrics::{Correlation, Metrics, Rates, LENGTH_BINS};
use super::stats::Prf;
use std::io::{self, Write};

/// What the report names besides the numbers.
pub struct Context<'a> {
    pub file: &'a str,
    pub expected_column: Option<&'a str>,
    pub human: Option<&'a str>,
    pub higher_is_better: bool,
    pub label: Option<&'a str>,
    pub origin: Option<&'a str>,
    pub target: Option<&'a str>,
}

fn num(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_string(), |v| format!("{v:.3}"))
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "n/a".to_string(), |v| format!("{:.2}%", 100.0 * v))
}

fn prf_line(out: &mut dyn Write, name: &str, p: &Prf) -> io::Result<()> {
    writeln!(
        out,
        "  {:<26} {:>5} {:>5} {:>5} {:>9} {:>7} {:>7}",
        name,
        p.tp,
        p.fp,
        p.fn_,
        num(p.precision),
        num(p.recall),
        num(p.f1)
    )
}

fn rates_line(out: &mut dyn Write, name: &str, r: &Rates) -> io::Result<()> {
    writeln!(
        out,
        "  {:<26} {:>6} rows, flagged {:>7} ({}), major {:>7} ({})",
        name,
        r.rows,
        pct(r.flag_rate),
        r.flagged,
        pct(r.major_rate),
        r.major
    )
}

fn corr_line(out: &mut dyn Write, name: &str, c: &Correlation) -> io::Result<()> {
    writeln!(
        out,
        "  {:<26} {:>8} {:>8} {:>8}",
        name,
        num(c.pearson),
        num(c.spearman),
        num(c.kendall)
    )
}

/// Writes the report.
pub fn write(out: &mut dyn Write, m: &Metrics, cx: &Context<'_>) -> io::Result<()> {
    writeln!(
        out,
        "mtlint eval {}: {} rows in {} documents{}{}",
        cx.file,
        m.rows,
        m.documents,
        cx.target
            .map(|t| format!(", target {t}"))
            .unwrap_or_default(),
        if m.bad_rows > 0 {
            format!(" ({} malformed rows skipped)", m.bad_rows)
        } else {
            String::new()
        }
    )?;
    writeln!(out, "mean score {}", num(m.mean_score))?;

    if let (Some(pc), Some(any)) = (&m.per_code, &m.any) {
        writeln!(out)?;
        writeln!(
            out,
            "Codes vs column {:?} (rows)",
            cx.expected_column.unwrap_or("expected")
        )?;
        writeln!(
            out,
            "  {:<26} {:>5} {:>5} {:>5} {:>9} {:>7} {:>7}",
            "code", "tp", "fp", "fn", "precision", "recall", "f1"
        )?;
        for (code, p) in pc {
            prf_line(out, code, p)?;
        }
        prf_line(out, "any (flagged vs not clean)", any)?;
    }

    writeln!(out)?;
    if m.per_code.is_some() {
        writeln!(out, "Clean rows (expected -): false alarms")?;
    } else {
        writeln!(
            out,
            "Flagged rows (no expected column: every row counts as clean; on clean text these are false alarms)"
        )?;
    }
    rates_line(
        out,
        "all",
        &Rates {
            rows: m.clean_rows,
            flagged: m
                .clean_flag_rate
                .map_or(0, |r| (r * m.clean_rows as f64).round() as usize),
            major: m
                .clean_major_rate
                .map_or(0, |r| (r * m.clean_rows as f64).round() as usize),
            flag_rate: m.clean_flag_rate,
            major_rate: m.clean_major_rate,
        },
    )?;
    if let Some(by) = &m.clean_by_origin {
        for (k, r) in by {
            rates_line(
                out,
                &format!("{} = {}", cx.origin.unwrap_or("origin"), k),
                r,
            )?;
        }
    }
    if let Some(per) = &m.clean_rate_per_code {
        writeln!(out, "  share of these rows flagged, per rule:")?;
        for (code, r) in per {
            writeln!(
                out,
                "    {:<24} {:>7} ({})",
                code,
                pct(Some(*r)),
                (r * m.clean_rows as f64).round() as usize
            )?;
        }
    }
    if m.per_code.is_some() {
        writeln!(
            out,
            "All rows: flagged {}, major {}",
            pct(m.flag_rate),
            pct(m.major_rate)
        )?;
    }

    if let (Some(c), Some(b)) = (&m.correlation, &m.length_baseline) {
        writeln!(out)?;
        writeln!(
            out,
            "Correlation with human score {:?} ({}; n = {})",
            cx.human.unwrap_or(""),
            if cx.higher_is_better {
                "higher is better"
            } else {
                "lower is better: negated"
            },
            c.n
        )?;
        writeln!(
            out,
            "  {:<26} {:>8} {:>8} {:>8}",
            "", "pearson", "spearman", "kendall"
        )?;
        corr_line(out, "mtlint score", c)?;
        corr_line(out, "length baseline (-words)", b)?;
        writeln!(
            out,
            "  partial spearman, controlling for length: {}",
            num(m.partial_spearman)
        )?;
        writeln!(
            out,
            "  spearman within {LENGTH_BINS} length bins:         {}",
            num(m.binned_spearman)
        )?;
    }

    if let Some(o) = &m.span_overlap {
        writeln!(out)?;
        writeln!(
            out,
            "Findings vs annotated error spans ({} annotated rows, {} target spans)",
            o.rows, o.annotated_spans
        )?;
        writeln!(
            out,
            "  {:<26} {:>8} {:>12} {:>17}",
            "code", "findings", "overlap any", "overlap matching"
        )?;
        let line = |out: &mut dyn Write, name: &str, c: &super::metrics::SpanCounts| {
            writeln!(
                out,
                "  {:<26} {:>8} {:>12} {:>17}",
                name, c.findings, c.overlap_any, c.overlap_matching
            )
        };
        for (code, c) in &o.per_code {
            line(out, code, c)?;
        }
        line(out, "all", &o.total)?;
        rates_line(out, "rows without error spans", &o.rows_without_spans)?;
    }

    if let Some(lc) = &m.label_counts {
        writeln!(out)?;
        writeln!(
            out,
            "Label {:?} (1 = expected to score higher; {} positive, {} negative)",
            cx.label.unwrap_or(""),
            lc.positive,
            lc.negative
        )?;
        writeln!(out, "  AUC mtlint score:             {}", num(m.auc))?;
        writeln!(
            out,
            "  AUC length baseline (-words): {}",
            num(m.auc_length_baseline)
        )?;
        if let Some(by) = &m.flag_rate_by_label {
            for (k, r) in by {
                rates_line(out, &format!("{} = {}", cx.label.unwrap_or("label"), k), r)?;
            }
        }
    }
    Ok(())
}
