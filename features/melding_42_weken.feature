# language: nl
@uwv
Functionaliteit: De 42-wekenmelding bij UWV
  Uiterlijk op de eerste werkdag na de 42e ziekteweek meldt de casemanager het verzuim bij UWV; een
  werkdag zoals de Algemene termijnenwet die telt. Pas daarna kent UWV het dossier.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-01-05

  @rij-melding_42_weken
  Abstract Scenario: De 42-wekenmelding is uiterlijk op de eerste werkdag na week 42 gedaan
    Als de casemanager op <datum> de 42-wekenmelding indient
    Dan op 2026-12-01 is de verplichting "melding_42_weken" "<status>" met uiterlijk 2026-10-26

    Voorbeelden:
      | datum      | status  |
      | 2026-10-19 | op_tijd |
      | 2026-10-26 | op_tijd |
      | 2026-10-27 | te_laat |

  @rij-melding_42_weken
  Scenario: Zonder melding is de wettelijke termijn na week 42 verlopen
    Dan op 2026-10-27 is de verplichting "melding_42_weken" "verlopen" met uiterlijk 2026-10-26

  Scenario: UWV legt niets vast over een dossier dat het nog niet kent
    Als UWV op 2026-10-01 de ontvangst van een WIA-aanvraag bevestigt
    Dan wordt dit geweigerd met een melding over "geen relatie met dit dossier"
    En is er niets vastgelegd
