"""The Gherkin features of the platform and their step glue; tests only, never shipped."""
