# language: nl
@riv @wia
Functionaliteit: Re-integratieverslag en WIA-aanvraag
  Voor week 88 geeft de bedrijfsarts een actueel oordeel en een herstelprognose. Voor week 91 zijn
  de eindevaluatie, het re-integratieverslag en het medisch deel (van de bedrijfsarts naar de
  werknemer) klaar; uiterlijk in week 93 vraagt de werknemer de WIA aan. Daarna volgen de
  ontvangstbevestiging van UWV en zo nodig een ingebrekestelling.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-01-05
    En de casemanager heeft op 2026-10-19 de 42-wekenmelding ingediend

  @rij-actueel_oordeel @rij-herstelprognose
  Scenario: Actueel oordeel en herstelprognose voor week 88
    Als de bedrijfsarts op 2027-08-16 een actueel oordeel geeft
    En de bedrijfsarts op 2027-09-13 verklaart dat herstel binnen 26 weken niet te verwachten is
    Dan is op 2027-09-20 de verplichting "actueel oordeel" op tijd met uiterlijk 2027-09-05
    En is op 2027-09-20 de verplichting "herstelprognose" te laat met uiterlijk 2027-09-05

  @rij-wia_uitnodiging
  Scenario: In week 88 is de uitnodiging voor de WIA-aanvraag binnen
    Als de casemanager op 2027-09-08 vastlegt dat de WIA-uitnodiging van UWV binnen is
    Dan is op 2027-09-20 de verplichting "WIA-uitnodiging" op tijd met uiterlijk 2027-09-12

  Scenario: Een onvolledig re-integratieverslag noemt precies wat ontbreekt
    Gegeven de bedrijfsarts heeft op 2026-02-10 de probleemanalyse opgeleverd
    En het plan van aanpak is op 2026-02-20 vastgesteld
    Als de casemanager op 2027-09-14 het re-integratieverslag samenstelt
    Dan wordt dit geweigerd omdat de onderdelen "eerstejaarsevaluatie, eindevaluatie, actueel oordeel, medisch deel, zienswijze werknemer" ontbreken
    En is er niets vastgelegd

  @rij-eindevaluatie @rij-riv_samengesteld @rij-medisch_deel_riv @rij-wia_aanvraag
  Scenario: Een volledig verslag op tijd, en de WIA-aanvraag in week 93
    Gegeven alle onderdelen van het re-integratieverslag zijn op 2027-09-14 vastgelegd
    Als de casemanager op 2027-09-15 het re-integratieverslag samenstelt
    En "wn-jan" op 2027-10-04 de WIA-aanvraag indient
    Dan is op 2027-10-20 de verplichting "eindevaluatie" op tijd met uiterlijk 2027-09-26
    En is op 2027-10-20 de verplichting "RIV samengesteld" op tijd met uiterlijk 2027-09-26
    En is op 2027-10-20 de verplichting "medisch deel RIV" op tijd met uiterlijk 2027-09-26
    En is op 2027-10-20 de verplichting "WIA-aanvraag" op tijd met uiterlijk 2027-10-17

  Scenario: Zonder samengesteld verslag geen WIA-aanvraag
    Als "wn-jan" op 2027-10-04 de WIA-aanvraag indient
    Dan wordt dit geweigerd met een melding over "eerst een samengesteld RIV"

  @rij-ontvangstbevestiging @rij-ingebrekestelling_uwv
  Scenario: Ontvangst bevestigd, maar UWV beslist te laat
    Gegeven alle onderdelen van het re-integratieverslag zijn op 2027-09-14 vastgelegd
    En de casemanager heeft op 2027-09-15 het re-integratieverslag samengesteld
    En "wn-jan" heeft op 2027-10-04 de WIA-aanvraag ingediend
    Als UWV op 2027-10-25 de ontvangst van een WIA-aanvraag bevestigt
    Dan is op 2027-12-13 de verplichting "ontvangstbevestiging" op tijd met uiterlijk 2027-10-31
    En is op 2027-12-13 de verplichting "ingebrekestelling UWV" verlopen met uiterlijk 2027-12-12
