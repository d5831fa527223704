"""Plumbing every service shares: the clock, the hash chain, the aggregate and application bases."""
