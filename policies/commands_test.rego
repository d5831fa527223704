package wvp.commands_test

import data.wvp.decision
import data.wvp.testdata

mag(principal, commando, velden) if {
	decision.allowed with input as testdata.commando(principal, commando, velden)
}

redenen(principal, commando, velden) := reasons if {
	reasons := decision.reasons with input as testdata.commando(principal, commando, velden)
}

test_alleen_bedrijfsarts_oordeelt if {
	mag(testdata.bedrijfsarts, "geef_triage_oordeel", {})
	not mag(testdata.cmtd, "geef_triage_oordeel", {})
	not mag(testdata.werkgever, "stel_belastbaarheid_vast", {})
}

test_andere_bedrijfsarts_oordeelt_niet if {
	redenen(testdata.wie("bedrijfsarts", "ba2", "arbo"), "geef_actueel_oordeel", {}) == ["bedrijfsarts ba2 heeft geen relatie met dit dossier"]
}

test_oordeel_ook_niet_als_de_matrix_het_toeliet if {
	result := decision.result with input as testdata.commando(testdata.casemanager, "geef_herstelprognose", {})
		with data.rollenmatrix.commandos.geef_herstelprognose as ["bedrijfsarts", "casemanager"]
	not result.allowed
	"alleen de bedrijfsarts geeft een oordeel; geef_herstelprognose is niet delegeerbaar" in result.reasons
}

test_werkgever_legt_geen_gezondheidsgegevens_vast if {
	result := decision.result with input as testdata.commando(testdata.werkgever, "leg_consult_vast", {})
		with data.rollenmatrix.commandos.leg_consult_vast as ["werkgever"]
	result.reasons == ["de werkgever en de casemanager werkgeversregie leggen geen gezondheidsgegevens vast"]
}

test_cmtd_binnen_taken if {
	mag(testdata.cmtd, "voer_screening_uit", {})
	mag(testdata.cmtd, "roep_werknemer_op", {})
	not mag(testdata.cmtd, "vraag_medische_informatie_op", {})
}

test_casemanager_en_werkgever if {
	mag(testdata.casemanager, "dien_melding_42_weken_in", {})
	mag(testdata.werkgever, "stel_casemanager_aan", {"persoon_id": "cw2"})
	not mag(testdata.casemanager, "stel_casemanager_aan", {"persoon_id": "cw2"})
	redenen(testdata.casemanager, "stel_casemanager_aan", {"persoon_id": "cw2"}) == ["als casemanager mag cw1 geen stel_casemanager_aan uitvoeren"]
}

test_ziekmelding_door_eigen_werkgever if {
	verzoek := object.union(
		testdata.commando(testdata.werkgever, "registreer_ziekmelding", {"werkgever_id": "acme"}),
		{"dossier": null},
	)
	decision.allowed with input as verzoek
	decision.reasons == ["registreer_ziekmelding toegestaan als werkgever"] with input as verzoek
}

test_ziekmelding_niet_voor_ander_bedrijf if {
	verzoek := object.union(
		testdata.commando(testdata.casemanager, "registreer_ziekmelding", {"werkgever_id": "anders"}),
		{"dossier": null},
	)
	decision.reasons == ["casemanager cw1 mag registreer_ziekmelding niet uitvoeren voor deze gegevens"] with input as verzoek
}

test_delegatie_verlenen_en_eigen_intrekken if {
	mag(testdata.bedrijfsarts, "verleen_taakdelegatie", {"gedelegeerde_id": "cm2"})
	mag(testdata.bedrijfsarts, "trek_taakdelegatie_in", {"delegatie_id": "del1"})
	not mag(testdata.wie("bedrijfsarts", "ba2", "arbo"), "trek_taakdelegatie_in", {"delegatie_id": "del1"})
	not mag(testdata.cmtd, "verleen_taakdelegatie", {"gedelegeerde_id": "cm2"})
}

test_provider_registreert_zichzelf if {
	mag(testdata.provider, "registreer_provider", {"provider_id": "psy1"})
	not mag(testdata.provider, "registreer_provider", {"provider_id": "psy2"})
}

test_provider_accepteert_eigen_verwijzing if {
	mag(testdata.wie("provider", "f", "fysio1"), "accepteer_verwijzing", {"verwijzing_id": "v2", "provider_id": "fysio1"})
	redenen(testdata.wie("provider", "f", "fysio1"), "accepteer_verwijzing", {"verwijzing_id": "v1", "provider_id": "psy1"}) == [
		"f handelt niet namens provider psy1",
		"verwijzing v1 is niet aan f gericht",
	]
}

test_provider_werkt_na_acceptatie if {
	mag(testdata.provider, "dien_factuur_in", {"verwijzing_id": "v1"})
	not mag(testdata.wie("provider", "f", "fysio1"), "start_interventie", {"verwijzing_id": "v2"})
}

test_uwv_registreert_na_melding if {
	not mag(testdata.uwv, "registreer_riv_toets", {})
	verzoek := object.union(
		testdata.commando(testdata.uwv, "registreer_riv_toets", {}),
		{"dossier": object.union(testdata.dossier, {"melding_42_weken": true})},
	)
	decision.allowed with input as verzoek
}

test_onbekend_commando if {
	redenen(testdata.werkgever, "wis_dossier", {}) == ["onbekend commando wis_dossier"]
}

test_commando_zonder_dossier if {
	verzoek := object.union(testdata.commando(testdata.werkgever, "leg_voortgang_vast", {}), {"dossier": null})
	decision.reasons == [
		"leg_voortgang_vast vraagt een bestaand dossier",
		"werkgever hr1 heeft geen relatie met dit dossier",
	] with input as verzoek
}

test_onbekende_soort_verzoek if {
	verzoek := testdata.verzoek(testdata.werkgever, {"kind": "iets"})
	decision.reasons == ["onbekende soort verzoek"] with input as verzoek
}

# Who decides (Wet WIA, Regeling procesgang): the employee applies for WIA and for an early IVA,
# only UWV decides on the RIV, the WIA claim and a deskundigenoordeel. A party that received a
# UWV letter records the letter, never the decision.
test_alleen_de_werknemer_vraagt_wia_en_vervroegde_iva_aan if {
	mag(testdata.werknemer, "dien_wia_aanvraag_in", {})
	not mag(testdata.casemanager, "dien_wia_aanvraag_in", {})
	mag(testdata.werknemer, "vraag_vervroegde_iva_aan", {})
	not mag(testdata.werkgever, "vraag_vervroegde_iva_aan", {})
	not mag(testdata.casemanager, "vraag_vervroegde_iva_aan", {})
}

test_alleen_uwv_beslist if {
	uwv_kent_het_dossier := object.union(testdata.dossier, {"melding_42_weken": true})
	every commando in [
		"registreer_riv_toets", "registreer_wia_besluit", "registreer_deskundigenoordeel",
		"verleng_wachttijd", "bekort_loonsanctie",
	] {
		decision.allowed with input as object.union(testdata.commando(testdata.uwv, commando, {}), {"dossier": uwv_kent_het_dossier})
		every partij in [testdata.werkgever, testdata.casemanager, testdata.werknemer] {
			not mag(partij, commando, {})
		}
	}
}

test_een_brief_van_uwv_legt_de_partij_zelf_vast if {
	every partij in [testdata.werkgever, testdata.casemanager, testdata.werknemer] {
		mag(partij, "registreer_uwv_brief", {})
	}
	not mag(testdata.uwv, "registreer_uwv_brief", {})
	not mag(testdata.bedrijfsarts, "registreer_uwv_brief", {})
}

test_bezwaar_maken_de_partijen_niet_uwv if {
	every partij in [testdata.werkgever, testdata.casemanager, testdata.werknemer] {
		mag(partij, "dien_bezwaar_in", {})
	}
	not mag(testdata.uwv, "dien_bezwaar_in", {})
	not mag(testdata.bedrijfsarts, "dien_bezwaar_in", {})
}
