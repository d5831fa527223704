"""The step definitions, by theme; features/conftest.py makes them visible to the features.

- taal: the words of the step texts (dates, statuses, parties, Dutch names for codes);
- opdracht: steps that send one command, declared as a table row each;
- invoer: the fields the commands send;
- partijen, ziekmelding, reintegratie, uwv, delegatie, providers: the process, step by step;
- kalender: the poortwachter calendar's obligations;
- inzage: looking at the dossier, now or as it was;
- uitkomst: whether a command was recorded or refused, and why.
"""
