package wvp.taakdelegatie_test

import data.wvp.decision
import data.wvp.taakdelegatie
import data.wvp.testdata

triage(delegaties) := result if {
	verzoek := testdata.commando(testdata.cmtd, "leg_triage_informatie_vast", {})
	result := decision.result with input as object.union(verzoek, {"delegaties": delegaties})
}

met(wijziging) := [object.union(testdata.delegatie, wijziging)]

test_actieve_delegatie_geeft_taak if triage([testdata.delegatie]).allowed

test_verlopen_delegatie_geeft_niets if {
	not triage(met({"tot": "2026-02-28"})).allowed
	count(triage(met({"tot": "2026-02-28"})).relaties) == 0
}

test_toekomstige_delegatie_geeft_niets if not triage(met({"van": "2026-03-02"})).allowed

test_ingetrokken_delegatie_geeft_niets if not triage(met({"ingetrokken_op": "2026-02-15"})).allowed

test_intrekking_per_later_geldt_nog_niet if triage(met({"ingetrokken_op": "2026-04-01"})).allowed

test_delegatie_van_andere_bedrijfsarts_geeft_niets if not triage(met({"bedrijfsarts_id": "ba2"})).allowed

test_delegatie_voor_ander_dossier_geeft_niets if not triage(met({"dossiers": ["d2"]})).allowed

test_delegatie_voor_caseload_dekt_dossier if triage(met({"dossiers": null})).allowed

test_delegatie_aan_ander_geeft_niets if not triage(met({"gedelegeerde_id": "cm2"})).allowed

gedateerd(dag, delegaties) := result if {
	verzoek := testdata.commando(testdata.cmtd, "leg_triage_informatie_vast", {"geldig_op": dag})
	result := decision.result with input as object.union(verzoek, {"delegaties": delegaties})
}

test_handeling_binnen_de_delegatie_gedateerd if gedateerd("2026-02-01", [testdata.delegatie]).allowed

test_handeling_gedateerd_voor_de_delegatie_begon if {
	result := gedateerd("2025-12-20", [testdata.delegatie])
	not result.allowed
	result.reasons == ["de handeling is gedateerd op 2025-12-20, buiten taakdelegatie del1 (2026-01-01 tot en met 2026-12-31)"]
}

test_handeling_gedateerd_na_intrekking if {
	# Recorded while in force (revoked later than today), dated after the revocation.
	not gedateerd("2026-05-02", met({"ingetrokken_op": "2026-05-01"})).allowed
}

test_handeling_gedateerd_voor_intrekking_maar_vastgelegd_erna if {
	# In force on the act's date, but revoked by the day it is recorded.
	not gedateerd("2026-02-01", met({"ingetrokken_op": "2026-02-10"})).allowed
}

test_taak_niet_gedelegeerd if {
	result := decision.result with input as testdata.commando(testdata.cmtd, "rapporteer_oordeel", {})
	not result.allowed
	result.reasons == ["de taakdelegatie van cm1 dekt rapporteer_oordeel niet (nodig: taak oordeel_rapporteren)"]
}

test_oordeel_nooit_gedelegeerd if {
	delegaties := met({"taken": ["oordeel", "rie_toetsing", "triage"]})
	some commando in taakdelegatie.oordelen
	result := decision.result with input as object.union(
		testdata.commando(testdata.cmtd, commando, {}),
		{"delegaties": delegaties},
	)
	not result.allowed
}

test_niet_delegeerbare_taak_telt_niet if {
	taken := taakdelegatie.taken with input as object.union(
		testdata.commando(testdata.cmtd, "voer_screening_uit", {}),
		{"delegaties": met({"taken": ["oordeel", "triage"]})},
	)
	taken == {"triage"}
}

test_oordeel_dekt_geen_commando if {
	not taakdelegatie.dekt_commando("geef_triage_oordeel") with input as testdata.commando(testdata.cmtd, "x", {})
		with data.rollenmatrix.cmtd_taken.geef_triage_oordeel as ["triage"]
}
