# Lists outside any dossier: the taakdelegaties of the bedrijfsarts service and the provider
# catalogue. `input.action.overzicht` names the list ("taakdelegaties" or "providers").
#
# `bereik` holds the relations the principal has to the entries of the list; the gateway shows
# an entry only through one of them:
# - taakdelegaties: "verlener", the bedrijfsarts who granted it; "gedelegeerde", the CMTD it
#   names. A delegation says which dossiers a CMTD may work on, so it is nobody else's business:
#   not the employer's (it chose no CMTD) and not an employer's compliance team.
# - providers: "verwijzer", every entry, for the parties that choose a provider to refer to (the
#   bedrijfsarts; the employer and its casemanager for spoor 2); "aanbieder", a provider's own
#   entry. The catalogue holds only a name and a kind of service, never health data.
package wvp.overzichten

principal := input.principal

overzicht := input.action.overzicht

verwijzers := {"bedrijfsarts", "werkgever", "casemanager"}

bereik contains "verlener" if {
	overzicht == "taakdelegaties"
	principal.rol == "bedrijfsarts"
}

bereik contains "gedelegeerde" if {
	overzicht == "taakdelegaties"
	principal.rol == "cmtd"
}

bereik contains "verwijzer" if {
	overzicht == "providers"
	principal.rol in verwijzers
}

bereik contains "aanbieder" if {
	overzicht == "providers"
	principal.rol == "provider"
}

default allowed := false

allowed if count(bereik) > 0

reasons := sort([sprintf("inzage in %s als %s", [overzicht, b]) | some b in bereik]) if allowed

reasons := [sprintf(
	"%s %s heeft geen inzage in %s",
	[principal.rol, principal.persoon_id, overzicht],
)] if not allowed
