# Shared fixtures of the Rego unit tests: one dossier where every party holds its relation.
package wvp.testdata

vandaag := "2026-03-01"

dossier := {
	"id": "d1",
	"werknemer_id": "wn1",
	"werkgever_id": "acme",
	"bedrijfsarts": {"persoon_id": "ba1", "organisatie": "arbo"},
	"casemanager": "cw1",
	"casemanagers": ["cw1"],
	"arbeidsdeskundige": {"persoon_id": "ad1", "organisatie": "adbureau"},
	"verwezen_providers": ["psy1", "fysio1"],
	"geaccepteerde_providers": ["psy1"],
	"verwijzingen": {"v1": "psy1", "v2": "fysio1"},
	"verzekeraars": ["verz1"],
	"melding_42_weken": false,
	"cmtd_actoren": [],
}

delegatie := {
	"delegatie_id": "del1",
	"bedrijfsarts_id": "ba1",
	"gedelegeerde_id": "cm1",
	"taken": ["triage", "werknemer_oproepen"],
	"dossiers": ["d1"],
	"van": "2026-01-01",
	"tot": "2026-12-31",
	"ingetrokken_op": null,
}

wie(rol, persoon, organisatie) := {"rol": rol, "persoon_id": persoon, "organisatie": organisatie}

werknemer := wie("werknemer", "wn1", "acme")

werkgever := wie("werkgever", "hr1", "acme")

casemanager := wie("casemanager", "cw1", "acme")

bedrijfsarts := wie("bedrijfsarts", "ba1", "arbo")

cmtd := wie("cmtd", "cm1", "arbo")

arbeidsdeskundige := wie("arbeidsdeskundige", "ad1", "adbureau")

provider := wie("provider", "p-medewerker", "psy1")

uwv := wie("uwv", "uwv-medewerker", "uwv")

verzekeraar := wie("verzekeraar", "v-medewerker", "verz1")

verzoek(principal, action) := {
	"principal": principal,
	"action": action,
	"dossier": dossier,
	"delegaties": [delegatie],
	"betrokken_dossiers": [],
	"today": vandaag,
}

commando(principal, naam, velden) := verzoek(principal, {"kind": "command", "command": naam, "fields": velden})

inzage(principal) := verzoek(principal, {"kind": "read"})
