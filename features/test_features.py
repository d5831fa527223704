"""Runs every feature file in this folder as pytest tests."""

from pytest_bdd import scenarios

scenarios(".")
