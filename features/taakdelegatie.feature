# language: nl
@taakdelegatie
Functionaliteit: Taakdelegatie door de bedrijfsarts
  De bedrijfsarts kan taken delegeren aan een casemanager in taakdelegatie (CMTD): met naam, taken,
  dossiers of het hele caseload, en een periode. Het oordeel zelf en de toetsing van de RI&E blijven
  bij de bedrijfsarts. Een ingetrokken of verlopen delegatie geeft geen enkel recht meer, en
  niemand is op hetzelfde dossier zowel CMTD als casemanager van de werkgever.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-03-02
    En casemanager in taakdelegatie "cmtd-sara" van arbodienst "arbo-noord"

  Scenario: Met een delegatie legt de CMTD triage-informatie vast
    Gegeven de bedrijfsarts heeft "cmtd-sara" op 2026-03-02 de taken "triage, informatie vastleggen" gedelegeerd voor dit dossier tot 2026-06-30
    Als "cmtd-sara" op 2026-03-04 triage-informatie vastlegt
    Dan is dat vastgelegd als triage-informatie

  Scenario: Zonder delegatie mag de CMTD niets
    Als "cmtd-sara" op 2026-03-04 triage-informatie vastlegt
    Dan wordt dit geweigerd omdat "cmtd-sara" geen relatie met dit dossier heeft
    En is er niets vastgelegd

  Scenario: Een delegatie voor het hele caseload geldt ook voor dit dossier
    Gegeven de bedrijfsarts heeft "cmtd-sara" op 2026-03-02 de taken "triage" gedelegeerd voor het hele caseload tot 2026-06-30
    Als "cmtd-sara" op 2026-03-04 triage-informatie vastlegt
    Dan is dat vastgelegd als triage-informatie

  Scenario: Een taak buiten de delegatie mag de CMTD niet uitvoeren
    Gegeven de bedrijfsarts heeft "cmtd-sara" op 2026-03-02 de taken "triage" gedelegeerd voor dit dossier tot 2026-06-30
    Als "cmtd-sara" op 2026-03-04 de werknemer oproept voor het spreekuur op 2026-03-10
    Dan wordt dit geweigerd omdat de taakdelegatie van "cmtd-sara" de taak "werknemer oproepen" niet dekt
    En is er niets vastgelegd

  Scenario: De CMTD rapporteert het oordeel van de bedrijfsarts aan de werkgever
    Gegeven de bedrijfsarts heeft "cmtd-sara" op 2026-03-02 de taken "oordeel rapporteren" gedelegeerd voor dit dossier tot 2026-06-30
    Als "cmtd-sara" op 2026-03-12 aan de werkgever rapporteert dat "wn-jan" niet kan werken
    Dan is dat vastgelegd als een gerapporteerd oordeel

  Scenario: Ook met delegatie oordeelt de CMTD nooit zelf
    Gegeven de bedrijfsarts heeft "cmtd-sara" op 2026-03-02 de taken "triage, informatie vastleggen" gedelegeerd voor dit dossier tot 2026-06-30
    Als "cmtd-sara" op 2026-03-04 probeert te oordelen dat er een medische oorzaak is
    Dan wordt dit geweigerd omdat alleen de bedrijfsarts een oordeel geeft
    En is er niets vastgelegd

  Abstract Scenario: Het oordeel en de RI&E-toetsing zijn niet te delegeren
    Als de bedrijfsarts "cmtd-sara" op 2026-03-02 de taken "triage, <taak>" probeert te delegeren voor dit dossier tot 2026-06-30
    Dan wordt dit geweigerd omdat de taak "<taak>" niet delegeerbaar is
    En is er niets vastgelegd

    Voorbeelden:
      | taak          |
      | oordeel       |
      | RI&E-toetsing |

  Scenario: Medische informatie opvragen onder delegatie kan alleen met toestemming
    Gegeven de bedrijfsarts heeft "cmtd-sara" op 2026-03-02 de taken "medische informatie opvragen" gedelegeerd voor dit dossier tot 2026-06-30
    Als "cmtd-sara" op 2026-03-05 medische informatie opvraagt bij de huisarts
    Dan wordt dit geweigerd met een melding over "toestemming van de werknemer"
    Als "wn-jan" op 2026-03-06 toestemming geeft voor informatie van de huisarts
    En "cmtd-sara" op 2026-03-07 medische informatie opvraagt bij de huisarts
    Dan is dat vastgelegd als een verzoek om medische informatie

  Scenario: Een ingetrokken delegatie geeft geen rechten meer
    Gegeven de bedrijfsarts heeft "cmtd-sara" op 2026-03-02 de taken "triage" gedelegeerd voor dit dossier tot 2026-06-30
    En de bedrijfsarts heeft op 2026-03-20 de delegatie ingetrokken
    Als "cmtd-sara" op 2026-03-23 triage-informatie vastlegt
    Dan wordt dit geweigerd omdat "cmtd-sara" geen relatie met dit dossier heeft

  Scenario: Een verlopen delegatie geeft geen rechten meer
    Gegeven de bedrijfsarts heeft "cmtd-sara" op 2026-03-02 de taken "triage" gedelegeerd voor dit dossier tot 2026-03-31
    Als "cmtd-sara" op 2026-04-02 triage-informatie vastlegt
    Dan wordt dit geweigerd omdat "cmtd-sara" geen relatie met dit dossier heeft

  Scenario: Onder delegatie ziet de CMTD medische gegevens, daarna niet meer
    Gegeven de bedrijfsarts heeft op 2026-04-08 de probleemanalyse opgeleverd met diagnose "CANARY-hernia"
    En de bedrijfsarts heeft "cmtd-sara" op 2026-03-02 de taken "triage" gedelegeerd voor dit dossier tot 2026-06-30
    Als "cmtd-sara" op 2026-04-10 het dossier bekijkt
    Dan ziet die de diagnose: ja
    Als "cmtd-sara" op 2026-07-01 het dossier bekijkt
    Dan ziet die de diagnose: nee

  Scenario: Wie CMTD is op een dossier wordt daar geen casemanager van de werkgever
    Gegeven de bedrijfsarts heeft "cmtd-sara" op 2026-03-02 de taken "triage" gedelegeerd voor dit dossier tot 2026-06-30
    Als de werkgever op 2026-03-05 "cmtd-sara" als casemanager aanstelt
    Dan wordt dit geweigerd wegens rolvermenging
    En is er niets vastgelegd

  Scenario: De casemanager van de werkgever krijgt geen delegatie op hetzelfde dossier
    Als de bedrijfsarts "cm-els" op 2026-03-05 de taken "triage" probeert te delegeren voor dit dossier tot 2026-06-30
    Dan wordt dit geweigerd wegens rolvermenging
    En is er niets vastgelegd
