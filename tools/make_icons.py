"""Render the application icon from its SVG source into every format the platforms ask for.

Source: resources/icons/ti-desktop.svg. Written:

- resources/icons/ti-desktop-{16,24,32,48,64,128,256,512}.png — the window icon (Qt picks the size it needs)
  and the Linux hicolor theme icons;
- packaging/windows/ti-desktop.ico — 16, 24, 32, 48, 64, 128 (bitmaps) and 256 px (PNG): executable, installer,
  shortcuts;
- packaging/macos/ti-desktop.icns — 32 to 1024 px (the .app bundle).

Each size is rendered from the SVG by Qt's own renderer (PySide6's QSvgRenderer on the offscreen platform),
never scaled down from a bigger bitmap, so small sizes stay sharp. Run it after editing the SVG:

    QT_QPA_PLATFORM=offscreen python tools/make_icons.py

tests/test_desktop_integration.py fails when the committed PNGs no longer match the SVG.

Pillow is a tool-only dependency (it writes the .ico and .icns containers): TI Desktop never imports it and
pyproject.toml does not declare it for this tool (reportlab happens to install it, so it is usually present;
otherwise `pip install pillow` in the venv that runs the tool). The committed icons are all the app needs.
"""

from __future__ import annotations

import io
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "resources" / "icons" / "ti-desktop.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (32, 64, 128, 256, 512, 1024)  # Pillow's writer: ic11–ic14 and ic07–ic10
ICO = ROOT / "packaging" / "windows" / "ti-desktop.ico"
ICNS = ROOT / "packaging" / "macos" / "ti-desktop.icns"


def png_path(size: int) -> Path:
    return SOURCE.with_name(f"ti-desktop-{size}.png")


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def bmp_entry(image: Image.Image) -> bytes:
    """The DIB (32-bit BGRA + AND mask) Pillow writes for one icon size, taken out of a one-image .ico."""
    buffer = io.BytesIO()
    image.save(buffer, format="ICO", sizes=[image.size], bitmap_format="bmp")
    data = buffer.getvalue()
    size, offset = struct.unpack_from("<II", data, 6 + 8)  # the only ICONDIRENTRY: bytes, offset
    return data[offset : offset + size]


def ico_bytes(images: dict[int, Image.Image], pngs: dict[int, bytes]) -> bytes:
    """A Windows icon: classic bitmaps below 256 px (read by every tool and Windows version), PNG at 256 px.

    Pillow writes either all entries as PNG or all as BMP; the usual mix is written here (ICONDIR + entries).
    """
    entries = [(size, pngs[size] if size >= 256 else bmp_entry(images[size])) for size in sorted(images)]
    header = struct.pack("<HHH", 0, 1, len(entries))
    offset = len(header) + 16 * len(entries)
    directory, payload = b"", b""
    for size, data in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset + len(payload))
        payload += data
    return header + directory + payload


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"SVG illisible : {SOURCE}", file=sys.stderr)
        return 1
    pngs: dict[int, bytes] = {}
    for size in sorted({*PNG_SIZES, *ICO_SIZES, *ICNS_SIZES}):
        pngs[size] = png_bytes(render(renderer, size))
    del app
    for size in PNG_SIZES:
        png_path(size).write_bytes(pngs[size])
        print(png_path(size).relative_to(ROOT))

    images = {size: Image.open(io.BytesIO(data)).convert("RGBA") for size, data in pngs.items()}
    ICO.parent.mkdir(parents=True, exist_ok=True)
    ICO.write_bytes(ico_bytes({size: images[size] for size in ICO_SIZES}, pngs))
    print(ICO.relative_to(ROOT))
    ICNS.parent.mkdir(parents=True, exist_ok=True)
    images[max(ICNS_SIZES)].save(ICNS, format="ICNS", append_images=[images[size] for size in ICNS_SIZES])
    print(ICNS.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
