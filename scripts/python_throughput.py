#!/usr/bin/env python3
"""The Python package's throughput and peak memory beside the binary's, on the same input.

    python scripts/python_throughput.py TEXT_FILE [REPEAT=9] [BATCH=512]

TEXT_FILE is split into documents at blank lines and repeated REPEAT times (ids made unique),
written once as a JSONL batch in /tmp. Then, in this order, each in a process of its own:
the release binary on the batch (`mtlint check --format jsonl -o /dev/null`, all cores), and
`mtlint.iter_check` over the same documents read line by line (all cores, BATCH documents per
call), counting rows. Prints MB/s (input text bytes / wall seconds), CPU seconds (less
sensitive to a loaded machine) and peak RSS of each.
Run it with the interpreter that has the package installed (e.g. target/ci-venv/bin/python);
MTLINT_BIN overrides the binary (default target/release/mtlint).
"""

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def make_batch(src: Path, repeat: int) -> tuple:
    out = Path(f"/tmp/mtlint_py_{src.stem}_{repeat}x.jsonl")
    docs = [d for d in src.read_text(encoding="utf-8").split("\n\n") if d.strip()]
    text_bytes = sum(len(d.encode("utf-8")) for d in docs) * repeat
    if not out.exists():
        with open(out, "w", encoding="utf-8") as f:
            for r in range(repeat):
                for i, d in enumerate(docs):
                    f.write(json.dumps({"id": f"{r}-{i}", "text": d}) + "\n")
    return out, len(docs) * repeat, text_bytes


def python_run(batch: str, batch_size: int) -> None:
    """Child mode: stream the batch through the package and print rows, seconds, peak RSS."""
    import mtlint

    def docs():
        with open(batch, encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)

    start = time.monotonic()
    engine = mtlint.Engine()
    rows = 0
    flagged = 0
    # BATCH documents per call: memory holds one batch of documents and of rows.
    it = docs()
    while True:
        chunk = [d for _, d in zip(range(batch_size), it)]
        if not chunk:
            break
        for row in engine.check([d["text"] for d in chunk], ids=[d["id"] for d in chunk]):
            rows += 1
            flagged += bool(row["findings"])
    secs = time.monotonic() - start
    ru = resource.getrusage(resource.RUSAGE_SELF)
    out = {"rows": rows, "flagged": flagged, "secs": secs, "cpu": ru.ru_utime + ru.ru_stime}
    print(json.dumps({**out, "rss_mb": ru.ru_maxrss / 1024}))


def main() -> None:
    if len(sys.argv) >= 2 and sys.argv[1] == "--child":
        python_run(sys.argv[2], int(sys.argv[3]))
        return
    src = Path(sys.argv[1])
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    batch_size = int(sys.argv[3]) if len(sys.argv) > 3 else 512
    binary = os.environ.get("MTLINT_BIN", str(ROOT / "target" / "release" / "mtlint"))
    batch, ndocs, text_bytes = make_batch(src, repeat)
    mb = text_bytes / 1e6
    print(f"input: {ndocs} documents, {mb:.1f} MB of text ({batch}); load {os.getloadavg()[0]:.1f}")

    start = time.monotonic()
    subprocess.run(
        [binary, "check", "--format", "jsonl", "-q", "-o", "/dev/null", str(batch)], check=True
    )
    secs = time.monotonic() - start
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = ru.ru_utime + ru.ru_stime
    print(
        f"binary : {secs:7.1f} s  {mb / secs:5.1f} MB/s  CPU {cpu:6.1f} s ({mb / cpu:4.1f} MB per"
        f" CPU-s)  peak RSS {ru.ru_maxrss / 1024:4.0f} MB"
    )

    out = subprocess.run(
        [sys.executable, __file__, "--child", str(batch), str(batch_size)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    r = json.loads(out)
    print(
        f"python : {r['secs']:7.1f} s  {mb / r['secs']:5.1f} MB/s  CPU {r['cpu']:6.1f} s"
        f" ({mb / r['cpu']:4.1f} MB per CPU-s)  peak RSS {r['rss_mb']:4.0f} MB"
        f"  ({r['rows']} rows, {r['flagged']} flagged, batches of {batch_size})"
    )
    print(f"load after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
