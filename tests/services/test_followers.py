"""Followers pull only the facts they react to; skipped facts cost no tracking commit, and a
restart looks at them again without reacting twice."""

from eventsourcing.utils import get_topic

from services.bedrijfsarts.domainmodel import MedischDossier
from services.shared.application import reaction_topics
from services.uwv_submission.application import RIV_BRONNEN, UwvSubmissionApplication
from services.werkgever.domainmodel import Verzuimdossier
from tests.services.helpers import WERKGEVER, dag, lever_probleemanalyse, meld_ziek, stored_counts
from wvp.runtime import Platform


def test_reaction_topics_name_every_fact_with_a_reaction():
    topics = reaction_topics(UwvSubmissionApplication)
    assert get_topic(Verzuimdossier.ZiekmeldingGeregistreerd) in topics
    assert get_topic(MedischDossier.ProbleemanalyseOpgeleverd) in topics
    # The UWV service reacts to every source of the RIV, facts of three other services.
    for bron in RIV_BRONNEN:
        assert any(topic.endswith(f".{bron.__name__}") for topic in topics), bron
    assert get_topic(Verzuimdossier.HerstelmeldingGeregistreerd) not in topics


def test_skipped_facts_leave_no_tracking_and_a_restart_reacts_once(store_env, platform_options):
    platform = Platform(store_env, **platform_options).start()
    try:
        eerste = meld_ziek(platform).dossier_id
        lever_probleemanalyse(platform, eerste)
        # No service reacts to a herstel: the followers' tracking stays at the ziekmelding.
        platform.execute("registreer_herstel", WERKGEVER, eerste, {"geldig_op": dag(60)})
        werkgever_last = platform.werkgever.recorder.max_notification_id()
        tracked = platform.bedrijfsarts.recorder.max_tracking_id("werkgever")
        assert tracked is not None and tracked < werkgever_last
        before = stored_counts(platform)
        # Nor does a herstel prompt the followers at all: the leader notifies reacted facts only.
        notified = platform.werkgever.notify_topics
        assert get_topic(Verzuimdossier.ZiekmeldingGeregistreerd) in notified
        assert get_topic(Verzuimdossier.HerstelmeldingGeregistreerd) not in notified
    finally:
        platform.stop()

    # A new process starts from the tracked position, so it looks at the herstel again.
    again = Platform(store_env, **platform_options).start()
    try:
        tweede = meld_ziek(again, op=dag(120)).dossier_id
        assert tweede != eerste
        after = stored_counts(again)
        # One more dossier everywhere (werkgever: the ziekmelding and the dienstverband's
        # update), one DossierGeopend per follower, nothing recorded twice.
        assert {s: after[s] - before[s] for s in after if s != "werkgever"} == {
            "bedrijfsarts": 1,
            "arbeidsdeskundige": 1,
            "providerboog": 1,
            "uwv_submission": 1,
        }
        assert again.bedrijfsarts.recorder.max_tracking_id("werkgever") > tracked
    finally:
        again.stop()
