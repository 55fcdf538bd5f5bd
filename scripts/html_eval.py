#!/usr/bin/env python3
"""Measures mtlint's web-page reading on the article-extraction benchmark's pages.

Runs `mtlint check --format jsonl` over a directory of pages with a `ground-truth.json`
(scrapinghub/article-extraction-benchmark's layout: {"<page id>": {"articleBody": ...}}),
takes as the *kept text* of a page its sentences not flagged `boilerplate`, and computes the
benchmark's measure: precision and recall of word 4-shingles between the kept text and the
gold article body, normalized per page, averaged over pages; F1 from the two averages.

It also counts, among the kept sentences that belong to the gold body, those with a major or
critical finding (false alarms on clean article text), by code; `--show N` prints examples.

Usage: scripts/html_eval.py [--bin target/release/mtlint] [--content main|all] DIR
"""
import argparse
import collections
import json
import re
import subprocess
import sys
from pathlib import Path

WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    """Multiset of n-word shingles (one shingle of all words when there are fewer)."""
    t = WORD.findall(text or "")
    out = collections.Counter()
    for i in range(max(1, len(t) - n + 1)):
        s = tuple(t[i : i + n])
        if s:
            out[s] += 1
    return out


def page_scores(gold, pred):
    g, p = shingles(gold), shingles(pred)
    tp = sum(min(c, p[k]) for k, c in g.items() if k in p)
    fp = sum(p.values()) - tp
    fn = sum(g.values()) - tp
    total = tp + fp + fn
    if total:
        tp, fp, fn = tp / total, fp / total, fn / total
    prec = 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))
    rec = 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))
    return prec, rec, tp + fp > 0, tp + fn > 0


def belongs(sentence, gold_shingles, gold_words):
    """A sentence belongs to the gold body when most of its shingles (or, short, its words
    in order) are there."""
    t = WORD.findall(sentence)
    if not t:
        return False
    if len(t) < 4:
        return " ".join(t) in gold_words
    s = shingles(sentence)
    inside = sum(c for k, c in s.items() if k in gold_shingles)
    return inside >= 0.8 * sum(s.values())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dir", type=Path)
    ap.add_argument("--bin", default="target/release/mtlint")
    ap.add_argument("--content", default="main", choices=["main", "all"])
    ap.add_argument("--target", help="target language (default: each page's own)")
    ap.add_argument("--show", type=int, default=0, help="print N false-alarm examples")
    ap.add_argument("--per-page", action="store_true", help="print each page's P/R")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    gold = json.loads((a.dir / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted(a.dir / f"{k}.html" for k in gold)
    cmd = [a.bin, "check", "--format", "jsonl", "--html-content", a.content]
    if a.target:
        cmd += ["--target", a.target]
    out = subprocess.run(cmd + [str(p) for p in pages], capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.stderr.write(out.stderr.decode("utf-8", "replace"))
        sys.exit(f"mtlint failed with exit code {out.returncode}")
    rows = collections.defaultdict(list)
    for line in out.stdout.decode("utf-8").splitlines():
        r = json.loads(line)
        rows[Path(r["doc"]).stem].append(r)
    precs, recs = [], []
    in_gold = flagged = 0
    by_code = collections.Counter()
    examples = []
    for k in sorted(gold):
        body = gold[k].get("articleBody", "")
        kept = [r for r in rows.get(k, []) if "boilerplate" not in r["flags"].split(";")]
        p, r, has_p, has_r = page_scores(body, "\n".join(x["text"] for x in kept))
        if has_p:
            precs.append(p)
        if has_r:
            recs.append(r)
        if a.per_page:
            print(f"{k} P={p:.3f} R={r:.3f}")
        gs = shingles(body)
        gw = " ".join(WORD.findall(body))
        for x in kept:
            if not belongs(x["text"], gs, gw):
                continue
            in_gold += 1
            major = [f for f in x["findings"] if f["severity"] in ("major", "critical")]
            if major:
                flagged += 1
                for f in major:
                    by_code[f["code"]] += 1
                examples.append((k, major[0]["code"], major[0]["matched"], x["text"]))
    P = sum(precs) / len(precs) if precs else 0.0
    R = sum(recs) / len(recs) if recs else 0.0
    F = 2 * P * R / (P + R) if P + R else 0.0
    share = flagged / in_gold if in_gold else 0.0
    res = {
        "pages": len(gold),
        "content": a.content,
        "precision": round(P, 4),
        "recall": round(R, 4),
        "f1": round(F, 4),
        "gold_sentences_kept": in_gold,
        "gold_sentences_with_major": flagged,
        "major_share": round(share, 4),
        "major_by_code": dict(by_code.most_common()),
    }
    if a.json:
        print(json.dumps(res, indent=1))
    else:
        print(f"pages {len(gold)}  content {a.content}")
        print(f"shingle precision {P:.3f}  recall {R:.3f}  F1 {F:.3f}")
        print(f"kept gold sentences {in_gold}, with a major finding {flagged} ({100 * share:.2f} %)")
        for c, n in by_code.most_common():
            print(f"  {c}: {n}")
    for k, code, m, t in examples[: a.show]:
        print(f"--- {k} {code}: {m!r}\n    {t[:300]}")


if __name__ == "__main__":
    main()
