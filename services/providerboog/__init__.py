"""Specialist providers: the catalogue, referrals, interventions, reports and invoices."""
