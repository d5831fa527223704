"""What goes to UWV and what comes back: 42-weken melding, RIV, WIA application, outcomes."""
