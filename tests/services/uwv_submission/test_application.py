"""The uwv_submission application on its own: construct it, call its commands, read back what it
stored, and let it follow the services whose facts make up the RIV, as the library's examples do."""

import pytest

from services.arbeidsdeskundige.application import ArbeidsdeskundigeApplication
from services.bedrijfsarts.application import BedrijfsartsApplication
from services.shared.application import event_id
from services.shared.errors import DomainRuleViolated, RivIncomplete
from services.uwv_submission.application import UwvSubmissionApplication
from services.werkgever.application import WerkgeverApplication
from tests.services.helpers import dossier, soorten, standalone, vastgelegd_op, volg

NA_DE_WACHTTIJD = 730  # days after the first sick day


def test_the_riv_is_made_of_the_other_services_facts_and_uwv_answers_after_the_melding(tmp_path):
    werkgever, bedrijfsarts, ad, uwv = (
        standalone(service, tmp_path)
        for service in (
            WerkgeverApplication,
            BedrijfsartsApplication,
            ArbeidsdeskundigeApplication,
            UwvSubmissionApplication,
        )
    )
    wg = dossier(werkgever).op_tijd("ziekmelding")
    volg(bedrijfsarts, werkgever)
    volg(ad, werkgever)
    ba = dossier(bedrijfsarts, dossier_id=wg.dossier_id).op_tijd(
        "probleemanalyse", "belastbaarheid"
    )
    volg(werkgever, bedrijfsarts)  # the plan van aanpak follows the probleemanalyse
    volg(ad, bedrijfsarts)  # the rapport follows the FML
    wg.op_tijd("plan_van_aanpak", "eerstejaarsevaluatie", "spoor2")
    dossier(ad, dossier_id=wg.dossier_id).op_tijd("ad_rapport")
    # UWV looks after the facts it follows were recorded: its notes are dated as they are.
    with vastgelegd_op(NA_DE_WACHTTIJD):
        volg(uwv, werkgever, bedrijfsarts, ad)

    assert uwv.riv_status(wg.dossier_id) == {
        "aanwezig": [
            "arbeidsdeskundig_rapport",
            "eerstejaarsevaluatie",
            "plan_van_aanpak",
            "probleemanalyse",
            "spoor2",
        ],
        "ontbrekend": ["eindevaluatie", "actueel_oordeel", "medisch_deel", "zienswijze_werknemer"],
    }
    # Each part names the fact it was made of, never its content.
    (analyse,) = [
        e
        for e in bedrijfsarts.history(wg.dossier_id)
        if type(e).__name__ == "ProbleemanalyseOpgeleverd"
    ]
    bronnen = {
        e.data["onderdeel"]: e.data["bron_event_id"]
        for e in uwv.history(wg.dossier_id)
        if type(e).__name__ == "RivOnderdeelOntvangen"
    }
    assert bronnen["probleemanalyse"] == event_id(analyse)
    assert "mogelijkheden" not in str(uwv.history(wg.dossier_id))

    verslag = dossier(uwv, dossier_id=wg.dossier_id)
    with pytest.raises(RivIncomplete, match="eindevaluatie"):
        verslag.op_tijd("riv_samengesteld")
    wg.op_tijd("eindevaluatie", "zienswijze")
    ba.op_tijd("actueel_oordeel", "medisch_deel_riv")
    with vastgelegd_op(NA_DE_WACHTTIJD):
        volg(uwv, werkgever, bedrijfsarts)
    with pytest.raises(DomainRuleViolated, match="42-weken melding ontbreekt"):
        verslag.op_tijd("wia_besluit")
    verslag.op_tijd(
        "melding_42_weken", "riv_samengesteld", "wia_aanvraag", "riv_toets", "wia_besluit"
    )

    assert soorten(uwv.history(wg.dossier_id))[-5:] == [
        "Melding42WekenIngediend",
        "RivSamengesteld",
        "WiaAanvraagIngediend",
        "RivToetsUitkomst",
        "WiaBesluitOntvangen",
    ]
