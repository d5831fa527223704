# language: nl
@herstel
Functionaliteit: Herstel, gedeeltelijk herstel, samentelling en terugwerkende kracht
  Een herstelmelding beëindigt het verzuim, ook met terugwerkende kracht. Gedeeltelijk herstel laat
  de termijnen doorlopen. Wie binnen vier weken na herstel opnieuw ziek wordt, zet dezelfde periode
  voort: de termijnen schuiven alleen op met de dagen waarop de werknemer niet ziek was.

  Achtergrond:
    Gegeven werkgever "bakkerij-de-korf" met HR-medewerker "hr-anna"
    En bedrijfsarts "ba-piet" van arbodienst "arbo-noord"
    En werknemer "wn-jan" heeft zich op 2026-01-05 ziek gemeld

  @rij-herstelmelding
  Scenario: Herstel sluit het dossier en laat latere termijnen vervallen
    Als de werkgever op 2026-02-02 herstel meldt per 2026-02-02
    Dan is op 2026-03-10 de verplichting "herstelmelding" op tijd
    En is op 2026-03-10 de verplichting "plan van aanpak" niet van toepassing

  Scenario: Herstel kan niet liggen voor de ziekmelding
    Als de werkgever op 2026-01-06 herstel meldt per 2026-01-02
    Dan wordt dit geweigerd met een melding over "ligt voor de ziekmelding"
    En is er niets vastgelegd

  Scenario: Gedeeltelijk herstel laat de termijnen doorlopen
    Als de werkgever op 2026-01-26 meldt dat "wn-jan" nog voor 50 procent verzuimt
    Dan is op 2026-02-10 de verplichting "probleemanalyse" open met uiterlijk 2026-02-15

  Abstract Scenario: Opnieuw ziek binnen vier weken zet de periode voort, daarna begint een nieuwe
    Gegeven de werkgever heeft op 2026-01-26 herstel gemeld per 2026-01-26
    Als werknemer "wn-jan" zich op <datum> ziek meldt met een verwachte duur van 30 dagen
    Dan hoort die ziekmelding bij <dossier> dossier
    En is op 2026-03-01 de verplichting "probleemanalyse" open met uiterlijk <uiterlijk>

    Voorbeelden:
      | datum      | dossier    | uiterlijk  |
      | 2026-02-16 | hetzelfde  | 2026-03-08 |
      | 2026-03-02 | een nieuw  | 2026-04-12 |

  @rij-herstelmelding
  Scenario: Een herstelmelding met terugwerkende kracht telt vanaf de hersteldatum
    Als de werkgever op 2026-03-10 herstel meldt per 2026-03-01
    Dan is op 2026-03-10 de verplichting "plan van aanpak" niet van toepassing
    En is de hersteldatum 2026-03-01 maar vastgelegd op 2026-03-10
