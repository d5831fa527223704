# language: nl
@iva
Functionaliteit: Vervroegde IVA-aanvraag
  Oordeelt de bedrijfsarts dat er duurzaam geen mogelijkheden zijn, dan kan de werknemer een
  vervroegde IVA-uitkering aanvragen, uiterlijk in week 67.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-01-05

  @rij-vervroegde_iva_uiterlijk
  Abstract Scenario: De vervroegde IVA-aanvraag uiterlijk in week 67
    Gegeven de bedrijfsarts heeft op 2026-06-01 in een FML vastgesteld dat er duurzaam geen mogelijkheden zijn
    Als "wn-jan" op <datum> een vervroegde IVA-uitkering aanvraagt
    Dan is op 2027-06-01 de verplichting "vervroegde IVA uiterlijk" <status> met uiterlijk 2027-04-18

    Voorbeelden:
      | datum      | status  |
      | 2026-07-01 | op tijd |
      | 2027-05-03 | te laat |

  @rij-vervroegde_iva_uiterlijk @rij-vervroegde_iva_overwegen
  Scenario: Zonder dat oordeel van de bedrijfsarts is een vervroegde IVA niet aan de orde
    Dan is op 2027-06-01 de verplichting "vervroegde IVA uiterlijk" niet van toepassing
    En is op 2027-06-01 de verplichting "vervroegde IVA overwegen" niet van toepassing
