# language: nl
@privacy
Functionaliteit: Wat elke partij mag vastleggen en mag zien
  De werkgever legt bij de ziekmelding alleen vast wat de Autoriteit Persoonsgegevens toestaat, en
  ziet later alleen de functionele mogelijkheden en beperkingen zoals de bedrijfsarts die
  beoordeelde, nooit een diagnose. Medische gegevens zijn er alleen voor de werknemer zelf, de
  bedrijfsarts en wie onder diens delegatie werkt.

  Achtergrond:
    Gegeven een verzuimdossier van "wn-jan" bij "bakkerij-de-korf" sinds 2026-03-02

  Abstract Scenario: Bij de ziekmelding mag de werkgever vragen wat nodig is om het werk te regelen
    Als de werkgever bij de ziekmelding van "wn-piet" op 2026-03-02 ook "<veld>" vastlegt als "<waarde>"
    Dan is de ziekmelding vastgelegd met "<veld>"

    Voorbeelden:
      | veld                  | waarde                |
      | telefoon              | 06-12345678           |
      | verpleegadres         | Dorpsstraat 1, Zwolle |
      | verwachte duur dagen  | 10                    |
      | lopende taken         | ovendienst woensdag   |
      | afspraken             | klantbezoek vrijdag   |
      | arbeidsongeval        | ja                    |
      | verkeersongeval derde | ja                    |
      | vangnetregeling       | ja                    |

  Abstract Scenario: Wat de werkgever niet mag vragen of vastleggen wordt geweigerd
    Als de werkgever bij de ziekmelding van "wn-piet" op 2026-03-02 ook "<veld>" vastlegt als "<waarde>"
    Dan wordt dit geweigerd omdat de ziekmelding geen veld "<veld>" kent
    En is er niets vastgelegd

    Voorbeelden:
      | veld                   | waarde                    |
      | diagnose               | hernia                    |
      | oorzaak                | tillen op het werk        |
      | werkgerelateerd        | ja                        |
      | behandeling            | fysiotherapie             |
      | afspraak behandelaar   | huisarts dinsdag          |
      | persoonlijke problemen | scheiding                 |
      | welke vangnetregeling  | zwangerschap              |
      | eigen waarneming       | zag er slecht uit         |

  Abstract Scenario: Na de probleemanalyse ziet elke partij precies wat haar toekomt
    Gegeven de werkgever heeft op 2026-03-03 de verzekeraar "zeker-verzekerd" geïnformeerd
    En de bedrijfsarts heeft op 2026-04-08 de probleemanalyse opgeleverd met diagnose "CANARY-hernia"
    Als <partij> het dossier bekijkt
    Dan ziet die de beperkingen: <beperkingen>
    En ziet die de diagnose: <diagnose>
    En ziet die de ziekmelding: <ziekmelding>

    Voorbeelden:
      | partij                | beperkingen | diagnose | ziekmelding |
      | de werkgever          | ja          | nee      | ja          |
      | de casemanager        | ja          | nee      | ja          |
      | de arbeidsdeskundige  | ja          | nee      | ja          |
      | de verzekeraar        | nee         | nee      | ja          |
      | UWV                   | nee         | nee      | nee         |
      | de bedrijfsarts       | ja          | ja       | ja          |
      | de werknemer          | ja          | ja       | ja          |
      | een andere werkgever  | nee         | nee      | nee         |

  Scenario: UWV ziet pas na de 42-wekenmelding iets, en dan alleen wat naar UWV ging
    Gegeven de bedrijfsarts heeft op 2026-04-08 de probleemanalyse opgeleverd met diagnose "CANARY-hernia"
    En de casemanager heeft op 2026-12-14 de 42-wekenmelding ingediend
    Als UWV het dossier bekijkt
    Dan ziet die de 42-wekenmelding: ja
    En ziet die de ziekmelding: nee
    En ziet die de diagnose: nee

  Scenario: Alleen de bedrijfsarts oordeelt of er een medische oorzaak is
    Als de casemanager op 2026-03-09 probeert te oordelen dat er geen medische oorzaak is
    Dan wordt dit geweigerd omdat alleen de bedrijfsarts een oordeel geeft
    En is er niets vastgelegd
    Als de bedrijfsarts op 2026-03-09 oordeelt dat er geen medische oorzaak is
    Dan is dat vastgelegd als een triage-oordeel

  Scenario: De werkgever legt geen gezondheidsgegevens vast, ook niet via een omweg
    Als de werkgever op 2026-03-09 probeert een consult vast te leggen
    Dan wordt dit geweigerd omdat de werkgever geen gezondheidsgegevens vastlegt
    En is er niets vastgelegd

  Scenario: Elke inzage wordt vastgelegd, zodat de werknemer weet wie keek
    Als de werkgever het dossier bekijkt
    En de bedrijfsarts het dossier bekijkt
    Dan staan in het toegangslog inzagen van "hr-anna" en "ba-piet"
