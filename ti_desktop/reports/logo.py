"""The territory's logo, scaled to fit its box on a cover page."""

# mypy: disable-error-code="import-untyped"
# (reportlab ships no type stubs)
from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image

from ti_desktop.domain.errors import TiDesktopError

MAX_WIDTH = 5 * cm
MAX_HEIGHT = 2.4 * cm


class ReportImageError(TiDesktopError):
    """The logo could not be read."""


def logo(path: Path) -> Image:
    try:
        reader = ImageReader(str(path))
        width, height = reader.getSize()
    except Exception as error:  # reportlab raises many kinds for an unreadable image
        raise ReportImageError(f"Logo : le fichier « {path} » n'est pas une image lisible.") from error
    scale = min(MAX_WIDTH / width, MAX_HEIGHT / height)
    image = Image(str(path), width=width * scale, height=height * scale)
    image.hAlign = "LEFT"
    return image
