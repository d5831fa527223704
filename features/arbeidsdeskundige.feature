# language: nl
@arbeidsdeskundige
Functionaliteit: De arbeidsdeskundige
  Een adviesgesprek kan altijd; een arbeidsdeskundig rapport vraagt eerst een FML of IZP (of de
  probleemanalyse) van de bedrijfsarts. Voor week 52 liggen een nieuwe FML of IZP en het rapport er.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-01-05

  Scenario: Een adviesgesprek kan zonder FML
    Als de arbeidsdeskundige op 2026-03-02 een adviesgesprek houdt
    Dan is dat vastgelegd als een adviesgesprek

  Scenario: Een rapport zonder FML, IZP of probleemanalyse wordt geweigerd
    Als de arbeidsdeskundige op 2026-03-02 het rapport oplevert
    Dan wordt dit geweigerd met een melding over "eerst een FML/IZP of probleemanalyse"
    En is er niets vastgelegd

  @rij-belastbaarheid_herbeoordeeld @rij-arbeidsdeskundig_rapport
  Abstract Scenario: Voor week 52 liggen de FML en het arbeidsdeskundig rapport er
    Gegeven de bedrijfsarts heeft op <fml> een FML vastgesteld
    Als de arbeidsdeskundige op <rapport> het rapport oplevert
    Dan is op 2027-01-31 de verplichting "belastbaarheid herbeoordeeld" <status fml> met uiterlijk 2026-12-27
    En is op 2027-01-31 de verplichting "arbeidsdeskundig rapport" <status rapport> met uiterlijk 2026-12-27

    Voorbeelden:
      | fml        | rapport    | status fml | status rapport |
      | 2026-11-02 | 2026-12-01 | op tijd    | op tijd        |
      | 2026-11-02 | 2027-01-15 | op tijd    | te laat        |
      | 2027-01-04 | 2027-01-20 | te laat    | te laat        |
