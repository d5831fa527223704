# language: nl
@varianten
Functionaliteit: Varianten van de wet: ziek rond het zwangerschaps- en bevallingsverlof
  Is een werkneemster ziek vlak voor haar zwangerschaps- en bevallingsverlof en opnieuw direct
  erna, dan tellen beide perioden samen, hoe lang het verlof ook duurt (BW art. 7:629 lid 10). De
  verlofdagen tellen niet als ziektedagen: alle termijnen schuiven op met de lengte van het verlof.

  Achtergrond:
    Gegeven werkgever "bakkerij-de-korf" met HR-medewerker "hr-anna"
    En bedrijfsarts "ba-piet" van arbodienst "arbo-noord"
    En werknemer "wn-jan" heeft zich op 2026-01-05 ziek gemeld
    En de werkgever heeft op 2026-03-02 herstel gemeld per 2026-03-02
    En de werkgever heeft op 2026-03-02 zwangerschaps- en bevallingsverlof vastgelegd tot en met 2026-06-21

  @rij-melding_42_weken
  Scenario: Direct na het verlof opnieuw ziek: dezelfde periode, de termijnen schuiven op
    Als werknemer "wn-jan" zich op 2026-06-22 ziek meldt met een verwachte duur van 30 dagen
    Dan hoort die ziekmelding bij hetzelfde dossier
    En is op 2026-11-02 de verplichting "melding 42 weken" open met uiterlijk 2027-02-15

  Scenario: Wie vier weken na het verlof ziek wordt, begint een nieuwe periode
    Als werknemer "wn-jan" zich op 2026-07-20 ziek meldt met een verwachte duur van 30 dagen
    Dan hoort die ziekmelding bij een nieuw dossier
