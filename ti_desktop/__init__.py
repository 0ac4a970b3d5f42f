"""TI Desktop: the chef de projet's desktop tool for a Territoire d'industrie."""

# Written here rather than read through importlib.metadata, which costs every start ~25 ms; it must equal
# pyproject.toml's version (tests/test_version.py checks it against the installed package's metadata).
__version__ = "0.1.0"
APP_NAME = "TI Desktop"
