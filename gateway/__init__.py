"""The GraphQL gateway: each party queries and acts on exactly its permitted projection."""
