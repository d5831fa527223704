# language: nl
@herstel
Functionaliteit: Herstel, gedeeltelijk herstel, samentelling en terugwerkende kracht
  Een herstelmelding beëindigt het verzuim, ook met terugwerkende kracht. Gedeeltelijk herstel laat
  de termijnen doorlopen. Wie binnen vier weken na herstel opnieuw ziek wordt, zet dezelfde periode
  voort: de termijnen schuiven alleen op met de dagen waarop de werknemer niet ziek was.

  Achtergrond:
    Gegeven werkgever "bakkerij-de-korf" met HR-medewerker "hr-anna"
    En bedrijfsarts "ba-piet" van arbodienst "arbo-noord"
    En werknemer "wn-jan" heeft zich ziek gemeld op 2026-01-05

  @rij-herstelmelding
  Scenario: Herstel sluit het dossier en laat latere termijnen vervallen
    Als de werkgever op 2026-02-02 herstel meldt per 2026-02-02
    Dan op 2026-03-10 is de verplichting "herstelmelding" "op_tijd"
    En op 2026-03-10 is de verplichting "plan_van_aanpak" "niet_van_toepassing"

  Scenario: Herstel kan niet liggen voor de ziekmelding
    Als de werkgever op 2026-02-02 herstel meldt per 2026-01-02
    Dan wordt dit geweigerd met een melding over "ligt voor de ziekmelding"
    En is er niets vastgelegd

  Scenario: Gedeeltelijk herstel laat de termijnen doorlopen
    Als de werkgever op 2026-01-26 meldt dat "wn-jan" nog voor 50 procent verzuimt
    Dan op 2026-02-10 is de verplichting "probleemanalyse" "open" met uiterlijk 2026-02-15

  Abstract Scenario: Opnieuw ziek binnen vier weken zet de periode voort, daarna begint een nieuwe
    Gegeven de werkgever heeft op 2026-01-26 herstel gemeld per 2026-01-26
    Als werknemer "wn-jan" zich ziek meldt op <opnieuw_ziek> met verwachte duur 30 dagen
    Dan hoort die ziekmelding bij <dossier> dossier
    En op 2026-03-01 is de verplichting "probleemanalyse" "open" met uiterlijk <uiterlijk>

    Voorbeelden:
      | opnieuw_ziek | dossier    | uiterlijk  |
      | 2026-02-16   | hetzelfde  | 2026-03-08 |
      | 2026-03-02   | een nieuw  | 2026-04-12 |

  @rij-herstelmelding
  Scenario: Een herstelmelding met terugwerkende kracht telt vanaf de hersteldatum
    Als de werkgever op 2026-03-10 herstel meldt per 2026-03-01
    Dan op 2026-03-10 is de verplichting "plan_van_aanpak" "niet_van_toepassing"
    En is de hersteldatum 2026-03-01 maar vastgelegd op 2026-03-10
