package wvp.integraties_test

import data.wvp.integraties

afzender(rol, organisatie) := {"rol": rol, "persoon_id": "systeem1", "organisatie": organisatie}

melding(kanaal, van, werkgever) := result if {
	verzoek := {"kanaal": kanaal, "afzender": van, "werkgever_id": werkgever}
	result := integraties.result with input as verzoek
		with data.integraties.arbocontracten as {"arbo": ["acme", "bolt"]}
}

test_hr_systeem_meldt_voor_eigen_organisatie if {
	result := melding("verzuimmeldingen", afzender("werkgever", "acme"), "acme")
	result.allowed
	result.reasons == ["melding via verzuimmeldingen als HR-systeem van acme"]
}

test_hr_systeem_meldt_niet_voor_andere_werkgever if {
	result := melding("verzuimmeldingen", afzender("werkgever", "acme"), "bolt")
	not result.allowed
	result.reasons == ["werkgever systeem1 van acme mag via verzuimmeldingen niet melden voor werkgever bolt"]
}

test_arbodienst_meldt_voor_opdrachtgever if {
	result := melding("verzuimmeldingen", afzender("casemanager", "arbo"), "bolt")
	result.allowed
	result.reasons == ["melding via verzuimmeldingen als arbodienst arbo, gecontracteerd door bolt"]
}

test_arbodienst_meldt_niet_zonder_contract if {
	not melding("verzuimmeldingen", afzender("casemanager", "arbo"), "cobra").allowed
}

test_arbodienst_alleen_als_casemanager if {
	not melding("verzuimmeldingen", afzender("bedrijfsarts", "arbo"), "acme").allowed
}

test_arbodienst_zonder_contracten_in_data if {
	not integraties.allowed with input as {
		"kanaal": "verzuimmeldingen",
		"afzender": afzender("casemanager", "arbo"),
		"werkgever_id": "acme",
	}
		with data.integraties as {}
}

test_uwv_meldt_uitkomsten if melding("uwv", afzender("uwv", "uwv"), "acme").allowed

test_werkgever_meldt_geen_uwv_uitkomst if not melding("uwv", afzender("werkgever", "acme"), "acme").allowed

test_uwv_doet_geen_verzuimmelding if not melding("verzuimmeldingen", afzender("uwv", "uwv"), "acme").allowed

test_onbekend_kanaal_weigert if not melding("verzekeraar", afzender("werkgever", "acme"), "acme").allowed
