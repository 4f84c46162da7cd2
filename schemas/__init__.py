"""The table models (pandera) and the registry derived from them."""

from schemas._nodask import prime_pandera_types

prime_pandera_types()
