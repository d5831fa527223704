# The one decision the platform asks for, per request and dossier.
#
# input.action.kind is "command" (input.action.command names it), "read", or "overzicht" (a list
# outside any dossier, named by input.action.overzicht; see overzichten.rego). The result says
# whether it is allowed, why (Dutch, for people), and what of the dossier the principal may see:
# `zicht` lists per dossier part (service) the visible classifications, and `alleen` narrows a
# part to named facts. A read is allowed when there is anything to see. `toegangslog` says
# how much of the dossier's access log the principal may read. For an overzicht, `relaties` are
# the principal's relations to the list's entries.
package wvp.decision

import data.wvp.access
import data.wvp.commands
import data.wvp.overzichten
import data.wvp.rolvermenging

default allowed := false

allowed if {
	input.action.kind == "command"
	commands.allowed
}

allowed if {
	input.action.kind == "read"
	count(zicht) > 0
}

allowed if {
	input.action.kind == "overzicht"
	overzichten.allowed
}

reasons := commands.reasons if input.action.kind == "command"

reasons := overzichten.reasons if input.action.kind == "overzicht"

reasons := sort([sprintf("inzage als %s", [r]) | some r in access.relaties]) if {
	input.action.kind == "read"
	allowed
}

reasons := sort([msg | some msg in lees_weigering]) if {
	input.action.kind == "read"
	not allowed
}

lees_weigering contains msg if some msg in rolvermenging.verboden

lees_weigering contains msg if {
	count(access.zicht) == 0
	msg := sprintf(
		"%s %s heeft geen inzage in dit dossier",
		[input.principal.rol, input.principal.persoon_id],
	)
}

default reasons := ["onbekende soort verzoek"]

# Someone caught in rolvermenging sees nothing, whatever else it holds.
default zicht := set()

zicht := access.zicht if count(rolvermenging.verboden) == 0

# How much of the log of who was granted or refused access the principal may read: "alles",
# "eigen_organisatie" (only the entries of principals of its own organisation) or null (none).
default toegangslog := null

toegangslog := "alles" if {
	count(zicht) > 0
	access.toegangslog
}

toegangslog := "eigen_organisatie" if {
	count(zicht) > 0
	not access.toegangslog
	access.toegangslog_eigen_organisatie
}

relaties := overzichten.bereik if input.action.kind == "overzicht"

relaties := access.relaties if input.action.kind != "overzicht"

result := {
	"allowed": allowed,
	"reasons": reasons,
	"relaties": relaties,
	"classificaties": {regel.classificatie | some regel in zicht},
	"zicht": zicht,
	"toegangslog": toegangslog,
}
