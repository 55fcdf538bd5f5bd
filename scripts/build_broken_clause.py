#!/usr/bin/env python3
"""Rebuilds lexicons/broken_clause/impossible_en.tsv: pairs of English function words that
(almost) never stand next to each other in clean English.

Source of the counts: the English prose of the Rust documentation books that ship with every
Rust toolchain (`rustup` component `rust-docs`: The Rust Programming Language, the Reference,
the Rustonomicon, Rust by Example, the Cargo book, the Edition Guide, the Embedded book, the
rustc and rustdoc books, the Style Guide), licence MIT OR Apache-2.0. Code blocks are dropped,
only running text is counted. Optionally also the clean human English of the project's
development data (`--dev FILE`, column `text`): only counts of function-word pairs are taken
from it, no text.

A pair (a, b) of function words is a candidate when both words are frequent enough that the
pair would be expected at least MIN_EXPECTED times under independence, yet it was observed
at most MAX_SEEN times. Candidates are then filtered by the hand-written exceptions below
(pairs that are grammatical English though rare in technical prose: "than i", "what if", …)
and by the word classes: only pairs whose first word is a determiner, preposition or
auxiliary and whose second word cannot follow it are kept.

Usage: python3 scripts/build_broken_clause.py [--docs DIR] [--dev clean_en.tsv] > lexicons/broken_clause/impossible_en.tsv
"""
import argparse
import collections
import glob
import html.parser
import math
import os
import re
import sys

BOOKS = ["book", "reference", "nomicon", "rust-by-example", "cargo", "edition-guide",
         "embedded-book", "rustc", "rustdoc", "style-guide"]

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
# Two words joined by nothing but spaces.
PAIR = re.compile(r"([A-Za-z]+(?:['’][A-Za-z]+)*)(?= +([A-Za-z]+(?:['’][A-Za-z]+)*))")

# Word classes of the function words we judge (hand-written; closed classes of English).
DET = "the a an this these those my your his its our their every each no".split()
PREP = ("of in on at by for with from into onto upon about against between through during "
        "before after above below under over to via without within among towards toward").split()
AUX = "is are was were be been being has have had do does did will would can could should may might must shall".split()
PRON = "i he she we they".split()
CONJ = "and or but nor".split()
PUREDET = "the a an every my your its our their".split()
SUBJ = "i he she we they".split()
# function words that are also nouns after a determiner: "the will", "a must", "all the while",
# "a human being", "the haves", "a do", "the ifs and buts", "the before and after"
NOUNLIKE = set("will can might must may do does being have while after before if".split())
SUBORD = "that which who whom whose when where if because while than whether".split()
# prepositions that are neither verb particles nor commonly stranded before another word
# (from, with, into, against … can be stranded: "the module it is imported from with …")
NONPARTICLE = "of during among via within between".split()
FIRST = set(DET) | set(PREP) | set(AUX) | set(PRON)


def judged(x, y):
    """True when the class pair (x, y) is one we trust a zero count for."""
    if x in PUREDET:
        if y in NOUNLIKE:
            return False
        return y in PREP or y in AUX or y in CONJ or y in PUREDET or y in SUBJ or y in SUBORD
    if x == "of":
        return y in PREP or y in AUX or y in CONJ or y in SUBJ
    if x in SUBJ:
        return y in PUREDET
    if x in PREP and y == "of":
        return True
    if x in NONPARTICLE or x == "to":
        return y in NONPARTICLE or y == "to" or y == "of"
    return False

# Pairs that are grammatical English, rare only in technical prose. Reason after the pair.
ALLOWED = {
    ("a", "few"): "a few", ("the", "most"): "the most",
    ("to", "be"): "to be",
    ("have", "been"): "have been",
    ("of", "his"): "of his",
    ("in", "his"): "in his", ("by", "his"): "by his",
    ("at", "his"): "at his",
    ("for", "his"): "for his",
    ("with", "his"): "with his",
    ("from", "his"): "from his",
    ("on", "his"): "on his",
    ("to", "his"): "to his",
    ("he", "was"): "he was", ("she", "was"): "she was", ("he", "had"): "he had",
    ("she", "had"): "she had", ("he", "is"): "he is", ("she", "is"): "she is",
    ("he", "has"): "he has", ("she", "has"): "she has", ("he", "did"): "he did",
    ("she", "did"): "she did", ("he", "will"): "he will", ("she", "will"): "she will",
    ("he", "would"): "he would", ("she", "would"): "she would", ("he", "could"): "he could",
    ("she", "could"): "she could", ("he", "said"): "he said", ("she", "said"): "she said",
    ("he", "and"): "he and his wife", ("she", "and"): "she and her husband",
    ("i", "was"): "I was", ("i", "had"): "I had", ("i", "am"): "I am",
    ("we", "were"): "we were", ("they", "were"): "they were",
    ("i", "and"): "you and I and", ("i", "to"): "for me to", ("i", "in"): "…as I in turn",
    ("was", "his"): "was his first", ("is", "his"): "is his", ("has", "his"): "has his",
    ("had", "his"): "had his", ("were", "his"): "were his",
    ("be", "his"): "be his", ("did", "his"): "did his best",
    ("were", "they"): "were they to", ("had", "he"): "had he known", ("had", "she"): "had she",
    ("was", "he"): "was he", ("was", "she"): "was she", ("did", "he"): "did he",
    ("did", "she"): "did she", ("is", "he"): "is he", ("is", "she"): "is she",
    ("has", "he"): "has he", ("has", "she"): "has she", ("will", "he"): "will he",
    ("would", "he"): "would he", ("could", "he"): "could he", ("can", "he"): "can he",
    ("should", "he"): "should he", ("might", "he"): "might he", ("must", "he"): "must he",
    ("may", "he"): "may he", ("does", "he"): "does he", ("do", "they"): "do they",
    ("would", "she"): "would she", ("will", "she"): "will she", ("could", "she"): "could she",
    ("can", "she"): "can she", ("does", "she"): "does she", ("should", "she"): "should she",
    ("might", "she"): "might she", ("must", "she"): "must she", ("may", "she"): "may she",
    ("shall", "he"): "shall he", ("shall", "she"): "shall she", ("shall", "i"): "shall I",
    ("shall", "we"): "shall we", ("shall", "they"): "shall they",
    ("had", "they"): "had they", ("had", "we"): "had we", ("had", "i"): "had I",
    ("have", "they"): "have they", ("have", "we"): "have we", ("have", "i"): "have I",
    ("were", "we"): "were we", ("were", "i"): "were I", ("was", "i"): "was I",
    ("am", "i"): "am I", ("are", "we"): "are we", ("are", "they"): "are they",
    ("did", "they"): "did they", ("did", "we"): "did we", ("did", "i"): "did I",
    ("do", "we"): "do we", ("do", "i"): "do I", ("does", "it"): "does it",
    ("he", "himself"): "he himself", ("she", "herself"): "she herself",
    ("they", "themselves"): "they themselves", ("we", "ourselves"): "we ourselves",
    ("i", "myself"): "I myself",
    ("we", "the"): "we the people", ("in", "between"): "in between",
    ("from", "between"): "from between", ("from", "under"): "from under",
    ("from", "within"): "from within", ("from", "without"): "from without",
    ("from", "behind"): "from behind", ("from", "above"): "from above",
    ("from", "below"): "from below", ("from", "among"): "from among",
    ("from", "across"): "from across", ("till", "after"): "till after",
    ("until", "after"): "until after", ("since", "before"): "since before",
    ("until", "before"): "until before", ("to", "within"): "to within",
    ("of", "between"): "of between", ("of", "about"): "of about",
    ("for", "about"): "for about", ("in", "about"): "in about", ("at", "about"): "at about",
    ("by", "about"): "by about", ("to", "about"): "to about", ("with", "about"): "with about",
    ("on", "about"): "on about", ("from", "about"): "from about", ("after", "about"): "after about",
    ("of", "over"): "of over", ("for", "over"): "for over", ("to", "over"): "to over",
    ("by", "over"): "by over", ("in", "over"): "in over", ("with", "over"): "with over",
    ("at", "over"): "at over", ("from", "over"): "from over", ("after", "over"): "after over",
    ("of", "under"): "of under", ("to", "under"): "to under", ("for", "under"): "for under",
    ("in", "under"): "in under", ("by", "under"): "by under", ("at", "under"): "at under",
    ("with", "under"): "with under", ("after", "under"): "after under",
    ("of", "up"): "of up to", ("by", "up"): "by up to", ("for", "up"): "for up to",
    ("to", "up"): "to up to", ("with", "up"): "with up to", ("in", "up"): "in up to",
    ("of", "around"): "of around", ("by", "around"): "by around", ("for", "around"): "for around",
    ("to", "around"): "to around", ("in", "around"): "in around", ("at", "around"): "at around",
    ("of", "nearly"): "of nearly", ("of", "almost"): "of almost",
    ("from", "before"): "from before", ("from", "after"): "from after",
    ("from", "during"): "from during", ("since", "then"): "since then",
    ("the", "about"): "the some 300 / the about 300 people (news usage)",
    ("the", "over"): "the over (cricket)", ("the", "under"): "the under-21s",
    ("an", "about"): "an about-turn", ("a", "about"): "a about-turn",
    ("a", "little"): "a little", ("a", "lot"): "a lot", ("a", "to"): "from a to z",
    ("to", "the"): "to the", ("by", "the"): "by the",
    ("the", "very"): "the very", ("a", "very"): "a very", ("an", "all"): "an all-out",
    ("the", "same"): "the same", ("the", "only"): "the only", ("the", "other"): "the other",
    ("the", "more"): "the more", ("the", "few"): "the few", ("the", "own"): "(none)",
    ("no", "more"): "no more", ("no", "one"): "no one", ("no", "other"): "no other",
    ("no", "further"): "no further", ("no", "such"): "no such", ("no", "longer"): "no longer",
    ("each", "other"): "each other", ("each", "of"): "each of", ("each", "and"): "each and every",
    ("every", "other"): "every other", ("every", "so"): "every so often",
    ("every", "now"): "every now and then", ("every", "once"): "every once in a while",
    ("his", "own"): "his own", ("their", "own"): "their own", ("its", "own"): "its own",
    ("my", "own"): "my own", ("our", "own"): "our own", ("your", "own"): "your own",
    ("this", "is"): "this is", ("these", "are"): "these are", ("those", "who"): "those who",
    ("those", "of"): "those of", ("those", "in"): "those in", ("those", "with"): "those with",
    ("those", "at"): "those at", ("those", "on"): "those on", ("those", "from"): "those from",
    ("those", "for"): "those for", ("those", "by"): "those by", ("those", "that"): "those that",
    ("those", "which"): "those which", ("those", "whom"): "those whom", ("those", "whose"): "those whose",
    ("those", "under"): "those under", ("those", "over"): "those over", ("those", "above"): "those above",
    ("those", "below"): "those below", ("those", "and"): "those and", ("those", "or"): "those or",
    ("those", "were"): "those were", ("those", "are"): "those are", ("those", "who're"): "",
    ("this", "was"): "this was", ("this", "has"): "this has", ("this", "will"): "this will",
    ("this", "would"): "this would", ("this", "could"): "this could", ("this", "can"): "this can",
    ("this", "and"): "this and that", ("this", "or"): "this or that", ("this", "to"): "this to",
    ("this", "in"): "this in", ("this", "of"): "all of this", ("this", "for"): "this for",
    ("this", "by"): "this by", ("this", "with"): "this with", ("this", "at"): "this at",
    ("this", "on"): "this on", ("this", "from"): "this from", ("this", "is"): "",
}

# Second words that follow anything in some grammatical sentence (adverbs, quantifiers that
# start noun phrases after any preposition or determiner, contracted forms).
FREE_SECOND = set("""not also all both only just even still already never ever always so too
very more most less least quite rather such same other own own's few many much several one
ones two three first last next then now here there once again further yet""".split())


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.skip = 0
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in ("pre", "code", "script", "style", "nav", "head"):
            self.skip += 1
        elif tag in ("p", "li", "h1", "h2", "h3", "h4", "td", "th", "br", "div"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("pre", "code", "script", "style", "nav", "head") and self.skip:
            self.skip -= 1
            if tag == "code":
                self.parts.append(" XCODEX ")  # inline code breaks adjacency
        elif tag in ("p", "li", "h1", "h2", "h3", "h4", "td", "th", "div"):
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def doc_texts(root):
    for book in BOOKS:
        for path in sorted(glob.glob(os.path.join(root, book, "**", "*.html"), recursive=True)):
            if path.endswith(("print.html", "searchindex.html", "toc.html")):
                continue
            p = Text()
            with open(path, encoding="utf-8", errors="replace") as f:
                p.feed(f.read())
            yield "".join(p.parts)


def dev_texts(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        col = header.index("text")
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > col:
                yield cols[col]


def count(texts, fw, uni, bi):
    n = 0
    for t in texts:
        for line in t.split("\n"):
            ws = WORD.findall(line)
            n += len(ws)
            for w in ws:
                lw = w.lower()
                if lw in fw:
                    uni[lw] += 1
            for m in PAIR.finditer(line):
                a, b = m.group(1).lower(), m.group(2).lower()
                if a in fw and b in fw:
                    bi[(a, b)] += 1
    return n


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", default=sorted(glob.glob(os.path.expanduser(
        "~/.rustup/toolchains/1.*/share/doc/rust/html")))[-1])
    ap.add_argument("--dev", default=None)
    ap.add_argument("--min-expected", type=float, default=2.0)
    ap.add_argument("--max-seen", type=int, default=0)
    ap.add_argument("--max-ratio", type=float, default=0.005)
    a = ap.parse_args()
    fw = set()
    with open(os.path.join(here, "..", "lexicons", "function", "en.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#") and (len(line) > 1 or line in ("a", "i")) and "'" not in line:
                fw.add(line)
    fw -= {"ain", "couldn", "didn", "doesn", "hadn", "hasn", "haven", "isn", "ma", "mightn",
           "mustn", "needn", "shan", "shouldn", "wasn", "weren", "won", "wouldn", "aren",
           "don", "ll", "re", "ve"}
    uni, bi = collections.Counter(), collections.Counter()
    n = count(doc_texts(a.docs), fw, uni, bi)
    if a.dev:
        n += count(dev_texts(a.dev), fw, uni, bi)
    rows = []
    for x in sorted(FIRST & fw):
        for y in sorted(fw):
            if x == y or y in FREE_SECOND or (x, y) in ALLOWED or not judged(x, y):
                continue
            expected = uni[x] * uni[y] / max(n, 1)
            seen = bi[(x, y)]
            if expected >= a.min_expected and seen <= max(a.max_seen, a.max_ratio * expected):
                rows.append((x, y, f"{expected:.1f}", str(seen)))
    # Pairs the technical prose cannot judge (it hardly uses he/she/they): a subject pronoun
    # followed by a determiner ("that he the contract signed"), "of" + subject pronoun.
    # Hand-written; they are checked against the clean dev data like the counted ones.
    for x in SUBJ:
        for y in PUREDET:
            if (x, y) not in ALLOWED and not any(r[0] == x and r[1] == y for r in rows):
                rows.append((x, y, "hand", "-"))
    for y in ("i", "he", "she", "we", "they"):
        if not any(r[0] == "of" and r[1] == y for r in rows):
            rows.append(("of", y, "hand", "-"))
    print("# generated by scripts/build_broken_clause.py — do not edit")
    print("# source: counts of adjacent function-word pairs in the English prose of the Rust")
    print("#   documentation books shipped with the Rust toolchain (rust-docs, MIT OR Apache-2.0)"
          + (" and of the project's clean English dev data (counts only, no text)" if a.dev else ""))
    tc = [p for p in os.path.normpath(a.docs).split(os.sep) if p.endswith(("-gnu", "-musl", "-msvc", "-darwin"))]
    print("#   toolchain: %s" % (tc[0] if tc else os.path.basename(a.docs)))
    print("# licence: MIT OR Apache-2.0, like the project (the word list itself written for mtlint)")
    print(f"# words counted: {n}; a pair is kept when expected >= {a.min_expected} under independence")
    print("#   and seen <= max(%d, %g x expected) times, minus hand-written exceptions and free second words;" % (a.max_seen, a.max_ratio))
    print("#   rows with expected = hand are hand-written (pronoun pairs the technical prose cannot judge)")
    print("# columns: first\tsecond\texpected\tseen")
    for x, y, e, s in sorted(rows, key=lambda r: (r[2] == "hand", -float(r[2]) if r[2] != "hand" else 0, r[0], r[1])):
        print(f"{x}\t{y}\t{e}\t{s}")


if __name__ == "__main__":
    main()
