# language: nl
@week6 @week8
Functionaliteit: Probleemanalyse en plan van aanpak
  Uiterlijk in week 6 levert de bedrijfsarts de probleemanalyse op; de werkgever krijgt daarvan
  alleen het functionele deel. Binnen twee weken daarna, en uiterlijk in week 8, leggen werkgever en
  werknemer samen het plan van aanpak vast, en dat kan pas als de probleemanalyse er is.

  Achtergrond:
    Gegeven werkgever "bakkerij-de-korf" met HR-medewerker "hr-anna"
    En bedrijfsarts "ba-piet" van arbodienst "arbo-noord"
    En werknemer "wn-jan" heeft zich op 2026-03-02 ziek gemeld
    En de werkgever heeft op 2026-03-02 bedrijfsarts "ba-piet" toegewezen

  @rij-probleemanalyse
  Abstract Scenario: De probleemanalyse is uiterlijk in week 6 klaar
    Als de bedrijfsarts op <datum> de probleemanalyse oplevert met diagnose "CANARY-burn-out"
    Dan is op 2026-05-01 de verplichting "probleemanalyse" <status> met uiterlijk 2026-04-12

    Voorbeelden:
      | datum      | status  |
      | 2026-04-10 | op tijd |
      | 2026-04-20 | te laat |

  @rij-consult_probleemanalyse
  Abstract Scenario: In week 5 ziet de bedrijfsarts de werknemer op het spreekuur
    Gegeven de bedrijfsarts heeft op 2026-03-09 geoordeeld dat er een medische oorzaak is
    Als de bedrijfsarts op <datum> een consult houdt
    Dan is op 2026-04-20 de verplichting "consult probleemanalyse" <status> met uiterlijk 2026-04-05

    Voorbeelden:
      | datum      | status  |
      | 2026-04-01 | op tijd |
      | 2026-04-08 | te laat |

  @rij-probleemanalyse_besproken
  Scenario: In week 6 worden de uitkomsten met werknemer en werkgever besproken
    Gegeven de bedrijfsarts heeft op 2026-03-09 geoordeeld dat er een medische oorzaak is
    En de bedrijfsarts heeft op 2026-04-08 de probleemanalyse opgeleverd
    Als de werkgever op 2026-04-10 de probleemanalyse met "wn-jan" bespreekt
    Dan is op 2026-04-20 de verplichting "probleemanalyse besproken" op tijd met uiterlijk 2026-04-12

  @rij-vervroegde_iva_overwegen
  Scenario: Ziet de bedrijfsarts duurzaam geen mogelijkheden, dan komt een vervroegde IVA in beeld
    Als de bedrijfsarts op 2026-03-25 in een FML vaststelt dat er duurzaam geen mogelijkheden zijn
    Dan is op 2026-03-25 de verplichting "vervroegde IVA overwegen" open met uiterlijk 2026-03-25
    En is die verplichting als functioneel geclassificeerd

  @privacy
  Scenario: De werkgever krijgt het functionele deel van de probleemanalyse, nooit de diagnose
    Als de bedrijfsarts op 2026-04-10 de probleemanalyse oplevert met diagnose "CANARY-burn-out"
    Dan heeft de werkgever de mogelijkheden en beperkingen ontvangen
    En komt "CANARY-burn-out" niet voor in wat de werkgeversdienst heeft vastgelegd
    En staat "CANARY-burn-out" wel in het medisch dossier van de bedrijfsarts

  Scenario: Zonder probleemanalyse kan er geen plan van aanpak komen
    Als de werkgever op 2026-04-20 het plan van aanpak vaststelt
    Dan wordt dit geweigerd met een melding over "eerst een probleemanalyse"
    En is er niets vastgelegd

  Scenario: Bij een niet-medische oorzaak kan het plan van aanpak zonder probleemanalyse
    Als de bedrijfsarts op 2026-03-09 oordeelt dat er geen medische oorzaak is
    En de werkgever op 2026-03-20 het plan van aanpak vaststelt
    Dan is het plan van aanpak vastgelegd

  @rij-probleemanalyse
  Scenario: Zonder medische oorzaak zeggen de stappen die vervallen waarom
    Als de bedrijfsarts op 2026-03-09 oordeelt dat er geen medische oorzaak is
    Dan is op 2026-05-01 de verplichting "probleemanalyse" niet van toepassing, omdat "geen medische oorzaak volgens de bedrijfsarts"
    En is op 2026-05-01 de verplichting "plan van aanpak" niet van toepassing, omdat "geen medische oorzaak volgens de bedrijfsarts"

  @rij-plan_van_aanpak
  Abstract Scenario: Het plan van aanpak is binnen twee weken na de probleemanalyse vastgesteld
    Gegeven de bedrijfsarts heeft op 2026-04-10 de probleemanalyse opgeleverd
    Als de werkgever op <datum> het plan van aanpak vaststelt
    Dan is op 2026-06-01 de verplichting "plan van aanpak" <status> met uiterlijk 2026-04-24

    Voorbeelden:
      | datum      | status  |
      | 2026-04-24 | op tijd |
      | 2026-05-11 | te laat |

  @rij-probleemanalyse_psychisch @privacy
  Scenario: Bij psychische klachten is de probleemanalyse in week 4 nodig, en dat blijft medisch
    Als de bedrijfsarts op 2026-03-09 oordeelt dat er een medische oorzaak is met psychische klachten
    Dan is op 2026-03-20 de verplichting "probleemanalyse psychisch" open met uiterlijk 2026-03-29
    En is die verplichting als medisch geclassificeerd
