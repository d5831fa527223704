# language: nl
@providerboog
Functionaliteit: Verwijzing naar een provider en de facturen
  De bedrijfsarts verwijst naar een provider uit de catalogus. De provider rapporteert aan de
  bedrijfsarts; gezondheidsgegevens op een factuur gaan naar de bedrijfsarts en de werkgever krijgt
  de factuur zonder die gegevens.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-03-02
    En provider "psy-praktijk" staat als psycholoog in de catalogus
    En de bedrijfsarts heeft "wn-jan" op 2026-03-16 verwezen naar "psy-praktijk"

  Scenario: De provider accepteert de verwijzing, behandelt, rapporteert en factureert
    Als "psy-praktijk" op 2026-03-17 de verwijzing accepteert
    En "psy-praktijk" op 2026-03-23 de interventie start
    En "psy-praktijk" op 2026-04-20 een voortgangsrapportage indient met "CANARY-angstklachten nemen af"
    En "psy-praktijk" op 2026-05-04 een factuur van 640 euro indient met specificatie "CANARY-8 sessies cognitieve gedragstherapie"
    Dan ziet de werkgever een factuur van 640 euro
    Maar ziet de werkgever niets van "CANARY"
    En ziet de bedrijfsarts "CANARY-angstklachten nemen af" en "CANARY-8 sessies cognitieve gedragstherapie"

  Scenario: Een andere provider kan de verwijzing niet accepteren
    Gegeven provider "fysio-snel" staat als fysiotherapeut in de catalogus
    Als "fysio-snel" op 2026-03-17 de verwijzing accepteert
    Dan wordt dit geweigerd omdat "fysio-snel" geen relatie met dit dossier heeft
    En is er niets vastgelegd

  Scenario: Zonder geaccepteerde verwijzing geen interventie
    Als "psy-praktijk" op 2026-03-23 de interventie start
    Dan wordt dit geweigerd omdat "psy-praktijk" de verwijzing nog niet heeft geaccepteerd
    En is er niets vastgelegd

  Scenario: De werkgever verwijst niet zelf naar een behandelaar
    Als de werkgever op 2026-03-16 "wn-jan" probeert te verwijzen naar "psy-praktijk"
    Dan wordt dit geweigerd omdat de werkgever geen gezondheidsgegevens vastlegt
    En is er niets vastgelegd
