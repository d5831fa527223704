# language: nl
@uwv @loonsanctie
Functionaliteit: UWV-uitkomsten, loonsanctie en verlenging van de loondoorbetaling
  De wachttijd eindigt na 104 weken met de WIA-beslissing. Vindt UWV de re-integratie-inspanningen
  onvoldoende, dan legt het een loonsanctie op en schuift het einde op; werkgever en werknemer
  kunnen de loondoorbetaling ook samen of vrijwillig verlengen.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-01-05
    En de casemanager heeft op 2026-10-19 de 42-wekenmelding ingediend

  @rij-einde_wachttijd
  Scenario: Zonder sanctie eindigt de wachttijd na 104 weken met de WIA-beslissing
    Als UWV op 2027-12-20 besluit tot een WGA-uitkering bij 60 procent arbeidsongeschiktheid
    Dan op 2028-01-10 is de verplichting "einde_wachttijd" "op_tijd" met uiterlijk 2028-01-02

  @rij-einde_wachttijd
  Scenario: Een loonsanctie schuift het einde van de wachttijd op
    Als UWV op 2027-10-25 de re-integratie onvoldoende vindt met een loonsanctie tot 2028-12-31
    Dan op 2028-02-01 is de verplichting "einde_wachttijd" "open" met uiterlijk 2028-12-31

  @rij-einde_wachttijd
  Scenario: Een verlenging van de loondoorbetaling schuift het einde op
    Als de werkgever op 2027-10-01 op gezamenlijk verzoek de loondoorbetaling 10 weken verlengt
    Dan op 2028-02-01 is de verplichting "einde_wachttijd" "open" met uiterlijk 2028-03-12

  Scenario: Een loonsanctie hoort alleen bij een onvoldoende oordeel
    Als UWV op 2027-10-25 de re-integratie voldoende vindt met een loonsanctie tot 2028-12-31
    Dan wordt dit geweigerd met een melding over "loonsanctie"
