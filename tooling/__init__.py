"""Development harness, never shipped: a local Kafka broker (Tansu), the service processes of
the distributed runtime, a stand-in for OPA's Data API, the Rego test runner, and ending child
processes. The tests and `bench/` use it; the product packages may not import it."""
