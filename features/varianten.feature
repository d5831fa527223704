# language: nl
@varianten
Functionaliteit: Varianten van de wet: zwangerschapsverlof, vangnet en ziek uit dienst
  Is een werkneemster ziek vlak voor haar zwangerschaps- en bevallingsverlof en opnieuw direct
  erna, dan tellen beide perioden samen, hoe lang het verlof ook duurt (BW art. 7:629 lid 10). De
  verlofdagen tellen niet als ziektedagen: alle termijnen schuiven op met de lengte van het verlof.
  Valt de werknemer onder een vangnetregeling van de Ziektewet, dan meldt de werkgever de ziekte
  eerder bij UWV dan in week 42. Gaat een zieke werknemer uit dienst, dan eindigen de verplichtingen van de werkgever en neemt
  UWV het over; na tien weken ziekte hoort daar op de laatste dag een eindevaluatie bij.

  Achtergrond:
    Gegeven werkgever "bakkerij-de-korf" met HR-medewerker "hr-anna"
    En bedrijfsarts "ba-piet" van arbodienst "arbo-noord"
    En werknemer "wn-jan" heeft zich op 2026-01-05 ziek gemeld

  @rij-melding_42_weken
  Scenario: Direct na het zwangerschapsverlof opnieuw ziek: dezelfde periode, de termijnen schuiven op
    Gegeven de werkgever heeft op 2026-03-02 herstel gemeld per 2026-03-02
    En de werkgever heeft op 2026-03-02 zwangerschaps- en bevallingsverlof vastgelegd tot en met 2026-06-21
    Als werknemer "wn-jan" zich op 2026-06-22 ziek meldt met een verwachte duur van 30 dagen
    Dan hoort die ziekmelding bij hetzelfde dossier
    En is op 2026-11-02 de verplichting "melding 42 weken" open met uiterlijk 2027-02-15

  Scenario: Wie vier weken na het zwangerschapsverlof ziek wordt, begint een nieuwe periode
    Gegeven de werkgever heeft op 2026-03-02 herstel gemeld per 2026-03-02
    En de werkgever heeft op 2026-03-02 zwangerschaps- en bevallingsverlof vastgelegd tot en met 2026-06-21
    Als werknemer "wn-jan" zich op 2026-07-20 ziek meldt met een verwachte duur van 30 dagen
    Dan hoort die ziekmelding bij een nieuw dossier

  @rij-eindevaluatie
  Scenario: Ziek uit dienst na tien weken: eindevaluatie op de laatste dag, de rest neemt UWV over
    Als de werkgever op 2026-05-31 vastlegt dat "wn-jan" ziek uit dienst gaat
    Dan is op 2026-06-10 de verplichting "eindevaluatie" verlopen met uiterlijk 2026-05-31
    En is op 2026-11-02 de verplichting "melding 42 weken" niet van toepassing, omdat "uit dienst per 2026-05-31: UWV neemt over"

  @rij-melding_42_weken
  Scenario: Bij een no-riskpolis meldt de werkgever binnen zes weken ziek bij UWV
    Als de werkgever op 2026-01-06 vastlegt dat "wn-jan" onder de vangnetregeling no-riskpolis valt
    Dan is op 2026-02-16 de verplichting "melding 42 weken" verlopen met uiterlijk 2026-02-15

  @rij-melding_42_weken
  Scenario: Bij orgaandonatie binnen vier werkdagen
    Als de werkgever op 2026-01-06 vastlegt dat "wn-jan" onder de vangnetregeling orgaandonatie valt
    Dan is op 2026-01-07 de verplichting "melding 42 weken" open met uiterlijk 2026-01-08
