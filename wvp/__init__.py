"""The WVP platform: runtime wiring, command line, simulator."""
