# Integrations: who may report through which inbound Kafka channel, for which employer.
#
# `verzuimmeldingen` (from HR systems and arbodiensten): an employer's own HR system, i.e. a
# token with role werkgever or casemanager of that employer's organisation; or an arbodienst,
# i.e. a casemanager token of an organisation the employer contracted, as listed in
# `data.integraties.arbocontracten` (arbodienst -> employers). `uwv` (UWV's answers): UWV only.
# The platform finds the dossier from the employer and employee in the message, so a sender
# allowed for an employer reaches that employer's dossiers and no others.
package wvp.integraties

afzender := input.afzender

default contracten := {}

contracten := data.integraties.arbocontracten

grondslagen contains sprintf("HR-systeem van %s", [afzender.organisatie]) if {
	input.kanaal == "verzuimmeldingen"
	afzender.rol in {"werkgever", "casemanager"}
	afzender.organisatie == input.werkgever_id
}

grondslagen contains sprintf("arbodienst %s, gecontracteerd door %s", [afzender.organisatie, input.werkgever_id]) if {
	input.kanaal == "verzuimmeldingen"
	afzender.rol == "casemanager"
	input.werkgever_id in object.get(contracten, afzender.organisatie, [])
}

grondslagen contains "UWV" if {
	input.kanaal == "uwv"
	afzender.rol == "uwv"
}

default allowed := false

allowed if count(grondslagen) > 0

reasons := sort([sprintf("melding via %s als %s", [input.kanaal, g]) | some g in grondslagen]) if allowed

reasons := [sprintf(
	"%s %s van %s mag via %s niet melden voor werkgever %s",
	[afzender.rol, afzender.persoon_id, afzender.organisatie, input.kanaal, input.werkgever_id],
)] if not allowed

result := {"allowed": allowed, "reasons": reasons}
