"""The bedrijfsarts' side: triage, consent, medical file, judgements, delegation, referrals."""
