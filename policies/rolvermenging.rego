# Rolvermenging: one person is never casemanager in taakdelegatie (CMTD) and casemanager
# werkgeversregie (CM-WG) on the same dossier, whichever of the two came first.
package wvp.rolvermenging

import data.wvp.taakdelegatie

casemanagers := {p | some p in input.dossier.casemanagers}

# Everyone who is CMTD on this dossier now, or who ever recorded a fact on it as CMTD.
cmtd_personen contains d.gedelegeerde_id if {
	some d in input.delegaties
	taakdelegatie.actief(d)
	taakdelegatie.voor_dossier(d)
}

cmtd_personen contains p if some p in input.dossier.cmtd_actoren

# CMTD first: that person cannot become the CM-WG.
verboden contains msg if {
	input.action.command == "stel_casemanager_aan"
	persoon := input.action.fields.persoon_id
	persoon in cmtd_personen
	msg := sprintf(
		"rolvermenging: %s is casemanager in taakdelegatie op dit dossier en kan er geen casemanager werkgeversregie worden",
		[persoon],
	)
}

# CM-WG first: that person cannot act as CMTD here, whatever delegation it holds.
verboden contains msg if {
	input.principal.rol == "cmtd"
	input.principal.persoon_id in casemanagers
	msg := sprintf(
		"rolvermenging: %s is casemanager werkgeversregie op dit dossier en kan er niet als casemanager in taakdelegatie optreden",
		[input.principal.persoon_id],
	)
}

# ...and cannot be given a delegation that names this dossier.
verboden contains msg if {
	input.action.command == "verleen_taakdelegatie"
	gedelegeerde := input.action.fields.gedelegeerde_id
	some dossier in input.betrokken_dossiers
	gedelegeerde in dossier.casemanagers
	msg := sprintf(
		"rolvermenging: %s is casemanager werkgeversregie op dossier %s en kan daar geen taakdelegatie krijgen",
		[gedelegeerde, dossier.id],
	)
}
