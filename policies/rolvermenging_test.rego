package wvp.rolvermenging_test

import data.wvp.decision
import data.wvp.testdata

test_cmtd_wordt_geen_casemanager if {
	result := decision.result with input as testdata.commando(
		testdata.werkgever,
		"stel_casemanager_aan",
		{"persoon_id": "cm1"},
	)
	not result.allowed
	startswith(result.reasons[0], "rolvermenging: cm1 is casemanager in taakdelegatie")
}

test_wie_ooit_als_cmtd_vastlegde_wordt_geen_casemanager if {
	verzoek := testdata.commando(testdata.werkgever, "stel_casemanager_aan", {"persoon_id": "cm2"})
	dossier := object.union(testdata.dossier, {"cmtd_actoren": ["cm2"]})
	not decision.allowed with input as object.union(verzoek, {"dossier": dossier})
}

test_andere_casemanager_mag if {
	decision.allowed with input as testdata.commando(
		testdata.werkgever,
		"stel_casemanager_aan",
		{"persoon_id": "cw2"},
	)
}

test_casemanager_treedt_niet_op_als_cmtd if {
	dossier := object.union(testdata.dossier, {"casemanager": "cm1", "casemanagers": ["cm1"]})
	verzoek := object.union(testdata.commando(testdata.cmtd, "voer_screening_uit", {}), {"dossier": dossier})
	result := decision.result with input as verzoek
	not result.allowed
	not "cmtd" in result.relaties
	some reden in result.reasons
	startswith(reden, "rolvermenging: cm1 is casemanager werkgeversregie")
}

test_casemanager_als_cmtd_ziet_niets if {
	dossier := object.union(testdata.dossier, {"casemanager": "cm1", "casemanagers": ["cm1"]})
	result := decision.result with input as object.union(testdata.inzage(testdata.cmtd), {"dossier": dossier})
	not result.allowed
	count(result.zicht) == 0
}

test_geen_delegatie_aan_casemanager_van_genoemd_dossier if {
	verzoek := object.union(
		testdata.commando(testdata.bedrijfsarts, "verleen_taakdelegatie", {"gedelegeerde_id": "cw1", "dossiers": ["d1"]}),
		{"dossier": null, "betrokken_dossiers": [{"id": "d1", "casemanagers": ["cw1"]}]},
	)
	result := decision.result with input as verzoek
	not result.allowed
	result.reasons == ["rolvermenging: cw1 is casemanager werkgeversregie op dossier d1 en kan daar geen taakdelegatie krijgen"]
}
