"""Full rebuild on a simulated population, equal to the live projections; the replay bench."""

from bench.replay import bench_replay
from compliance.rebuild import rebuild
from readmodel.index import DossierIndex
from wvp.simulate import simulate


def test_rebuild_equals_the_live_projections(platform):
    live = DossierIndex(platform)  # the gateway's index, kept current while the population runs

    def follow(done: int, total: int) -> None:
        if done % 40 == 0:
            live.refresh()

    summary = simulate(platform, employees=25, days=240, seed=5, progress=follow)
    seen = []
    report = rebuild(platform, lambda done, total: seen.append((done, total)), live=live)

    assert report.equal, report.differences
    assert report.dossiers == summary.dossiers == len(live.dossiers)
    stored = sum(app.recorder.max_notification_id() for app in platform.services)
    assert report.events == stored
    assert seen[-1] == (stored, stored)
    assert set(report.rebuilt.feiten) == set(report.rebuilt.index)
    assert any(f.hersteld_op for f in report.rebuilt.feiten.values())


def test_rebuild_reports_a_live_index_that_disagrees(platform):
    simulate(platform, employees=8, days=120, seed=6)
    live = DossierIndex(platform).refresh()
    dossier_id, record = next(iter(live.dossiers.items()))
    record.werknemer_id = "iemand-anders"  # the live projection drifted from the stores
    report = rebuild(platform, live=live)
    assert not report.equal
    assert report.differences == [
        f"index gateway, dossier {dossier_id}: {record} != {report.rebuilt.index[dossier_id]}"
    ]


def test_bench_replay_reports_replay_next_to_the_raw_read():
    result = bench_replay(events=200, repetitions=5, employees=5, days=60)
    assert result["dossier_events"] == 200
    assert result["repetitions"] == 5
    assert 0 < result["replay_median_ms"] <= result["replay_p99_ms"]
    assert 0 < result["raw_median_ms"] <= result["raw_p99_ms"]
    assert result["stored_rows"] == 200  # the raw read finds exactly the facts replay shows
