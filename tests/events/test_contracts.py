import pytest
from pydantic import ValidationError

from events.werkgever import DeskundigenoordeelAangevraagd


@pytest.mark.parametrize("aanvrager", ["werkgever", "werknemer"])
def test_either_party_asks_for_a_deskundigenoordeel(aanvrager):
    DeskundigenoordeelAangevraagd(
        geldig_op="2026-06-01", vraag="passende_arbeid", aanvrager=aanvrager
    )


def test_nobody_else_asks_for_a_deskundigenoordeel():
    with pytest.raises(ValidationError, match="aanvrager"):
        DeskundigenoordeelAangevraagd(
            geldig_op="2026-06-01", vraag="passende_arbeid", aanvrager="baas"
        )
