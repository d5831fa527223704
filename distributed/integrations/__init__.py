"""Kafka integrations with parties outside the platform.

Inbound: verzuimmeldingen from an employer's HR system or its arbodienst, and UWV's answers.
Each message is checked (size, sender token, JSON, schema, policy) and becomes one command of
the service that owns it, applied once per message id. Outbound: the administrative absence
facts for the employer's insurer. What cannot be applied goes to the dead-letter queue
(`distributed.dlq`).
"""

VERZUIMMELDINGEN = "wvp.inbound.verzuimmeldingen"
UWV = "wvp.inbound.uwv"
VERZEKERAAR = "wvp.outbound.verzekeraar"
