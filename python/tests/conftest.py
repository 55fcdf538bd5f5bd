"""Shared fixtures: the repository's samples and a direct run of the release binary on them."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The written-for-the-project samples, one document each (see samples/README.md).
SAMPLE_FILES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "samples").glob("*.txt"))


def binary() -> str:
    """The release binary (`cargo build --release`), or $MTLINT_BIN."""
    path = os.environ.get("MTLINT_BIN", str(ROOT / "target" / "release" / "mtlint"))
    if not os.access(path, os.X_OK):
        pytest.fail(f"no mtlint binary at {path}: run `cargo build --release` or set MTLINT_BIN")
    return path


def read_text(rel: str) -> str:
    # newline="" keeps CR LF as the binary reads it, so character offsets agree.
    with open(ROOT / rel, encoding="utf-8", newline="") as f:
        return f.read()


def without_bytes(row: dict) -> dict:
    """A JSONL row as the Python API gives it: no byte offsets, in the row or its findings."""
    row = {k: v for k, v in row.items() if k not in ("start_byte", "end_byte")}
    row["findings"] = [
        {k: v for k, v in f.items() if k not in ("start_byte", "end_byte")} for f in row["findings"]
    ]
    return row


def run_jsonl(*args: str) -> list:
    """`mtlint check --format jsonl ARGS` run from the repository root, rows parsed."""
    out = subprocess.run(
        [binary(), "check", "--format", "jsonl", "-q", *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="session")
def samples() -> list:
    """(id, text) of every sample text file, ids as a direct run names them."""
    return [(rel, read_text(rel)) for rel in SAMPLE_FILES]


@pytest.fixture(scope="session")
def direct_rows() -> list:
    """The direct run's rows on the sample files, byte offsets left out."""
    rows = [without_bytes(r) for r in run_jsonl(*SAMPLE_FILES)]
    assert rows, "the direct run wrote no rows"
    return rows
