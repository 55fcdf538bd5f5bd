"""The Python API against a direct run of the binary, and its contract: batches, engine reuse,
errors, the GIL, pandas."""

import json
import os
import threading
import time

import pytest

import mtlint
from conftest import ROOT, run_jsonl, without_bytes


def test_package_imports_and_names_its_rules():
    assert mtlint.__version__
    rules = mtlint.Engine().rules()
    assert "run-together" in rules and "boilerplate" in rules
    assert mtlint.Engine(only="credit,typography").rules() == ["credit", "typography"]


def test_rows_equal_a_direct_jsonl_run_on_the_samples(samples, direct_rows):
    ids = [i for i, _ in samples]
    rows = mtlint.check([t for _, t in samples], ids=ids)
    assert len(rows) == len(direct_rows)
    for mine, theirs in zip(rows, direct_rows):
        assert list(mine) == list(mtlint.COLUMNS)
        assert mine == theirs
    # The samples are not all clean: the comparison covers findings, not only empty lists.
    assert sum(len(r["findings"]) for r in rows) > 20


def test_bilingual_rows_equal_a_direct_run_on_the_jsonl_batch():
    lines = (ROOT / "samples" / "batch.jsonl").read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line) for line in lines]
    rows = mtlint.check(
        [d["text"] for d in docs], ids=[d["id"] for d in docs], source=[d.get("source") for d in docs]
    )
    direct = [without_bytes(r) for r in run_jsonl("samples/batch.jsonl", "--source-field", "source")]
    assert rows == direct
    # j05 is its own source: only bilingual mode finds that.
    assert any(r["doc"] == "j05" and "source-copy" in r["flags"] for r in rows)
    assert not any("source-copy" in r["flags"] for r in mtlint.check([d["text"] for d in docs]))


def test_options_match_the_cli(samples):
    texts = [t for _, t in samples]
    ids = [i for i, _ in samples]
    rows = mtlint.check(texts, ids=ids, target="en", ignore=["credit", "typography"])
    direct = [
        without_bytes(r)
        for r in run_jsonl("--target", "en", "--ignore", "credit,typography", *ids)
    ]
    assert rows == direct
    assert not any(f["code"] in ("credit", "typography") for r in rows for f in r["findings"])


def test_one_str_is_one_document_and_ids_default_to_the_index():
    one = mtlint.check("Split\n\nThe talks went well.")
    assert [(r["doc"], r["sentence"], r["flags"]) for r in one] == [
        ("0", 1, "boilerplate"),
        ("0", 2, ""),
    ]
    two = mtlint.check(["The talks went well.", "The talks went well."])
    assert [r["doc"] for r in two] == ["0", "1"]
    assert [r["doc"] for r in mtlint.check(["A b.", "C d."], ids=[7, "x"])] == ["7", "x"]


def test_batch_equals_sequential_calls(samples):
    texts = [t for _, t in samples] * 3
    engine = mtlint.Engine()
    batch = engine.check(texts)
    one_by_one = []
    for i, t in enumerate(texts):
        one_by_one += engine.check([t], ids=[str(i)])
    assert batch == one_by_one
    assert mtlint.Engine(jobs=1).check(texts) == batch


def test_iter_check_streams_in_batches_with_the_same_rows(samples):
    texts = [t for _, t in samples] * 2
    whole = mtlint.check(texts)
    it = mtlint.iter_check(iter(texts), batch_size=3)
    assert not isinstance(it, list)
    assert list(it) == whole
    with pytest.raises(ValueError, match="ids has fewer"):
        list(mtlint.iter_check(texts, ids=["a"]))


def test_the_engine_is_built_once_and_reused():
    mtlint._cached_engine.cache_clear()
    mtlint.check(["The talks went well."])
    mtlint.check(["The talks went well."], target=None)
    info = mtlint._cached_engine.cache_info()
    assert (info.misses, info.hits) == (1, 1)
    mtlint.check(["The talks went well."], only=["credit"])
    assert mtlint._cached_engine.cache_info().misses == 2
    engine = mtlint.Engine(only=["boilerplate"])
    first = engine.check(["Split\n\nThe talks went well."])
    assert engine.check(["Split\n\nThe talks went well."]) == first
    assert [r["flags"] for r in first] == ["boilerplate", ""]


def test_a_changed_config_file_gives_a_new_engine(tmp_path):
    cfg = tmp_path / "mtlint.toml"
    text = ["Selenskyj visited the troops on Sunday."]
    cfg.write_text("[allow]\nnames = []\n")
    flagged = mtlint.check(text, config=cfg)
    assert "foreign-spelling" in flagged[0]["flags"]
    cfg.write_text('[allow]\nnames = ["Selenskyj"]\n')
    # A later modification time, even on a file system with coarse timestamps.
    os.utime(cfg, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert mtlint.check(text, config=cfg)[0]["flags"] == ""


def test_errors_name_the_input(tmp_path):
    with pytest.raises(TypeError, match=r"texts\[1\] is not a str but NoneType"):
        mtlint.check(["fine", None])
    with pytest.raises(TypeError, match=r"texts must be a str or an iterable of str, not int"):
        mtlint.check(42)
    with pytest.raises(ValueError, match="ids has 1 items but texts has 2"):
        mtlint.check(["a", "b"], ids=["x"])
    with pytest.raises(ValueError, match="source has 1 items but texts has 2"):
        mtlint.check(["a", "b"], source=["x"])
    with pytest.raises(TypeError, match=r"source\[0\] is not a str or None but int"):
        mtlint.check(["a"], source=[3])
    with pytest.raises(mtlint.MtlintError, match="unknown rule code \"no-such-rule\""):
        mtlint.check(["a"], only=["no-such-rule"])
    with pytest.raises(mtlint.MtlintError, match="unknown target language \"xx\""):
        mtlint.Engine(target="xx")
    missing = tmp_path / "missing.toml"
    with pytest.raises(mtlint.MtlintError, match="missing.toml"):
        mtlint.check(["a"], config=missing)
    bad = tmp_path / "bad.toml"
    bad.write_text("[scoring]\nminor = 1\nbogus = 2\n")
    with pytest.raises(mtlint.MtlintError, match=r"(?s)bad\.toml: .*line 3.*bogus"):
        mtlint.Engine(config=bad)
    # MtlintError is a ValueError, so generic handlers catch it.
    assert issubclass(mtlint.MtlintError, ValueError)


def test_the_gil_is_released_while_analyzing(samples):
    engine = mtlint.Engine(jobs=1)
    texts = [t for _, t in samples] * 150
    ticks = 0
    stop = threading.Event()

    def tick():
        nonlocal ticks
        while not stop.is_set():
            ticks += 1
            time.sleep(0.0005)

    t = threading.Thread(target=tick)
    t.start()
    time.sleep(0.05)
    before = ticks
    start = time.monotonic()
    engine.check(texts)
    spent = time.monotonic() - start
    during = ticks - before
    stop.set()
    t.join()
    # Holding the GIL, the ticker could not run at all during the call.
    assert spent > 0.05, "the workload is too small to tell"
    assert during >= 10, f"{during} ticks in {spent:.2f} s"


def test_threads_share_one_engine_without_deadlock(samples):
    engine = mtlint.Engine()
    texts = [t for _, t in samples]
    expected = engine.check(texts)
    results = [None] * 4

    def work(i):
        results[i] = engine.check(texts)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
        assert not t.is_alive()
    assert results == [expected] * 4


def test_pandas_dataframe_has_the_columns_and_values(samples):
    pd = pytest.importorskip("pandas")
    rows = mtlint.check([t for _, t in samples], ids=[i for i, _ in samples])
    df = mtlint.to_pandas(rows)
    assert list(df.columns) == list(mtlint.COLUMNS)
    assert len(df) == len(rows)
    assert df.to_dict("records") == rows
    assert df["score"].dtype.kind == "i" and df["penalty"].dtype.kind == "f"
    assert list(mtlint.to_pandas([]).columns) == list(mtlint.COLUMNS)
    # pandas' own constructor takes the rows as they are.
    assert pd.DataFrame(rows).equals(df)
