#!/usr/bin/env bash
# Runs `mtlint eval` over the development data (../shared/data/dev) and the project's labelled
# corpus, as recorded in docs/EVALUATION.md. Usage: scripts/eval_dev.sh [--format json]
set -euo pipefail
cd "$(dirname "$0")/.."
D=${MTLINT_DEV_DATA:-../shared/data/dev}
cargo build --release --quiet
M=./target/release/mtlint
run() { echo; echo "\$ mtlint eval $*"; "$M" eval "$@" "${EXTRA[@]}" || true; }
EXTRA=("$@")
run tests/corpus/en.tsv --target en --doc-column doc
run tests/corpus/de.tsv --target de --doc-column doc
run tests/corpus/fr.tsv --target fr --doc-column doc
run tests/corpus/es.tsv --target es --doc-column doc
run "$D/clean_en.tsv" --target en --origin-column origin --doc-column doc
run "$D/clean_de.tsv" --target de --origin-column origin --doc-column doc
run "$D/mt_deen_da_wmt21.tsv" --target en --source de --text-column mt_en --human-score da_z --higher-is-better --label is_human --doc-column doc,system
run "$D/mqm_deen_bio_dev.tsv" --target en --source de --text-column target --human-score mqm_score --higher-is-better --label is_human --doc-column doc,system,annotator --spans-column error_spans_json
run "$D/mqm_zhen_ted21.tsv" --target en --source zh --text-column target --human-score mqm_score --higher-is-better --label is_human --doc-column doc,system --spans-column error_spans_json
run "$D/mqm_ende_ted21.tsv" --target de --source en --text-column target --human-score mqm_score --higher-is-better --label is_human --doc-column doc,system --spans-column error_spans_json
run "$D/da_xen_mlqe.tsv" --target en --text-column target --human-score da_z_mean --higher-is-better
