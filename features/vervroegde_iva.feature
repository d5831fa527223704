# language: nl
@iva
Functionaliteit: Vervroegde IVA-aanvraag
  Oordeelt de bedrijfsarts dat er duurzaam geen mogelijkheden zijn, dan kan de werknemer een
  vervroegde IVA-uitkering aanvragen, uiterlijk in week 67.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-01-05

  @rij-vervroegde_iva_uiterlijk
  Abstract Scenario: De vervroegde IVA-aanvraag uiterlijk in week 67
    Gegeven de bedrijfsarts heeft op 2026-06-01 een FML vastgesteld met duurzaam geen mogelijkheden
    Als "wn-jan" op <datum> een vervroegde IVA-uitkering aanvraagt
    Dan op 2027-06-01 is de verplichting "vervroegde_iva_uiterlijk" "<status>" met uiterlijk 2027-04-18

    Voorbeelden:
      | datum      | status  |
      | 2026-07-01 | op_tijd |
      | 2027-05-03 | te_laat |

  @rij-vervroegde_iva_uiterlijk @rij-vervroegde_iva_overwegen
  Scenario: Zonder dat oordeel van de bedrijfsarts is een vervroegde IVA niet aan de orde
    Dan op 2027-06-01 is de verplichting "vervroegde_iva_uiterlijk" "niet_van_toepassing"
    En op 2027-06-01 is de verplichting "vervroegde_iva_overwegen" "niet_van_toepassing"
