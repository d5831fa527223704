# Taakdelegatie: which tasks a casemanager in taakdelegatie (CMTD) holds on this dossier today.
#
# A delegation grants something only while it is active (from its start day up to and including
# `tot`, and not revoked), only when it comes from the bedrijfsarts assigned to this dossier, and
# only for this dossier or for that bedrijfsarts' whole caseload. For an act, it must have been in
# force on the day the act is recorded (`input.today`) and cover the day the act is dated
# (its `geldig_op`): a backdated act cannot borrow a later delegation, nor a late recording an
# expired one.
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

actief(d) if actief_op(d, input.today)

actief_op(d, dag) if {
	d.van <= dag
	dag <= d.tot
	not ingetrokken_op(d, dag)
}

ingetrokken_op(d, dag) if {
	d.ingetrokken_op != null
	d.ingetrokken_op <= dag
}

# The day the act is dated; reads and acts without a date are judged on today alone.
handelingsdag := input.action.fields.geldig_op

dekt_handelingsdag(d) if not handelingsdag

dekt_handelingsdag(d) if actief_op(d, handelingsdag)

# The principal's own delegations in force today that do not cover the act's date.
buiten_handelingsdag contains d if {
	some d in input.delegaties
	d.delegatie_id in eigen_delegaties
	not dekt_handelingsdag(d)
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
	dekt_handelingsdag(d)
	some taak in d.taken
	not taak in niet_delegeerbaar
}

dekt_commando(commando) if {
	not commando in oordelen
	some taak in data.rollenmatrix.cmtd_taken[commando]
	taak in taken
}
