"""The distributed runtime: each service its own process, exchanging events over Kafka."""
