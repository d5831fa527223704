"""The incrementally kept relation facts equal a fold over the whole history, at every point."""

from datetime import date

from readmodel.relations import DossierFacts, dossier_facts
from wvp.runtime import running
from wvp.scenario import canonical_case, plan_stappen, voer_uit


def test_incremental_facts_equal_the_full_history_after_every_step(tmp_path):
    with running({"WVP_DATA_DIR": str(tmp_path), "WVP_DATABASE_URL": ""}) as platform:
        casus = canonical_case(date(2025, 1, 6))
        facts = DossierFacts(platform)
        compared = 0
        for gepland in plan_stappen(casus).stappen:
            voer_uit(platform, gepland)
            if casus.dossier_id is None:
                continue  # the catalogue entry before the ziekmelding
            assert facts.get(casus.dossier_id) == dossier_facts(
                casus.dossier_id, platform.history(casus.dossier_id)
            )
            compared += 1
        assert compared > 50
        final = facts.get(casus.dossier_id)
        assert final["bedrijfsarts"] and final["casemanager"] and final["melding_42_weken"]
        assert facts.get("geen-dossier") is None


def test_batched_facts_follow_every_step_and_skip_nothing_recorded_since(tmp_path):
    with running({"WVP_DATA_DIR": str(tmp_path), "WVP_DATABASE_URL": ""}) as platform:
        casus = canonical_case(date(2025, 1, 6))
        facts = DossierFacts(platform)
        for gepland in plan_stappen(casus).stappen:
            voer_uit(platform, gepland)
            if casus.dossier_id is None:
                continue
            # Twice: the second batch finds the logs where the first left them.
            for _ in range(2):
                batch = facts.get_many([casus.dossier_id, "geen-dossier"])
                assert batch[casus.dossier_id] == dossier_facts(
                    casus.dossier_id, platform.history(casus.dossier_id)
                )
                assert batch["geen-dossier"] is None
