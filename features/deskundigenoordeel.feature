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
    Dan op 2026-06-02 is de verplichting "deskundigenoordeel" "op_tijd"
    En telt het deskundigenoordeel mee in het re-integratieverslag

    Voorbeelden:
      | aanvrager     | vraag                  |
      | "wn-jan"      | passende_arbeid        |
      | de werkgever  | inspanningen_werknemer |
      | de werkgever  | geschikt_eigen_werk    |

  @rij-deskundigenoordeel
  Scenario: Zonder aanvraag staat er niets open
    Dan op 2026-06-02 is de verplichting "deskundigenoordeel" "niet_van_toepassing"

  Scenario: Een onbekende vraag wordt geweigerd
    Als "wn-jan" op 2026-06-01 een deskundigenoordeel aanvraagt over "hoogte_van_het_loon"
    Dan wordt dit geweigerd met een melding over "DeskundigenoordeelVraag"
    En is er niets vastgelegd
