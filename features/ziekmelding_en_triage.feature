# language: nl
@dag1 @week2
Functionaliteit: Ziekmelding en triage in de eerste twee weken
  Op de eerste ziektedag meldt de werkgever het verzuim; de bedrijfsarts krijgt automatisch de
  digitale triage en beoordeelt binnen twee weken of er een medische oorzaak is. De werkgever legt
  alleen vast wat de Autoriteit Persoonsgegevens toestaat.

  Achtergrond:
    Gegeven werkgever "bakkerij-de-korf" met HR-medewerker "hr-anna"
    En bedrijfsarts "ba-piet" van arbodienst "arbo-noord"

  @rij-ziekmelding @rij-ziekmelding_uitgevraagd @rij-digitale_triage
  Scenario: Een ziekmelding opent het dossier bij alle betrokken diensten
    Als werknemer "wn-jan" zich op 2026-03-02 ziek meldt met een verwachte duur van 10 dagen
    Dan is er een verzuimdossier voor "wn-jan" met eerste ziektedag 2026-03-02
    En heeft de bedrijfsarts het medisch dossier automatisch geopend op 2026-03-02
    En is op 2026-03-02 de verplichting "ziekmelding" op tijd
    En is op 2026-03-02 de verplichting "ziekmelding uitgevraagd" op tijd

  @privacy
  Scenario: De werkgever mag geen diagnose vastleggen bij de ziekmelding
    Als werknemer "wn-jan" zich op 2026-03-02 ziek meldt met de diagnose "hernia"
    Dan wordt dit geweigerd omdat de ziekmelding geen veld "diagnose" kent
    En is er niets vastgelegd

  Scenario: Een tweede open ziekmelding voor dezelfde werknemer wordt geweigerd
    Gegeven werknemer "wn-jan" heeft zich op 2026-03-02 ziek gemeld
    Als werknemer "wn-jan" zich op 2026-03-09 ziek meldt met een verwachte duur van 5 dagen
    Dan wordt dit geweigerd met een melding over "er loopt al een ziekmelding"
    En is er niets vastgelegd

  @rij-verzekeraar_geinformeerd
  Abstract Scenario: De verzekeraar hoort uiterlijk op dag 2 van de ziekmelding
    Gegeven werknemer "wn-jan" heeft zich op 2026-03-02 ziek gemeld
    Als de werkgever op <datum> de verzekeraar "verzekeraar-zeker" informeert
    Dan is op 2026-03-10 de verplichting "verzekeraar geïnformeerd" <status> met uiterlijk 2026-03-03

    Voorbeelden:
      | datum      | status  |
      | 2026-03-03 | op tijd |
      | 2026-03-05 | te laat |

  @rij-triage @rij-oordeel_gerapporteerd
  Scenario: Triage en terugkoppeling aan de werkgever binnen twee weken
    Gegeven werknemer "wn-jan" heeft zich op 2026-03-02 ziek gemeld
    En de werkgever heeft op 2026-03-02 bedrijfsarts "ba-piet" toegewezen
    Als de bedrijfsarts op 2026-03-09 oordeelt dat er een medische oorzaak is
    En de bedrijfsarts op 2026-03-10 aan de werkgever rapporteert dat "wn-jan" niet kan werken
    Dan is op 2026-03-16 de verplichting "triage" op tijd met uiterlijk 2026-03-15
    En is op 2026-03-16 de verplichting "oordeel gerapporteerd" op tijd met uiterlijk 2026-03-15

  @rij-screening
  Scenario: In de eerste week bepaalt de bedrijfsarts wie het eerst gebeld wordt
    Gegeven werknemer "wn-jan" heeft zich op 2026-03-02 ziek gemeld
    En de werkgever heeft op 2026-03-02 bedrijfsarts "ba-piet" toegewezen
    Als de bedrijfsarts op 2026-03-04 screent met prioriteit 1
    Dan is op 2026-03-10 de verplichting "screening" op tijd met uiterlijk 2026-03-08

  @rij-triage
  Scenario: Zonder triage-oordeel na twee weken is de termijn verlopen
    Gegeven werknemer "wn-jan" heeft zich op 2026-03-02 ziek gemeld
    Dan is op 2026-03-20 de verplichting "triage" verlopen met uiterlijk 2026-03-15

  @rij-toestemming_medische_informatie
  Scenario: Medische informatie opvragen kan alleen met toestemming van de werknemer
    Gegeven werknemer "wn-jan" heeft zich op 2026-03-02 ziek gemeld
    En de werkgever heeft op 2026-03-02 bedrijfsarts "ba-piet" toegewezen
    Als de bedrijfsarts op 2026-03-09 medische informatie opvraagt bij de huisarts
    Dan wordt dit geweigerd met een melding over "toestemming van de werknemer"
    Als "wn-jan" op 2026-03-10 toestemming geeft voor informatie van de huisarts
    En de bedrijfsarts op 2026-03-11 medische informatie opvraagt bij de huisarts
    Dan is er medische informatie opgevraagd in het medisch dossier
