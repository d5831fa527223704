"""The read side: how everything outside the services reads what they recorded.

`readmodel.port` names what a runtime offers readers (each service's log, a dossier's history)
so that the policies, the gateway and compliance read the embedded stores and the Kafka replicas
alike, never a concrete runtime or a store's recorder.
"""
