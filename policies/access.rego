# Access: the relations a principal holds to a dossier, and what of the dossier each lets it see.
#
# A relation needs both the matching role and a fact in the dossier that ties this principal to
# it (the employer of the case, the assigned bedrijfsarts, the appointed casemanager, ...). What a
# relation may see is data (`data.rollenmatrix.zicht`): per dossier part (the service that holds
# it) the classifications, optionally narrowed to named facts (`alleen_feiten`).
package wvp.access

import data.wvp.rolvermenging
import data.wvp.taakdelegatie

principal := input.principal

dossier := input.dossier

# Law, not configuration: only these relations ever see medical data.
medisch_bevoegd := {"werknemer", "bedrijfsarts", "cmtd"}

# Law, not configuration: who may read the dossier's access log. The employee has the right to
# know who looked at their data (AVG art. 15); the bedrijfsarts keeps the medical file and must
# check who accessed it, the CMTDs working under its responsibility included. The log names
# every party that asked, a psycholoog too, so no one without medical access ever reads it.
toegangslog_bevoegd := {"werknemer", "bedrijfsarts"}

alle_klassen := {"administratief", "functioneel", "medisch"}

relaties contains "werknemer" if {
	principal.rol == "werknemer"
	principal.persoon_id == dossier.werknemer_id
}

relaties contains "werkgever" if {
	principal.rol == "werkgever"
	principal.organisatie == dossier.werkgever_id
}

relaties contains "casemanager" if {
	principal.rol == "casemanager"
	principal.persoon_id == dossier.casemanager
}

relaties contains "bedrijfsarts" if {
	principal.rol == "bedrijfsarts"
	principal.persoon_id == dossier.bedrijfsarts.persoon_id
}

relaties contains "cmtd" if {
	count(taakdelegatie.eigen_delegaties) > 0
	not principal.persoon_id in rolvermenging.casemanagers
}

relaties contains "arbeidsdeskundige" if {
	principal.rol == "arbeidsdeskundige"
	principal.persoon_id == dossier.arbeidsdeskundige.persoon_id
}

relaties contains "verwezen_provider" if {
	principal.rol == "provider"
	some provider in dossier.verwezen_providers
	eigen_id(provider)
}

relaties contains "provider" if {
	principal.rol == "provider"
	some provider in dossier.geaccepteerde_providers
	eigen_id(provider)
}

relaties contains "uwv" if {
	principal.rol == "uwv"
	dossier.melding_42_weken == true
}

relaties contains "verzekeraar" if {
	principal.rol == "verzekeraar"
	principal.organisatie in dossier.verzekeraars
}

relaties contains "compliance" if {
	principal.rol == "compliance"
	count(organisatie_relaties) > 0
}

# A provider acts as an organisation or as a named professional.
eigen_id(id) if id == principal.organisatie

eigen_id(id) if id == principal.persoon_id

# For compliance: the parts its own organisation plays in this dossier.
organisatie_relaties contains "werkgever" if principal.organisatie == dossier.werkgever_id

organisatie_relaties contains "bedrijfsarts" if {
	principal.organisatie == dossier.bedrijfsarts.organisatie
}

organisatie_relaties contains "arbeidsdeskundige" if {
	principal.organisatie == dossier.arbeidsdeskundige.organisatie
}

organisatie_relaties contains "provider" if principal.organisatie in dossier.geaccepteerde_providers

organisatie_relaties contains "verzekeraar" if principal.organisatie in dossier.verzekeraars

# What `relatie` lets one see, limited to the classifications in `toegestaan`.
regels(relatie, toegestaan) := {regel |
	some onderdeel, klassen in data.rollenmatrix.zicht[relatie]
	some klasse in klassen
	klasse in toegestaan
	regel := {
		"onderdeel": onderdeel,
		"classificatie": klasse,
		"alleen": object.get(data.rollenmatrix.alleen_feiten, [relatie, onderdeel], null),
	}
}

# Compliance sees what its organisation sees, never more than its own maximum.
ruwe_zicht contains regel if {
	some relatie in relaties
	relatie != "compliance"
	some regel in regels(relatie, alle_klassen)
}

ruwe_zicht contains regel if {
	"compliance" in relaties
	maximum := {k | some k in data.rollenmatrix.compliance_maximum}
	some relatie in organisatie_relaties
	some regel in regels(relatie, maximum)
}

zicht contains regel if {
	some regel in ruwe_zicht
	regel.classificatie != "medisch"
}

zicht contains regel if {
	some regel in ruwe_zicht
	regel.classificatie == "medisch"
	some relatie in relaties
	relatie in medisch_bevoegd
}

toegangslog if {
	some relatie in relaties
	relatie in toegangslog_bevoegd
}

# Compliance must show who inside its own organisation looked at the dossier (an employer's HR,
# its casemanager, itself), never who elsewhere did: that could name a psycholoog.
toegangslog_eigen_organisatie if "compliance" in relaties
