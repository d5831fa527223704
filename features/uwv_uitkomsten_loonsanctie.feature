# language: nl
@uwv @loonsanctie
Functionaliteit: UWV-uitkomsten, verlenging, loonsanctie, bekorting en bezwaar
  De wachttijd eindigt na 104 weken met de WIA-beslissing. Op gezamenlijk verzoek van werkgever en
  werknemer kan UWV de wachttijd vóór de WIA-aanvraag verlengen (ten hoogste 52 weken); dan schuiven
  het re-integratieverslag en de aanvraag mee. Vindt UWV de re-integratie-inspanningen onvoldoende,
  dan legt het een loonsanctie op van ten hoogste 52 weken na de wachttijd, die het kan bekorten
  als de werkgever het verzuim herstelt. Tegen een besluit staat zes weken bezwaar open.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-01-05
    En de casemanager heeft op 2026-10-19 de 42-wekenmelding ingediend

  @rij-einde_wachttijd
  Scenario: Zonder sanctie eindigt de wachttijd na 104 weken met de WIA-beslissing
    Als UWV op 2027-12-20 besluit tot een WGA-uitkering bij 60 procent arbeidsongeschiktheid
    Dan is op 2028-01-10 de verplichting "einde wachttijd" op tijd met uiterlijk 2028-01-02

  @rij-einde_wachttijd
  Scenario: Een loonsanctie schuift het einde van de wachttijd op, maar niet de WIA-aanvraag
    Als UWV op 2027-10-25 de re-integratie onvoldoende vindt met een loonsanctie tot 2028-12-31
    Dan is op 2028-02-01 de verplichting "einde wachttijd" open met uiterlijk 2028-12-31
    En is op 2027-10-18 de verplichting "WIA-aanvraag" verlopen met uiterlijk 2027-10-17

  Scenario: Een loonsanctie van jaren wordt geweigerd
    Als UWV op 2027-10-25 de re-integratie onvoldoende vindt met een loonsanctie tot 2037-12-31
    Dan wordt dit geweigerd met een melding over "een loonsanctie duurt hoogstens 52 weken na de wachttijd"

  Scenario: Een loonsanctie die de wachttijd zou bekorten wordt geweigerd
    Als UWV op 2027-10-25 de re-integratie onvoldoende vindt met een loonsanctie tot 2027-12-01
    Dan wordt dit geweigerd met een melding over "zou de wachttijd bekorten"

  @rij-einde_wachttijd
  Scenario: Na een bekorting eindigt de loonsanctie op de dag die UWV noemt
    Gegeven UWV heeft op 2027-10-25 de re-integratie onvoldoende gevonden met een loonsanctie tot 2028-12-31
    Als UWV op 2028-03-01 de loonsanctie bekort tot 2028-04-15
    Dan is op 2028-04-01 de verplichting "einde wachttijd" open met uiterlijk 2028-04-15

  Scenario: Een bekorting verlengt de loonsanctie niet
    Gegeven UWV heeft op 2027-10-25 de re-integratie onvoldoende gevonden met een loonsanctie tot 2028-12-31
    Als UWV op 2028-03-01 de loonsanctie bekort tot 2029-01-31
    Dan wordt dit geweigerd met een melding over "een bekorting verlengt niet"

  @rij-einde_wachttijd @rij-wia_aanvraag
  Scenario: UWV verlengt de wachttijd op gezamenlijk verzoek: de aanvraag en het einde schuiven mee
    Als UWV op 2027-10-01 op gezamenlijk verzoek de wachttijd met 10 weken verlengt
    Dan is op 2028-02-01 de verplichting "einde wachttijd" open met uiterlijk 2028-03-12
    En is op 2027-10-18 de verplichting "WIA-aanvraag" open met uiterlijk 2027-12-26

  Scenario: De werkgever verlengt de wachttijd niet zelf
    Als de werkgever op 2027-10-01 zelf vastlegt dat de loondoorbetaling op gezamenlijk verzoek 10 weken langer duurt
    Dan is op 2028-02-01 de verplichting "einde wachttijd" verlopen met uiterlijk 2028-01-02

  Scenario: Samen verlengt UWV niet meer dan 52 weken
    Gegeven UWV heeft op 2027-09-01 op gezamenlijk verzoek de wachttijd met 40 weken verlengd
    Als UWV op 2027-10-01 op gezamenlijk verzoek de wachttijd met 20 weken verlengt
    Dan wordt dit geweigerd met een melding over "in totaal hoogstens 52 weken"

  @rij-bezwaar_loonsanctie
  Scenario: De werkgever maakt binnen zes weken bezwaar tegen de loonsanctie
    Gegeven UWV heeft op 2027-10-25 de re-integratie onvoldoende gevonden met een loonsanctie tot 2028-12-31
    Als de werkgever op 2027-11-20 bezwaar maakt tegen de loonsanctie
    Dan is op 2027-12-10 de verplichting "bezwaar loonsanctie" op tijd met uiterlijk 2027-12-06

  Scenario: Bezwaar na zes weken wordt geweigerd
    Gegeven UWV heeft op 2027-10-25 de re-integratie onvoldoende gevonden met een loonsanctie tot 2028-12-31
    Als de werkgever op 2027-12-07 bezwaar maakt tegen de loonsanctie
    Dan wordt dit geweigerd met een melding over "kon tot en met 2027-12-06"

  @rij-bezwaar_wia_besluit
  Scenario: Wie geen bezwaar maakt tegen het WIA-besluit, ziet de termijn vervallen
    Als UWV op 2027-12-20 besluit tot een WGA-uitkering bij 60 procent arbeidsongeschiktheid
    Dan is op 2028-01-10 de verplichting "bezwaar WIA-besluit" open met uiterlijk 2028-01-31
    En is op 2028-02-01 de verplichting "bezwaar WIA-besluit" niet van toepassing

  Scenario: Een loonsanctie hoort alleen bij een onvoldoende oordeel
    Als UWV op 2027-10-25 de re-integratie voldoende vindt met een loonsanctie tot 2028-12-31
    Dan wordt dit geweigerd met een melding over "een loonsanctie hoort bij een onvoldoende toets"
