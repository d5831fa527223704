# language: nl
@uwv
Functionaliteit: Wie beslist: UWV beslist, de werknemer vraagt aan
  De WIA-aanvraag en een vervroegde IVA-aanvraag doet de werknemer zelf. Over het
  re-integratieverslag, de WIA-uitkering en een deskundigenoordeel beslist alleen UWV, via de
  koppeling of een medewerker van UWV. UWV antwoordt vaak per brief: wie zo'n brief ontvangt, legt
  de brief vast met datum, kenmerk en inhoud. Dat is bewijs van wat de partij is meegedeeld, nooit
  het besluit van UWV zelf.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-01-05
    En de casemanager heeft op 2026-10-19 de 42-wekenmelding ingediend

  Scenario: De werkgever legt het oordeel van UWV niet zelf vast
    Als de werkgever op 2027-11-01 zelf vastlegt dat UWV het re-integratieverslag voldoende vond
    Dan wordt dit geweigerd omdat de werkgever dat niet mag
    En is er niets vastgelegd

  Scenario: De casemanager dient de WIA-aanvraag niet namens de werknemer in
    Als de casemanager op 2027-10-01 de WIA-aanvraag namens "wn-jan" indient
    Dan wordt dit geweigerd omdat de casemanager dat niet mag
    En is er niets vastgelegd

  Scenario: Een brief van UWV wordt vastgelegd als brief, niet als besluit
    Als de casemanager op 2027-11-03 een brief van UWV van 2027-11-01 over de toets van het re-integratieverslag vastlegt
    Dan is dat vastgelegd als een ontvangen brief van UWV

  Scenario: Een brief kan niet eerder zijn ontvangen dan hij is gedagtekend
    Als de casemanager op 2027-11-03 een brief van UWV van 2027-11-05 over de toets van het re-integratieverslag vastlegt
    Dan wordt dit geweigerd met een melding over "kan niet op 2027-11-03 zijn ontvangen"
    En is er niets vastgelegd
