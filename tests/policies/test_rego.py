"""The Rego unit tests (`policies/*_test.rego`), run in the embedded OPA engine, with coverage."""

from tooling import regotest


def test_rego_unit_tests_pass_with_line_coverage_of_at_least_90_percent():
    report = regotest.run()
    assert report.failed == []
    assert len(report.passed) >= 40
    uncovered = {module: report.uncovered(module) for module in report.not_covered}
    print(f"\nRego: {len(report.passed)} tests, line coverage {report.coverage:.1f}%, {uncovered}")
    assert report.coverage >= 90, uncovered


def test_a_failing_rego_test_is_reported():
    bundle = regotest.Bundle.load()
    broken = {"broken_test.rego": "package wvp.broken_test\n\ntest_faalt if false\n"}
    report = regotest.run(regotest.Bundle(bundle.modules, bundle.data, broken))
    assert report.failed == ["wvp.broken_test.test_faalt"]
