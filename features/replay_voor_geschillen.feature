# language: nl
@replay @privacy
Functionaliteit: Het dossier terugkijken bij een geschil
  Bij een geschil telt niet alleen wat we nu weten, maar ook wat er op een dag gold en wat er toen
  bekend was. Elke partij kan het dossier bekijken zoals het op een eerdere dag gold (de datum
  waarop iets ingaat) of zoals het op een eerdere dag bekend was (de datum waarop het is
  vastgelegd). Ook dan ziet elke partij alleen wat haar toekomt: de werkgever nooit medische
  gegevens.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-01-05
    En de bedrijfsarts heeft op 2026-02-10 de probleemanalyse opgeleverd met diagnose "CANARY-hernia"

  @herstel
  Abstract Scenario: Een herstelmelding met terugwerkende kracht, voor en na het vastleggen bekeken
    Gegeven de werkgever heeft op 2026-03-10 herstel gemeld per 2026-03-01
    Als <partij> het dossier bekijkt zoals het op 2026-03-05 bekend was
    Dan is "wn-jan" in die weergave nog ziek
    En ziet die medische gegevens: <medisch>
    Als <partij> het dossier bekijkt zoals het op 2026-03-11 bekend was
    Dan is "wn-jan" in die weergave hersteld per 2026-03-01
    En ziet die medische gegevens: <medisch>
    Als <partij> het dossier bekijkt zoals het op 2026-02-20 gold
    Dan is "wn-jan" in die weergave nog ziek
    En ziet die medische gegevens: <medisch>

    Voorbeelden:
      | partij          | medisch |
      | de werkgever    | nee     |
      | de bedrijfsarts | ja      |
      | de werknemer    | ja      |

  @week8 @rij-plan_van_aanpak
  Abstract Scenario: Een te laat plan van aanpak ontbrak bij de termijn en is nu te laat gedaan
    Gegeven het plan van aanpak is op 2026-03-16 vastgesteld
    Als <partij> het dossier bekijkt zoals het op 2026-02-24 bekend was
    Dan toont die weergave de verplichting "plan van aanpak" als open met uiterlijk 2026-02-24
    En toont die weergave geen plan van aanpak
    Als <partij> het dossier bekijkt zoals het op 2026-02-25 bekend was
    Dan toont die weergave de verplichting "plan van aanpak" als verlopen met uiterlijk 2026-02-24
    En toont die weergave geen plan van aanpak
    Als <partij> het dossier bekijkt zoals het op 2026-03-20 bekend was
    Dan toont die weergave de verplichting "plan van aanpak" als te laat met uiterlijk 2026-02-24
    En toont die weergave het plan van aanpak van 2026-03-16
    En ziet die medische gegevens: <medisch>

    Voorbeelden:
      | partij          | medisch |
      | de werkgever    | nee     |
      | de bedrijfsarts | ja      |
      | de werknemer    | ja      |

  @herstel
  Abstract Scenario: Een later vastgelegd verzuimpercentage met een eerdere ingangsdatum
    Gegeven de werkgever heeft op 2026-03-20 gemeld dat "wn-jan" per 2026-03-02 nog voor 50 procent verzuimt
    Als <partij> het dossier bekijkt zoals het op 2026-03-10 bekend was
    Dan verzuimt "wn-jan" in die weergave op 2026-03-05 voor 100 procent
    Als <partij> het dossier bekijkt zoals het op 2026-03-21 bekend was
    Dan verzuimt "wn-jan" in die weergave op 2026-03-05 voor 50 procent
    Als <partij> het dossier bekijkt zoals het op 2026-03-01 gold
    Dan verzuimt "wn-jan" in die weergave op 2026-03-01 voor 100 procent
    En ziet die medische gegevens: <medisch>

    Voorbeelden:
      | partij          | medisch |
      | de werkgever    | nee     |
      | de bedrijfsarts | ja      |
      | de werknemer    | ja      |
