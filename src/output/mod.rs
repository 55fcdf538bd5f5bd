//! Output writers: CSV, TSV, JSONL.
