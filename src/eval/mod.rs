//! `mtlint eval`: agreement of the tool with human labels.

pub mod stats;

/// Arguments of `eval` (placeholder until the evaluation lands).
#[derive(Debug, clap::Args)]
pub struct EvalArgs {
    /// The labelled file.
    pub gold: std::path::PathBuf,
}

/// Runs `eval`.
pub fn run(_a: &EvalArgs) -> anyhow::Result<i32> {
    anyhow::bail!("eval is not built yet")
}
