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
    Dan is op 2026-12-01 de verplichting "melding 42 weken" <status> met uiterlijk 2026-10-26

    Voorbeelden:
      | datum      | status  |
      | 2026-10-19 | op tijd |
      | 2026-10-26 | op tijd |
      | 2026-10-27 | te laat |

  @rij-melding_42_weken
  Scenario: Zonder melding is de wettelijke termijn na week 42 verlopen
    Dan is op 2026-10-27 de verplichting "melding 42 weken" verlopen met uiterlijk 2026-10-26

  Scenario: UWV legt niets vast over een dossier dat het nog niet kent
    Als UWV op 2026-10-01 de ontvangst van een WIA-aanvraag bevestigt
    Dan wordt dit geweigerd omdat UWV geen relatie met dit dossier heeft
    En is er niets vastgelegd
