#!/usr/bin/env bash
# Throughput on web pages beside plain text, one thread, whole process, median of 3:
#   1. the pages as HTML (read, decode, parse, extract, check), in MB/s of HTML and of the
#      text extracted;
#   2. the extracted text alone as plain .txt files (the same sentences, no HTML work).
# Usage: scripts/html_throughput.sh [BIN] [DIR] [main|all]
set -eu
BIN=${1:-target/release/mtlint}; DIR=${2:-../shared/data/html}; MODE=${3:-main}
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
html_bytes=$(cat "$DIR"/*.html | wc -c)
# The extracted text of each page, one .txt per page.
"$BIN" check --format jsonl --html-content "$MODE" "$DIR"/*.html -o "$T/rows.jsonl" 2>/dev/null || true
python3 - "$T" <<'PY'
import json, sys, collections, pathlib
t = pathlib.Path(sys.argv[1]); docs = collections.defaultdict(list)
for l in open(t / "rows.jsonl", encoding="utf-8"):
    r = json.loads(l); docs[pathlib.Path(r["doc"]).stem].append(r["text"])
for k, v in docs.items():
    (t / f"{k}.txt").write_text("\n\n".join(v), encoding="utf-8")
PY
text_bytes=$(cat "$T"/*.txt | wc -c)
run() { local s e; s=$(date +%s.%N); "$BIN" check --jobs 1 --html-content "$MODE" -o "$T/out.csv" "$@" 2>/dev/null || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
med() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
# The fixed cost of a run (start-up, the lexicons the rules load on first use), measured on
# a one-sentence text that uses every rule, is subtracted: 90 pages are too little to hide it.
echo "The council met on Monday and approved the budget." > "$T/one.txt"
h=(); p=(); f=()
for _ in 1 2 3; do
  f+=("$(run "$T/one.txt")"); h+=("$(run "$DIR"/*.html)"); p+=("$(run "$T"/[0-9a-f]*.txt)")
done
hm=$(med "${h[@]}"); pm=$(med "${p[@]}"); fm=$(med "${f[@]}")
hn=$(echo "$hm - $fm" | bc); pn=$(echo "$pm - $fm" | bc)
echo "load: $(cut -d' ' -f1-3 /proc/loadavg); fixed cost of a run ${fm}s (subtracted below)"
echo "html: $html_bytes bytes of HTML, $text_bytes bytes of text extracted ($MODE): ${hm}s, net ${hn}s:" \
  "$(echo "scale=2; $html_bytes / 1000000 / $hn" | bc) MB/s of HTML," \
  "$(echo "scale=2; $text_bytes / 1000000 / $hn" | bc) MB/s of extracted text"
echo "plain text (the same extracted text as .txt files): ${pm}s, net ${pn}s:" \
  "$(echo "scale=2; $text_bytes / 1000000 / $pn" | bc) MB/s"
