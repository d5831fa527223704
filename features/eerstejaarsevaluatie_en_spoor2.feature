# language: nl
@spoor2
Functionaliteit: Eerstejaarsevaluatie en het tweede spoor
  In week 52 evalueren werkgever en werknemer het eerste jaar en besluiten over het tweede spoor.
  Is dat nodig, dan start het uiterlijk in week 58, tenzij binnen drie maanden eigen werk in zicht
  is. Vindt de arbeidsdeskundige mogelijkheden maar geen passend eigen werk, dan wordt het tweede
  spoor al eerder verkend.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-01-05

  @rij-eerstejaarsevaluatie
  Abstract Scenario: De eerstejaarsevaluatie valt in week 52, over de jaarwisseling heen
    Als de werkgever op <datum> de eerstejaarsevaluatie vastlegt waarin het tweede spoor nodig is
    Dan is op 2027-02-01 de verplichting "eerstejaarsevaluatie" <status> met uiterlijk 2027-01-03

    Voorbeelden:
      | datum      | status  |
      | 2026-12-21 | op tijd |
      | 2027-01-11 | te laat |

  @rij-eerstejaarsevaluatie @rij-spoor2_uiterlijk
  Scenario: Een evaluatie in week 8 is geen eerstejaarsevaluatie en beslist niets over het tweede spoor
    Als de werkgever op 2026-03-02 de eerstejaarsevaluatie vastlegt waarin eigen werk binnen drie maanden in zicht is
    Dan is op 2027-02-01 de verplichting "eerstejaarsevaluatie" verlopen met uiterlijk 2027-01-03
    En is op 2027-03-15 de verplichting "spoor2 uiterlijk" verlopen met uiterlijk 2027-02-14

  @rij-spoor2_uiterlijk
  Abstract Scenario: Het tweede spoor start uiterlijk in week 58
    Gegeven de werkgever heeft op 2026-12-21 de eerstejaarsevaluatie vastgelegd waarin het tweede spoor nodig is
    Als de werkgever op <datum> het tweede spoor start
    Dan is op 2027-03-15 de verplichting "spoor2 uiterlijk" <status> met uiterlijk 2027-02-14

    Voorbeelden:
      | datum      | status  |
      | 2027-01-18 | op tijd |
      | 2027-03-01 | te laat |

  @rij-spoor2_uiterlijk
  Scenario: Met eigen werk binnen drie maanden in zicht hoeft het tweede spoor niet
    Als de werkgever op 2026-12-21 de eerstejaarsevaluatie vastlegt waarin eigen werk binnen drie maanden in zicht is
    Dan is op 2027-03-15 de verplichting "spoor2 uiterlijk" niet van toepassing

  @rij-spoor2_verkennen
  Scenario: Mogelijkheden maar geen passend eigen werk: binnen zes weken het tweede spoor verkennen
    Gegeven de bedrijfsarts heeft op 2026-05-04 een FML vastgesteld
    Als de arbeidsdeskundige op 2026-06-01 rapporteert dat er mogelijkheden zijn maar geen passend eigen werk
    Dan is op 2026-07-20 de verplichting "spoor2 verkennen" verlopen met uiterlijk 2026-07-13
