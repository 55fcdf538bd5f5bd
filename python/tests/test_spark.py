"""A real local Spark (pyspark from PyPI, a JRE from Debian): the same rows as a direct run,
through `RDD.pipe` with the release binary and with the package inside `mapPartitions` and a
pandas UDF (`mapInPandas`)."""

import json
import os
import shlex
import sys

import pytest

from conftest import binary, without_bytes

# The workers must import the installed package: they run this interpreter.
os.environ["PYSPARK_PYTHON"] = sys.executable
os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable

from pyspark import cloudpickle  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

# The workers cannot import this test module: its functions travel by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])


@pytest.fixture(scope="module")
def spark():
    session = (
        SparkSession.builder.master("local[2]")
        .appName("mtlint-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def score_partition(docs):
    """Runs in a Spark worker: one engine per worker process, one call per partition."""
    import mtlint

    docs = list(docs)
    yield from mtlint.check([d["text"] for d in docs], ids=[d["id"] for d in docs])


def test_rdd_pipe_gives_the_direct_runs_rows(spark, samples, direct_rows):
    lines = [json.dumps({"id": i, "text": t}) for i, t in samples]
    rdd = spark.sparkContext.parallelize(lines, 2)
    assert rdd.getNumPartitions() == 2
    # No --input-format: JSONL on standard input is recognised.
    command = f"{shlex.quote(binary())} check --format jsonl -q"
    out = rdd.pipe(command, checkCode=True).collect()
    rows = [without_bytes(json.loads(line)) for line in out]
    assert rows == direct_rows


def test_the_package_in_map_partitions_gives_the_direct_runs_rows(spark, samples, direct_rows):
    docs = [{"id": i, "text": t} for i, t in samples]
    rows = spark.sparkContext.parallelize(docs, 2).mapPartitions(score_partition).collect()
    assert rows == direct_rows


SCHEMA = (
    "doc string, sentence long, line long, start long, end long, lang string, "
    "lang_confidence double, score long, penalty double, verdict string, flags string, "
    "evidence string, suggestions string, text string, findings string"
)


def score_frames(frames):
    """A pandas UDF: each Arrow batch of (id, text) becomes a frame of rows."""
    import mtlint

    for frame in frames:
        rows = mtlint.check(list(frame["text"]), ids=list(frame["id"]))
        out = mtlint.to_pandas(rows)
        # Findings travel as JSON: a nested list of mixed-type dicts has no one Spark type.
        out["findings"] = [json.dumps(r["findings"]) for r in rows]
        yield out


def test_the_package_in_a_pandas_udf_gives_the_direct_runs_rows(spark, samples, direct_rows):
    df = spark.createDataFrame([(i, t) for i, t in samples], "id string, text string")
    df = df.repartition(2)
    got = [r.asDict() for r in df.mapInPandas(score_frames, SCHEMA).collect()]
    for r in got:
        r["findings"] = json.loads(r["findings"])
    key = lambda r: (r["doc"], r["sentence"])  # noqa: E731
    # repartition shuffles documents between partitions: compare as sets of rows.
    assert sorted(got, key=key) == sorted(direct_rows, key=key)
