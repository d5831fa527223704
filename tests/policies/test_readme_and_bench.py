from bench import policy as bench
from policies import matrix
from policies.engine import EmbeddedEngine


def test_the_readme_matrix_is_what_the_policies_decide():
    engine = EmbeddedEngine()
    try:
        table = matrix.render(matrix.decide_matrix(engine))
    finally:
        engine.close()
    readme = matrix.README.read_text()
    assert f"{matrix.BEGIN}\n{table}\n{matrix.END}" in readme, "run: python -m policies.matrix"


def test_the_matrix_marks_cells_from_decisions():
    engine = EmbeddedEngine()
    try:
        decided = matrix.decide_matrix(engine)
    finally:
        engine.close()
    assert decided["commands"]["geef_triage_oordeel"] == {
        r: r == "bedrijfsarts" for r in decided["relaties"]
    }
    assert decided["zicht"]["uwv"] == {"uwv_submission": ["administratief"]}
    assert decided["toegangslog"] == {
        r: "alles"
        if r in ("werknemer", "bedrijfsarts")
        else "eigen_organisatie"
        if r == "compliance"
        else None
        for r in decided["relaties"]
    }


def test_bench_reports_both_engines():
    results = bench.bench_policy(decisions=30)
    for engine in ("embedded", "server"):
        assert results[engine]["decisions"] == 30
        assert results[engine]["decisions_per_second"] > 0
        assert results[engine]["p99_ms"] > 0
