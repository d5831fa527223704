# Taakdelegatie: which tasks a casemanager in taakdelegatie (CMTD) holds on this dossier today.
#
# A delegation grants something only while it is active (from its start day up to and including
# `tot`, and not revoked), only when it comes from the bedrijfsarts assigned to this dossier, and
# only for this dossier or for that bedrijfsarts' whole caseload.
package wvp.taakdelegatie

# Law, not configuration: the judgement and the RI&E review stay with the bedrijfsarts.
niet_delegeerbaar := {"oordeel", "rie_toetsing"}

# The commands that are a judgement of the bedrijfsarts.
oordelen := {
	"geef_triage_oordeel",
	"lever_probleemanalyse_op",
	"stel_belastbaarheid_vast",
	"geef_actueel_oordeel",
	"geef_herstelprognose",
}

actief(d) if {
	d.van <= input.today
	input.today <= d.tot
	not ingetrokken(d)
}

ingetrokken(d) if {
	d.ingetrokken_op != null
	d.ingetrokken_op <= input.today
}

# The delegation comes from this dossier's bedrijfsarts and reaches this dossier.
voor_dossier(d) if {
	d.bedrijfsarts_id == input.dossier.bedrijfsarts.persoon_id
	binnen_bereik(d)
}

binnen_bereik(d) if d.dossiers == null

binnen_bereik(d) if input.dossier.id in d.dossiers

# The principal's own active delegations that reach this dossier.
eigen_delegaties contains d.delegatie_id if {
	input.principal.rol == "cmtd"
	some d in input.delegaties
	d.gedelegeerde_id == input.principal.persoon_id
	actief(d)
	voor_dossier(d)
}

taken contains taak if {
	some d in input.delegaties
	d.delegatie_id in eigen_delegaties
	some taak in d.taken
	not taak in niet_delegeerbaar
}

dekt_commando(commando) if {
	not commando in oordelen
	some taak in data.rollenmatrix.cmtd_taken[commando]
	taak in taken
}
