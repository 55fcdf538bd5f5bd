//! Inputs: files, directories, standard input, CSV/TSV/JSONL batches → documents.
