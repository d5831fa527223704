# language: nl
@correcties
Functionaliteit: Correcties en intrekking, zonder iets te wissen
  Een verkeerd vastgelegde eerste ziektedag of hersteldatum, of een ziekmelding die per vergissing
  is gedaan, wordt gecorrigeerd met een eigen feit dat zegt wat het corrigeert en waarom. Er wordt
  niets gewist: wie het dossier bekijkt zoals het vóór de correctie bekend was, ziet de oude stand.
  De kalender rekent opnieuw, ook als een correctie de samentelling doorbreekt.

  Achtergrond:
    Gegeven werkgever "bakkerij-de-korf" met HR-medewerker "hr-anna"
    En bedrijfsarts "ba-piet" van arbodienst "arbo-noord"
    En werknemer "wn-jan" heeft zich op 2026-01-12 ziek gemeld

  @rij-probleemanalyse
  Scenario: Een eerdere eerste ziektedag haalt de termijnen naar voren
    Als de werkgever op 2026-01-20 de eerste ziektedag corrigeert naar 2026-01-05 omdat "de werknemer was al een week ziek thuis"
    Dan is op 2026-02-10 de verplichting "probleemanalyse" open met uiterlijk 2026-02-15
    En is dat vastgelegd als een correctie van de eerste ziektedag

  Scenario: Wie het dossier bekijkt zoals het vóór de correctie bekend was, ziet de oude eerste ziektedag
    Gegeven de werkgever heeft op 2026-01-20 de eerste ziektedag gecorrigeerd naar 2026-01-05
    Als de werkgever het dossier bekijkt zoals het op 2026-01-19 bekend was
    Dan is in die weergave de eerste ziektedag 2026-01-12
    Als de werkgever het dossier bekijkt
    Dan is in die weergave de eerste ziektedag 2026-01-05

  Scenario: Een eerste ziektedag na het herstel wordt geweigerd
    Gegeven de werkgever heeft op 2026-01-30 herstel gemeld per 2026-01-26
    Als de werkgever op 2026-02-02 de eerste ziektedag corrigeert naar 2026-01-27 omdat "vergissing"
    Dan wordt dit geweigerd met een melding over "ligt niet voor het herstel per 2026-01-26"
    En is er niets vastgelegd

  Scenario: Een verbeterde hersteldatum geldt in plaats van de oude
    Gegeven de werkgever heeft op 2026-02-06 herstel gemeld per 2026-02-06
    Als de werkgever op 2026-02-09 de hersteldatum corrigeert naar 2026-02-02 omdat "werkte al vanaf maandag"
    En de werkgever het dossier bekijkt
    Dan is "wn-jan" in die weergave hersteld per 2026-02-02

  Scenario: Een verbeterde hersteldatum die vier weken vrijlaat, doorbreekt de samentelling
    Gegeven de werkgever heeft op 2026-02-13 herstel gemeld per 2026-02-13
    En werknemer "wn-jan" heeft zich op 2026-03-02 ziek gemeld
    Als de werkgever op 2026-03-04 de hersteldatum corrigeert naar 2026-01-26 omdat "verkeerde week"
    Dan is op 2026-03-04 de verplichting "probleemanalyse" open met uiterlijk 2026-04-12

  Scenario: Een ziekmelding per vergissing wordt ingetrokken en laat niets openstaan
    Als de werkgever op 2026-01-13 de ziekmelding intrekt omdat "verkeerde werknemer ziek gemeld"
    Dan is op 2026-03-01 de verplichting "probleemanalyse" niet van toepassing
    En is op 2026-03-01 de verplichting "plan van aanpak" niet van toepassing
    En is dat vastgelegd als een intrekking van de ziekmelding
