"""Runs the Rego unit tests (`*_test.rego`) in the embedded engine and measures line coverage.

The bindings have no `opa test`; they evaluate documents, optionally with OPA's coverage tracer.
So each `test_*` rule is evaluated on its own: a passing test is true, a failing one undefined.
Coverage is the union of the lines the tracer saw over all those evaluations, counted over the
policy modules only (not the tests).
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from policies.engine import Bundle, EmbeddedEngine

_PACKAGE = re.compile(r"^package\s+([\w.]+)", re.MULTILINE)
_TEST_RULE = re.compile(r"^(test_\w+)", re.MULTILINE)


@dataclass
class RegoTestReport:
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    covered: dict[str, set[int]] = field(default_factory=dict)
    not_covered: dict[str, set[int]] = field(default_factory=dict)

    def add_coverage(self, tracer_report: dict | None, modules: dict[str, str]) -> None:
        for module, lines in (tracer_report or {}).get("files", {}).items():
            if module in modules:
                self.covered.setdefault(module, set()).update(_lines(lines.get("covered")))
                self.not_covered.setdefault(module, set()).update(_lines(lines.get("not_covered")))

    def uncovered(self, module: str) -> list[int]:
        return sorted(self.not_covered.get(module, set()) - self.covered.get(module, set()))

    @property
    def coverage(self) -> float:
        """Percentage of the policy lines the tests evaluated."""
        seen = sum(len(lines) for lines in self.covered.values())
        missed = sum(len(self.uncovered(module)) for module in self.not_covered)
        return 100.0 * seen / (seen + missed) if seen + missed else 0.0


def _lines(ranges: list[dict] | None) -> Iterator[int]:
    for span in ranges or ():
        yield from range(span["start"]["row"], span["end"]["row"] + 1)


def run(bundle: Bundle | None = None) -> RegoTestReport:
    bundle = bundle or Bundle.load()
    engine = EmbeddedEngine(bundle, with_tests=True)
    report = RegoTestReport()
    try:
        for source in bundle.tests.values():
            package = _PACKAGE.search(source).group(1)
            for name in _TEST_RULE.findall(source):
                # One evaluation per test, as `opa test` runs them.
                passed = engine.evaluate(f"{package}.{name}", coverage=True) is True
                (report.passed if passed else report.failed).append(f"{package}.{name}")
                report.add_coverage(engine.opa.last_coverage, bundle.modules)
    finally:
        engine.close()
    return report


if __name__ == "__main__":
    outcome = run()
    for name in outcome.failed:
        print("FAILED", name)
    print(f"{len(outcome.passed)} passed, {len(outcome.failed)} failed")
    for module in sorted(outcome.not_covered):
        print(f"{module}: not covered {outcome.uncovered(module)}")
    print(f"coverage {outcome.coverage:.1f}%")
