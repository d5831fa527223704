# language: nl
@monitoring
Functionaliteit: Monitoring van de voortgang en bijstelling van het plan van aanpak
  Na het plan van aanpak volgt de casemanager elke maand de voortgang, ziet de bedrijfsarts de
  werknemer minstens elke dertien weken, en wordt het plan bijgesteld als het stagneert of als de
  bedrijfsarts een medische verandering ziet.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-01-05
    En de bedrijfsarts heeft op 2026-02-10 de probleemanalyse opgeleverd
    En het plan van aanpak is op 2026-02-20 vastgesteld

  @rij-voortgang_maandelijks
  Scenario: Zonder voortgangsverslag verloopt de maandtermijn
    Dan is op 2026-03-25 de verplichting "voortgang maandelijks" verlopen met uiterlijk 2026-03-20

  @rij-voortgang_maandelijks
  Scenario: Een voortgangsverslag start de volgende maandtermijn
    Als de casemanager op 2026-03-18 de voortgang vastlegt
    Dan is op 2026-03-25 de verplichting "voortgang maandelijks" open met uiterlijk 2026-04-15

  @rij-consult_13_weken
  Abstract Scenario: De bedrijfsarts ziet de werknemer minstens elke dertien weken
    Als de bedrijfsarts op <consult> een consult houdt
    Dan is op <peildatum> de verplichting "consult 13 weken" <status> met uiterlijk <uiterlijk>

    Voorbeelden:
      | consult    | peildatum  | status   | uiterlijk  |
      | 2026-03-30 | 2026-04-10 | open     | 2026-06-29 |
      | 2026-01-20 | 2026-04-30 | verlopen | 2026-04-21 |

  @rij-bijstelling_stagnatie
  Abstract Scenario: Bij stagnatie wordt het plan van aanpak binnen vier weken bijgesteld
    Als de casemanager op 2026-05-04 stagnatie vastlegt
    En de casemanager op <datum> het plan van aanpak bijstelt
    Dan is op 2026-06-15 de verplichting "bijstelling stagnatie" <status> met uiterlijk 2026-06-01

    Voorbeelden:
      | datum      | status  |
      | 2026-05-20 | op tijd |
      | 2026-06-08 | te laat |

  @rij-bijstelling_medische_verandering @privacy
  Scenario: Na een medische verandering volgt een bijstelling; die verplichting blijft medisch
    Als de bedrijfsarts op 2026-05-04 een consult houdt met een medische verandering
    Dan is op 2026-06-10 de verplichting "bijstelling medische verandering" verlopen met uiterlijk 2026-06-01
    En is die verplichting als medisch geclassificeerd
