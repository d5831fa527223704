# Commands: who may issue which command.
#
# A command on a dossier needs a relation that the role matrix lists for it
# (`data.rollenmatrix.commandos`); a CMTD also needs a delegated task that covers it. Commands
# without a dossier (`data.rollenmatrix.zonder_dossier`) are decided on their own fields. The
# rules under `verboden` hold whatever the matrix says.
package wvp.commands

import data.wvp.access
import data.wvp.rolvermenging
import data.wvp.taakdelegatie

matrix := data.rollenmatrix

principal := input.principal

commando := input.action.command

velden := object.get(input.action, "fields", {})

zonder_dossier if matrix.zonder_dossier[commando]

bekend if matrix.commandos[commando]

bekend if zonder_dossier

# The relations under which the principal may issue this command.
grondslagen contains relatie if {
	some relatie in access.relaties
	relatie != "cmtd"
	relatie in matrix.commandos[commando]
}

grondslagen contains "cmtd" if {
	"cmtd" in access.relaties
	"cmtd" in matrix.commandos[commando]
	taakdelegatie.dekt_commando(commando)
}

grondslagen contains principal.rol if {
	zonder_dossier
	principal.rol in matrix.zonder_dossier[commando]
	eigen_zaak
}

# A ziekmelding is registered by the employer or its casemanager, for that employer.
eigen_zaak if {
	commando == "registreer_ziekmelding"
	principal.organisatie == velden.werkgever_id
}

# A bedrijfsarts delegates for itself and revokes only its own delegations.
eigen_zaak if commando == "verleen_taakdelegatie"

eigen_zaak if {
	commando == "trek_taakdelegatie_in"
	some d in input.delegaties
	d.delegatie_id == velden.delegatie_id
	d.bedrijfsarts_id == principal.persoon_id
}

# A provider's own administrator enters it in the catalogue.
eigen_zaak if {
	commando == "registreer_provider"
	access.eigen_id(velden.provider_id)
}

verboden contains sprintf("onbekend commando %s", [commando]) if not bekend

verboden contains sprintf("%s vraagt een bestaand dossier", [commando]) if {
	not zonder_dossier
	input.dossier == null
}

verboden contains msg if {
	commando in taakdelegatie.oordelen
	principal.rol != "bedrijfsarts"
	msg := sprintf("alleen de bedrijfsarts geeft een oordeel; %s is niet delegeerbaar", [commando])
}

verboden contains msg if {
	commando in matrix.medisch_vastleggend
	principal.rol in {"werkgever", "casemanager"}
	msg := "de werkgever en de casemanager werkgeversregie leggen geen gezondheidsgegevens vast"
}

# A provider acts only for itself and on referrals addressed to it.
verboden contains msg if {
	principal.rol == "provider"
	not zonder_dossier
	provider := velden.provider_id
	not access.eigen_id(provider)
	msg := sprintf("%s handelt niet namens provider %s", [principal.persoon_id, provider])
}

verboden contains msg if {
	principal.rol == "provider"
	provider := input.dossier.verwijzingen[velden.verwijzing_id]
	not access.eigen_id(provider)
	msg := sprintf("verwijzing %s is niet aan %s gericht", [velden.verwijzing_id, principal.persoon_id])
}

verboden contains msg if some msg in rolvermenging.verboden

# Why there is no ground, when there is none.
ontbrekend contains msg if {
	not zonder_dossier
	count(access.relaties) == 0
	msg := sprintf("%s %s heeft geen relatie met dit dossier", [principal.rol, principal.persoon_id])
}

ontbrekend contains msg if {
	some relatie in access.relaties
	not relatie in matrix.commandos[commando]
	msg := sprintf("als %s mag %s geen %s uitvoeren", [relatie, principal.persoon_id, commando])
}

ontbrekend contains msg if {
	"cmtd" in access.relaties
	"cmtd" in matrix.commandos[commando]
	not taakdelegatie.dekt_commando(commando)
	some d in taakdelegatie.buiten_handelingsdag
	msg := sprintf(
		"de handeling is gedateerd op %s, buiten taakdelegatie %s (%s tot en met %s)",
		[taakdelegatie.handelingsdag, d.delegatie_id, d.van, d.tot],
	)
}

ontbrekend contains msg if {
	"cmtd" in access.relaties
	"cmtd" in matrix.commandos[commando]
	not taakdelegatie.dekt_commando(commando)
	count(taakdelegatie.buiten_handelingsdag) == 0
	msg := sprintf(
		"de taakdelegatie van %s dekt %s niet (nodig: taak %s)",
		[principal.persoon_id, commando, concat(" of ", matrix.cmtd_taken[commando])],
	)
}

ontbrekend contains msg if {
	zonder_dossier
	msg := sprintf("%s %s mag %s niet uitvoeren voor deze gegevens", [principal.rol, principal.persoon_id, commando])
}

allowed if {
	bekend
	count(verboden) == 0
	count(grondslagen) > 0
}

weigering contains msg if some msg in verboden

weigering contains msg if {
	count(grondslagen) == 0
	some msg in ontbrekend
}

reasons := sort([sprintf("%s toegestaan als %s", [commando, g]) | some g in grondslagen]) if allowed

reasons := sort([msg | some msg in weigering]) if not allowed
