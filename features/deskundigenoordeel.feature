# language: nl
@deskundigenoordeel
Functionaliteit: Deskundigenoordeel van UWV
  Bij twijfel of verschil van inzicht kunnen werkgever en werknemer op elk moment een
  deskundigenoordeel vragen, over passende arbeid, de inspanningen van werkgever of werknemer, of
  de geschiktheid voor het eigen werk.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-01-05

  @rij-deskundigenoordeel
  Abstract Scenario: Een deskundigenoordeel aanvragen kan op elk moment en door beide partijen
    Als <aanvrager> op 2026-06-01 een deskundigenoordeel aanvraagt over "<vraag>"
    Dan is op 2026-06-02 de verplichting "deskundigenoordeel" op tijd
    En telt het deskundigenoordeel mee in het re-integratieverslag

    Voorbeelden:
      | aanvrager     | vraag                  |
      | "wn-jan"      | passende arbeid        |
      | de werkgever  | inspanningen werknemer |
      | de werkgever  | geschikt eigen werk    |

  @rij-deskundigenoordeel
  Scenario: Zonder aanvraag staat er niets open
    Dan is op 2026-06-02 de verplichting "deskundigenoordeel" niet van toepassing

  Scenario: Een onbekende vraag wordt geweigerd
    Als "wn-jan" op 2026-06-01 een deskundigenoordeel aanvraagt over "hoogte van het loon"
    Dan wordt dit geweigerd omdat "hoogte van het loon" geen vraag voor een deskundigenoordeel is
    En is er niets vastgelegd
