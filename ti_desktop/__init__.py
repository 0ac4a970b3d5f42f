"""TI Desktop: the chef de projet's desktop tool for a Territoire d'industrie."""

from importlib.metadata import PackageNotFoundError, version


def _read_version() -> str:
    # One version source: the package metadata written from pyproject.toml.
    try:
        return version("ti-desktop")
    except PackageNotFoundError:  # running from a checkout that was never installed
        return "0+unknown"


__version__ = _read_version()
APP_NAME = "TI Desktop"
