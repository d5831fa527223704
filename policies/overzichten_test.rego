package wvp.overzichten_test

import data.wvp.decision
import data.wvp.testdata

# A list outside any dossier: no dossier in the input.
overzicht(principal, naam) := result if {
	verzoek := object.union(
		testdata.verzoek(principal, {"kind": "overzicht", "overzicht": naam}),
		{"dossier": null},
	)
	result := decision.result with input as verzoek
}

test_bedrijfsarts_ziet_verleende_delegaties if {
	result := overzicht(testdata.bedrijfsarts, "taakdelegaties")
	result.allowed
	result.relaties == {"verlener"}
	result.reasons == ["inzage in taakdelegaties als verlener"]
}

test_cmtd_ziet_eigen_delegaties if overzicht(testdata.cmtd, "taakdelegaties").relaties == {"gedelegeerde"}

test_werkgever_ziet_geen_delegaties if {
	result := overzicht(testdata.werkgever, "taakdelegaties")
	not result.allowed
	result.relaties == set()
	result.reasons == ["werkgever hr1 heeft geen inzage in taakdelegaties"]
}

test_alleen_verlener_en_gedelegeerde_zien_delegaties if {
	every principal in [
		testdata.werknemer, testdata.casemanager, testdata.arbeidsdeskundige,
		testdata.provider, testdata.uwv, testdata.verzekeraar,
		testdata.wie("compliance", "c1", "acme"),
	] {
		not overzicht(principal, "taakdelegaties").allowed
	}
}

test_verwijzers_zien_de_hele_catalogus if {
	every principal in [testdata.bedrijfsarts, testdata.werkgever, testdata.casemanager] {
		overzicht(principal, "providers").relaties == {"verwijzer"}
	}
}

test_provider_ziet_eigen_vermelding if overzicht(testdata.provider, "providers").relaties == {"aanbieder"}

test_catalogus_niet_voor_anderen if {
	every principal in [testdata.werknemer, testdata.cmtd, testdata.uwv, testdata.verzekeraar] {
		not overzicht(principal, "providers").allowed
	}
}

test_een_overzicht_toont_niets_van_een_dossier if {
	result := overzicht(testdata.bedrijfsarts, "providers")
	result.zicht == set()
	result.toegangslog == null
}

test_onbekend_overzicht_weigert if not overzicht(testdata.bedrijfsarts, "dossiers").allowed
