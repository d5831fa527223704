package wvp.access_test

import data.wvp.decision
import data.wvp.testdata

zicht(principal) := result if {
	result := decision.result with input as testdata.inzage(principal)
}

met_dossier(principal, wijziging) := result if {
	verzoek := object.union(testdata.inzage(principal), {"dossier": object.union(testdata.dossier, wijziging)})
	result := decision.result with input as verzoek
}

test_werknemer_ziet_alles if {
	zicht(testdata.werknemer).classificaties == {"administratief", "functioneel", "medisch"}
}

test_andere_werknemer_ziet_niets if {
	result := zicht(testdata.wie("werknemer", "wn2", "acme"))
	not result.allowed
	result.reasons == ["werknemer wn2 heeft geen inzage in dit dossier"]
}

test_bedrijfsarts_en_cmtd_zien_medisch if {
	"medisch" in zicht(testdata.bedrijfsarts).classificaties
	"medisch" in zicht(testdata.cmtd).classificaties
}

test_werkgever_ziet_geen_medisch if {
	zicht(testdata.werkgever).classificaties == {"administratief", "functioneel"}
	zicht(testdata.casemanager).classificaties == {"administratief", "functioneel"}
}

test_werkgever_ziet_van_providers_alleen_facturen if {
	some regel in zicht(testdata.werkgever).zicht
	regel.onderdeel == "providerboog"
	regel.alleen == ["FactuurIngediend"]
}

test_werkgever_van_ander_bedrijf_ziet_niets if not zicht(testdata.wie("werkgever", "hr9", "anders")).allowed

test_arbeidsdeskundige_ziet_functioneel if {
	zicht(testdata.arbeidsdeskundige).classificaties == {"administratief", "functioneel"}
}

test_provider_met_geaccepteerde_verwijzing if {
	zicht(testdata.provider).relaties == {"provider", "verwezen_provider"}
	zicht(testdata.provider).classificaties == {"administratief"}
}

test_provider_als_persoon if {
	"provider" in zicht(testdata.wie("provider", "psy1", "praktijk")).relaties
}

test_verwezen_provider_ziet_nog_niets if not zicht(testdata.wie("provider", "f", "fysio1")).allowed

test_uwv_pas_na_melding_42_weken if {
	not zicht(testdata.uwv).allowed
	met_dossier(testdata.uwv, {"melding_42_weken": true}).classificaties == {"administratief"}
}

test_verzekeraar_alleen_verzuimfeiten if {
	result := zicht(testdata.verzekeraar)
	result.classificaties == {"administratief"}
	some regel in result.zicht
	"ZiekmeldingGeregistreerd" in regel.alleen
}

test_andere_verzekeraar_ziet_niets if not zicht(testdata.wie("verzekeraar", "x", "verz2")).allowed

test_compliance_van_werkgever if {
	result := zicht(testdata.wie("compliance", "c1", "acme"))
	result.relaties == {"compliance"}
	result.classificaties == {"administratief", "functioneel"}
}

test_compliance_van_arbodienst_zonder_medisch if {
	zicht(testdata.wie("compliance", "c2", "arbo")).classificaties == {"administratief", "functioneel"}
}

test_compliance_van_ad_provider_en_verzekeraar if {
	zicht(testdata.wie("compliance", "c3", "adbureau")).classificaties == {"administratief", "functioneel"}
	zicht(testdata.wie("compliance", "c4", "psy1")).classificaties == {"administratief"}
	zicht(testdata.wie("compliance", "c5", "verz1")).classificaties == {"administratief"}
}

test_compliance_zonder_rol_ziet_niets if not zicht(testdata.wie("compliance", "c6", "elders")).allowed

test_medisch_nooit_buiten_bevoegden if {
	# Even when the matrix would grant it, the employer never sees medical data.
	result := decision.result with input as testdata.inzage(testdata.werkgever)
		with data.rollenmatrix.zicht.werkgever.bedrijfsarts as ["medisch"]
	not "medisch" in result.classificaties
}

test_toegangslog_voor_werknemer_en_bedrijfsarts if {
	zicht(testdata.werknemer).toegangslog == "alles"
	zicht(testdata.bedrijfsarts).toegangslog == "alles"
}

test_geen_toegangslog_voor_wie_geen_medische_inzage_heeft if {
	every principal in [
		testdata.werkgever, testdata.casemanager, testdata.arbeidsdeskundige, testdata.provider,
		testdata.verzekeraar,
	] {
		zicht(principal).allowed
		zicht(principal).toegangslog == null
	}
	met_dossier(testdata.uwv, {"melding_42_weken": true}).toegangslog == null
}

test_compliance_leest_alleen_het_toegangslog_van_de_eigen_organisatie if {
	zicht(testdata.wie("compliance", "c1", "acme")).toegangslog == "eigen_organisatie"
	zicht(testdata.wie("compliance", "c2", "arbo")).toegangslog == "eigen_organisatie"
}

test_compliance_zonder_relatie_leest_geen_toegangslog if {
	result := zicht(testdata.wie("compliance", "c9", "elders"))
	not result.allowed
	result.toegangslog == null
}

test_geen_toegangslog_voor_cmtd if {
	# The CMTD acts under the bedrijfsarts, who checks its access; it does not check itself.
	zicht(testdata.cmtd).allowed
	zicht(testdata.cmtd).toegangslog == null
}

test_geen_toegangslog_voor_vorige_bedrijfsarts if {
	result := met_dossier(testdata.bedrijfsarts, {"bedrijfsarts": {"persoon_id": "ba2", "organisatie": "arbo"}})
	not result.allowed
	result.toegangslog == null
}
