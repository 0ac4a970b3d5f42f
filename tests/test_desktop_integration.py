"""Desktop integration files agree with the package: icon sizes and containers, Linux desktop entry and AppStream
metainfo (validated by desktop-file-validate / appstreamcli when installed), Windows installer script, macOS
Info.plist values, CHANGELOG.md, and the version in every PDF footer."""

from __future__ import annotations

import configparser
import os
import plistlib
import re
import shutil
import struct
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest
from pypdf import PdfReader

from ti_desktop import APP_NAME, __version__
from ti_desktop.cli import main
from ti_desktop.paths import UserDirs, resource_path

from .clock import fixed_clock

ROOT = Path(__file__).resolve().parent.parent
APP_ID = "fr.territoires-industrie.TIDesktop"
LINUX = ROOT / "packaging" / "linux"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ISS = ROOT / "packaging" / "windows" / "ti-desktop.iss"
ICO = ROOT / "packaging" / "windows" / "ti-desktop.ico"
ICNS = ROOT / "packaging" / "macos" / "ti-desktop.icns"
PLIST = ROOT / "packaging" / "macos" / "Info.plist"
ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
CHANGELOG_HEADING = re.compile(r"^## \[(?P<version>[^\]]+)\](?: - (?P<date>\d{4}-\d{2}-\d{2}))?\s*$", re.MULTILINE)


def pyproject() -> dict[str, object]:
    with open(ROOT / "pyproject.toml", "rb") as stream:
        return tomllib.load(stream)


def changelog_releases() -> list[tuple[str, str]]:
    """(version, date) of each released entry of CHANGELOG.md, newest first ("Non publié" left out)."""
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return [(match["version"], match["date"]) for match in CHANGELOG_HEADING.finditer(text) if match["date"]]


# -- version -------------------------------------------------------------------------------------------------------
def test_one_version_source() -> None:
    project = pyproject()["project"]
    assert isinstance(project, dict)
    assert __version__ == project["version"]


def test_version_string_is_the_installed_package_metadata() -> None:
    # __version__ is written in the package (no metadata read at start-up): it must say what pip installed.
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("ti-desktop")
    except PackageNotFoundError:
        pytest.skip("ti-desktop is not installed in this environment")
    assert __version__ == installed


def test_changelog_is_french_keep_a_changelog_and_newest_is_the_package_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Journal des modifications\n")
    assert "## [Non publié]" in text
    releases = changelog_releases()
    assert releases, "no released entry in CHANGELOG.md"
    assert releases[0][0] == __version__
    assert [version for version, _ in releases] == sorted(
        (version for version, _ in releases), key=lambda v: tuple(int(part) for part in v.split(".")), reverse=True
    )
    newest = text[text.index(f"## [{__version__}]") :]
    assert "### Ajouté" in newest.split("\n## ")[0]


def pdf_pages(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_every_page_of_the_report_and_the_minutes_names_the_version(demo_db: Path, tmp_path: Path) -> None:
    from ti_desktop.services.maintenance import open_services

    dirs = UserDirs(data_dir=tmp_path / "donnees", log_dir=tmp_path / "journaux")
    report = tmp_path / "rapport.pdf"
    assert main(["report", "--db", str(demo_db), "-o", str(report)], user_dirs=dirs) == 0
    handle = open_services(demo_db, clock=fixed_clock())
    meeting = handle.services.meetings.list()[0].id
    handle.close()
    minutes = tmp_path / "compte-rendu.pdf"
    assert main(["minutes", str(meeting), "--db", str(demo_db), "-o", str(minutes)], user_dirs=dirs) == 0
    for pdf in (report, minutes):
        pages = pdf_pages(pdf)
        assert len(pages) > 1
        for number, page in enumerate(pages, start=1):
            assert f"TI Desktop {__version__} – établi le" in page, f"{pdf.name}, page {number}"
        assert PdfReader(pdf).metadata.creator == f"TI Desktop {__version__}"


# -- icons ---------------------------------------------------------------------------------------------------------
def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icon_pngs_exist_in_every_size_and_are_found_by_the_locator() -> None:
    svg = ET.parse(ICONS / "ti-desktop.svg").getroot()
    assert svg.get("viewBox") == "0 0 256 256"
    for size in PNG_SIZES:
        assert png_size(resource_path("icons", f"ti-desktop-{size}.png")) == (size, size)


def rgba(image: object) -> np.ndarray:
    from PySide6.QtGui import QImage

    assert isinstance(image, QImage)
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return np.frombuffer(bytes(image.constBits()), dtype=np.uint8).astype(int).reshape(image.height(), image.width(), 4)


def test_committed_pngs_match_the_svg(qapp: object) -> None:
    """tools/make_icons.py was re-run after the SVG last changed."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(ICONS / "ti-desktop.svg"))
    assert renderer.isValid()
    for size in (16, 32, 256):
        rendered = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        rendered.fill(Qt.GlobalColor.transparent)
        painter = QPainter(rendered)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        committed = QImage(str(ICONS / f"ti-desktop-{size}.png"))
        difference = np.abs(rgba(rendered) - rgba(committed))
        assert difference.mean() < 0.3, f"{size} px: run tools/make_icons.py"  # a moved arrowhead: 0.5


def test_windows_icon_holds_16_to_256_pixels() -> None:
    data = ICO.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _colours, _reserved, _planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        assert bits == 32 and offset + length <= len(data)
        sizes.append((width or 256, height or 256))
    assert sorted(sizes) == [(size, size) for size in (16, 24, 32, 48, 64, 128, 256)]


def test_macos_icon_is_a_complete_icns() -> None:
    data = ICNS.read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    kinds, offset = set(), 8
    while offset < len(data):
        kind, length = data[offset : offset + 4], struct.unpack(">I", data[offset + 4 : offset + 8])[0]
        kinds.add(kind.decode("ascii"))
        assert length >= 8
        offset += length
    assert offset == len(data)
    assert {"ic07", "ic08", "ic09", "ic10", "ic11", "ic12", "ic13", "ic14"} <= kinds  # 16@2x … 512@2x


# -- Linux -----------------------------------------------------------------------------------------------------------
def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_the_installed_command() -> None:
    entry = desktop_entry()
    scripts = pyproject()["project"]["scripts"]  # type: ignore[index]
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Exec"].split()[0] in scripts and entry["TryExec"] in scripts
    assert entry["Icon"] == APP_ID == DESKTOP_FILE.stem
    assert entry["Terminal"] == "false"
    assert {"Office", "ProjectManagement"} <= set(entry["Categories"].rstrip(";").split(";"))
    assert entry["Keywords"].endswith(";") and "plan d'action" in entry["Keywords"]
    assert "Territoire d'industrie" in entry["GenericName"] and entry["Comment"]
    # Qt names the X11 window class after QApplication.applicationName(), which run_gui sets to APP_NAME.
    assert entry["StartupWMClass"] == APP_NAME


def metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_metainfo_describes_the_application_and_its_releases() -> None:
    component = metainfo()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == APP_ID
    assert component.findtext("name") == APP_NAME
    assert component.findtext("metadata_license") == "CC0-1.0"
    assert component.findtext("project_license") == pyproject()["project"]["license"]  # type: ignore[index]
    assert component.findtext("summary")
    paragraphs = [p.text or "" for p in component.findall("description/p")]
    assert paragraphs and "Territoire d'industrie" in paragraphs[0]
    launchable = component.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP_FILE.name
    assert component.findtext("provides/binary") in pyproject()["project"]["scripts"]  # type: ignore[index]
    assert component.find("content_rating") is not None
    assert (component.findtext("url[@type='homepage']") or "").startswith("https://")
    releases = [(release.get("version"), release.get("date")) for release in component.findall("releases/release")]
    assert releases[0][0] == __version__
    assert releases == changelog_releases()


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_desktop_file_validate_accepts_the_entry() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_appstreamcli_accepts_the_metainfo() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
        env={**os.environ, "LC_ALL": "C.UTF-8"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # Infos only (cid-contains-hyphen: the ID is fixed; <developer> is unknown to AppStream before 1.0).
    assert not re.search(r"^[EW]: ", result.stdout, re.MULTILINE), result.stdout


# -- Windows ---------------------------------------------------------------------------------------------------------
def iss_sections() -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        else:
            sections.setdefault(current, []).append(line)
    return sections


def test_inno_setup_script_installs_per_user_in_french() -> None:
    sections = iss_sections()
    setup = dict(line.split("=", 1) for line in sections["Setup"])
    assert re.fullmatch(r"\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["AppName"] == "{#AppName}" and setup["AppVersion"] == "{#AppVersion}"
    assert setup["PrivilegesRequired"] == "lowest"
    assert setup["PrivilegesRequiredOverridesAllowed"] == "dialog"
    assert setup["DefaultDirName"].startswith("{autopf}\\")
    assert setup["LicenseFile"] == "{#RepoRoot}\\LICENSE"
    assert (ISS.parent / setup["SetupIconFile"]).is_file()
    assert any('MessagesFile: "compiler:Languages\\French.isl"' in line for line in sections["Languages"])
    assert any(line.startswith('Source: "{#RepoRoot}\\dist\\ti-desktop\\*"') for line in sections["Files"])
    icons = sections["Icons"]
    assert any(line.startswith('Name: "{group}\\{#AppName}"') for line in icons)
    assert any("{uninstallexe}" in line for line in icons)
    assert any("{autodesktop}" in line and "Tasks: desktopicon" in line for line in icons)
    assert any("Flags: unchecked" in line for line in sections["Tasks"])
    text = ISS.read_text(encoding="utf-8")
    assert '#define AppName "TI Desktop"' in text and "#ifndef AppVersion" in text and "#error" in text


# -- macOS -----------------------------------------------------------------------------------------------------------
def test_info_plist_values() -> None:
    values = plistlib.loads(PLIST.read_bytes())
    assert values["CFBundleName"] == values["CFBundleDisplayName"] == APP_NAME
    assert values["CFBundleIdentifier"] == APP_ID
    assert values["CFBundleDevelopmentRegion"] == "fr"
    assert values["NSHighResolutionCapable"] is True
    assert re.fullmatch(r"\d+\.\d+", values["LSMinimumSystemVersion"])
    assert "GPL" in values["NSHumanReadableCopyright"]
    # The spec replaces both version placeholders with the package version.
    assert values["CFBundleShortVersionString"] == values["CFBundleVersion"] == "@VERSION@"
