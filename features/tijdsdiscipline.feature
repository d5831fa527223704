# language: nl
@week8
Functionaliteit: Tijdsdiscipline: een datum is een bewering, het moment van vastleggen een feit
  Een feit mag met terugwerkende kracht worden vastgelegd, nooit vooruit: de geldigheidsdatum ligt
  niet na de (Nederlandse) dag waarop het wordt vastgelegd. Wie meer dan twee weken terugdateert,
  zegt waarom; die reden staat bij het feit in de tijdlijn. Wie een stap op tijd uitvoerde maar pas
  na de termijn vastlegde, ziet de stap in de kalender als op tijd, met de vermelding dat hij te
  laat is vastgelegd. Zo toont de kalender een termijn nooit als gehaald op grond van een
  vastlegging die te laat kwam.

  Achtergrond:
    Gegeven werkgever "bakkerij-de-korf" met HR-medewerker "hr-anna"
    En bedrijfsarts "ba-piet" van arbodienst "arbo-noord"
    En werknemer "wn-jan" heeft zich op 2026-03-02 ziek gemeld
    En de werkgever heeft op 2026-03-02 bedrijfsarts "ba-piet" toegewezen
    En de bedrijfsarts heeft op 2026-04-10 de probleemanalyse opgeleverd

  @rij-plan_van_aanpak
  Scenario: Een plan van aanpak dat op tijd gold maar na de termijn is vastgelegd
    Als de werkgever op 2026-05-04 het plan van aanpak vastlegt dat gold per 2026-04-24
    Dan is op 2026-06-01 de verplichting "plan van aanpak" op tijd, maar te laat vastgelegd op 2026-05-04

  @rij-plan_van_aanpak
  Scenario: Een plan van aanpak dat binnen de termijn is vastgelegd
    Als de werkgever op 2026-04-24 het plan van aanpak vastlegt dat gold per 2026-04-22
    Dan is op 2026-06-01 de verplichting "plan van aanpak" op tijd, en ook op tijd vastgelegd

  @rij-plan_van_aanpak
  Scenario: Een feit kan niet vooruit worden vastgelegd
    Als de werkgever op 2026-04-20 het plan van aanpak vastlegt dat gold per 2026-04-24
    Dan wordt dit geweigerd met een melding over "geldig op 2026-04-24 ligt na de dag van vastleggen 2026-04-20"
    En is er niets vastgelegd

  @rij-plan_van_aanpak
  Scenario: Wie meer dan twee weken terugdateert zonder reden, wordt geweigerd
    Als de werkgever op 2026-05-20 het plan van aanpak vastlegt dat gold per 2026-04-24
    Dan wordt dit geweigerd met een melding over "geldig op 2026-04-24 ligt 26 dagen voor de dag van vastleggen 2026-05-20"
    En is er niets vastgelegd

  @rij-plan_van_aanpak
  Scenario: Met een reden mag het, en de tijdlijn toont die reden
    Als de werkgever op 2026-05-20 het plan van aanpak vastlegt dat gold per 2026-04-24, omdat "het getekende plan lag bij de werknemer thuis"
    Dan is op 2026-06-01 de verplichting "plan van aanpak" op tijd, maar te laat vastgelegd op 2026-05-20
    En toont de tijdlijn bij het plan van aanpak de reden "het getekende plan lag bij de werknemer thuis"
