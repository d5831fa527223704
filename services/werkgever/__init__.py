"""The employer's side: ziekmelding, herstel, casemanager, plan van aanpak, evaluations, spoor 2."""
