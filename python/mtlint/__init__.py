"""mtlint from Python: find machine-translation artifacts and score every sentence.

>>> import mtlint
>>> rows = mtlint.check(["Split\\n\\nThe talks went well."])
>>> [(r["sentence"], r["flags"]) for r in rows]
[(1, 'boilerplate'), (2, '')]

``check`` returns one dict per sentence with the fields of ``mtlint check --format jsonl``
(the CSV's columns plus ``findings``; no byte offsets, since Python indexes strings by
character). The analysis runs in Rust, in parallel over the documents of a call, with the GIL
released. ``Engine`` holds the lexicons and rules; build it once and reuse it, or let
``check`` use a cached one.
"""

from __future__ import annotations

import functools
import itertools
import os
from typing import Any, Iterable, Iterator, List, Optional, TypedDict

from ._mtlint import Engine as _Engine
from ._mtlint import MtlintError, __version__


class Finding(TypedDict):
    """One finding: offsets in characters into the document (end exclusive)."""

    code: str
    severity: str
    start: int
    end: int
    matched: str
    message: str
    suggestion: Optional[str]


class Row(TypedDict):
    """One sentence: the CSV's columns, then its findings."""

    doc: str
    sentence: int
    line: int
    start: int
    end: int
    lang: str
    lang_confidence: float
    score: int
    penalty: float
    verdict: str
    flags: str
    evidence: str
    suggestions: str
    text: str
    findings: List[Finding]

__all__ = [
    "COLUMNS",
    "Engine",
    "Finding",
    "MtlintError",
    "Row",
    "check",
    "iter_check",
    "to_pandas",
    "__version__",
]

#: The keys of a row, in the CSV's column order, then the findings.
COLUMNS = (
    "doc",
    "sentence",
    "line",
    "start",
    "end",
    "lang",
    "lang_confidence",
    "score",
    "penalty",
    "verdict",
    "flags",
    "evidence",
    "suggestions",
    "text",
    "findings",
)


class Engine(_Engine):
    """Lexicons, rules and options, built once (see ``Engine.check``)."""

    def iter_check(
        self,
        texts: Iterable[str],
        ids: Optional[Iterable[Any]] = None,
        source: Optional[Iterable[Optional[str]]] = None,
        batch_size: int = 512,
    ) -> Iterator[Row]:
        """Checks an iterable of documents ``batch_size`` at a time and yields the rows.

        Memory is bounded by one batch, so this can stream an archive of any size. Without
        ``ids``, documents are numbered from 0 across batches, as ``check`` numbers them.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        texts_it = iter(texts)
        ids_it = iter(ids) if ids is not None else itertools.count()
        source_it = iter(source) if source is not None else None
        while True:
            batch = list(itertools.islice(texts_it, batch_size))
            if not batch:
                return
            batch_ids = list(itertools.islice(ids_it, len(batch)))
            if len(batch_ids) != len(batch):
                raise ValueError("ids has fewer items than texts")
            batch_source = None
            if source_it is not None:
                batch_source = list(itertools.islice(source_it, len(batch)))
                if len(batch_source) != len(batch):
                    raise ValueError("source has fewer items than texts")
            yield from self.check(batch, ids=batch_ids, source=batch_source)


def _codes(v: Any) -> Any:
    """A hashable form of ``only``/``ignore`` for the engine cache."""
    if v is None or isinstance(v, str):
        return v
    return tuple(v)


@functools.lru_cache(maxsize=16)
def _cached_engine(target, source, only, ignore, config, _config_mtime, lexicons) -> Engine:
    return Engine(
        target=target,
        source=source,
        only=only,
        ignore=ignore,
        config=config,
        lexicons=lexicons,
    )


def _engine(target, source, only, ignore, config, lexicons) -> Engine:
    config = os.fspath(config) if config is not None else None
    # A changed configuration file builds a new engine; an unreadable one is reported by it.
    try:
        mtime = os.stat(config).st_mtime_ns if config is not None else None
    except OSError:
        mtime = None
    lexicons = os.fspath(lexicons) if lexicons is not None else None
    return _cached_engine(target, source, _codes(only), _codes(ignore), config, mtime, lexicons)


def _split_source(source: Any) -> tuple:
    """``source`` is a language code (a str) or the source texts (a list aligned with texts)."""
    if source is None or isinstance(source, str):
        return source, None
    return None, source


def check(
    texts: Any,
    target: Optional[str] = None,
    source: Any = None,
    only: Any = None,
    ignore: Any = None,
    config: Any = None,
    ids: Optional[Iterable[Any]] = None,
    lexicons: Any = None,
) -> List[Row]:
    """Checks one text (a str) or a list of texts; returns one dict per sentence.

    - ``target``: the expected language (ISO 639-1); default: each document's own.
    - ``source``: a str is the source *language* (``--source``); a list aligned with
      ``texts`` is the source *texts* (bilingual mode, ``--source-column``; None or "" for
      a document without one).
    - ``only``/``ignore``: rule codes, a list or a comma-separated str.
    - ``config``: path of an ``mtlint.toml`` (unlike the CLI, none is read unless given);
      ``lexicons``: a lexicon directory.
    - ``ids``: document ids (str or int) for the ``doc`` field; default "0", "1", ...

    The engine for these options is built once and cached. Raises ``MtlintError`` for a bad
    option, configuration or lexicon, ``TypeError`` for a text that is not a str (naming its
    index), ``ValueError`` when ``ids`` or ``source`` do not align with ``texts``.
    """
    lang, source_texts = _split_source(source)
    engine = _engine(target, lang, only, ignore, config, lexicons)
    return engine.check(texts, ids=ids, source=source_texts)


def iter_check(
    texts: Iterable[str],
    target: Optional[str] = None,
    source: Any = None,
    only: Any = None,
    ignore: Any = None,
    config: Any = None,
    ids: Optional[Iterable[Any]] = None,
    lexicons: Any = None,
    batch_size: int = 512,
) -> Iterator[Row]:
    """``check`` over an iterable of any length, ``batch_size`` documents at a time."""
    lang, source_texts = _split_source(source)
    engine = _engine(target, lang, only, ignore, config, lexicons)
    return engine.iter_check(texts, ids=ids, source=source_texts, batch_size=batch_size)


def to_pandas(rows: Iterable[Row]) -> Any:
    """The rows as a pandas DataFrame with the columns of ``COLUMNS`` (pandas must be installed)."""
    import pandas as pd

    return pd.DataFrame.from_records(list(rows), columns=list(COLUMNS))
