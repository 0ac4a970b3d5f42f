"""The programme's four priorities always appear: in the progress report, the minutes and the regional synthesis,
an axis with no action says so (« Aucune action sur cet axe ») instead of vanishing, so that the Région can tell
« nothing planned » from « forgotten ». Read back from the PDFs with pypdf and compared with the database."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

from pypdf import PdfReader

from ti_desktop.domain.consolidation import consolidate
from ti_desktop.domain.enums import ActionStatus, SeededAxis
from ti_desktop.domain.report_options import ReportOptions
from ti_desktop.reports.minutes import EMPTY_PRIORITY, PRIORITIES
from ti_desktop.reports.progress.axes import EMPTY_AXIS
from ti_desktop.reports.regional_synthesis import EMPTY_AXIS as EMPTY_REGIONAL_AXIS
from ti_desktop.reports.regional_synthesis import build_regional_synthesis
from ti_desktop.reports.synthesis_document import synthesis_document
from ti_desktop.services.maintenance import OpenDatabase
from ti_desktop.services.registry import Services

from ..clock import TODAY
from .synthesis_samples import read_attachment, received

OPTIONS = ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 11, 30))


def plain(text: str) -> str:
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def pages_of(pdf: Path | bytes) -> list[str]:
    reader = PdfReader(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return [plain(page.extract_text()) for page in reader.pages]


def plan_without_ecological_transition(services: Services) -> tuple[int, dict[str, int]]:
    """A territory with actions in three priorities and none in Transition écologique."""
    territory = services.territories.create(name="Vallée de l'Orne industrielle", region="Normandie")
    axes = {axis.code: axis.id for axis in services.axes.available_to(territory.id)}
    actions = {}
    for code, axis in (("INN-01", "INN"), ("COM-01", "COM"), ("FON-01", "FON")):
        action = services.actions.create(
            territory_id=territory.id,
            axis_id=axes[axis],
            code=code,
            title=f"Action {code}",
            status=ActionStatus.EN_COURS,
            progress=20,
        )
        actions[code] = action.id
    return territory.id, actions


def test_the_report_shows_the_four_priorities_an_empty_one_saying_so(opened: OpenDatabase, tmp_path: Path) -> None:
    services = opened.services
    tid, _actions = plan_without_ecological_transition(services)
    seeded = [axis for axis in services.axes.available_to(tid) if axis.territory_id is None]
    assert [axis.code for axis in seeded] == [priority.value for priority in SeededAxis]
    pages = pages_of(services.reports.write_pdf(tid, OPTIONS, tmp_path / "rapport.pdf", TODAY))
    contents = pages[1]
    text = " ".join(pages)
    axes_part = text[text.index("Avancement par axe INN – Innovation") :]
    for axis in seeded:
        title = f"{axis.code} – {axis.label}"
        assert title in contents, title  # in the contents, with its page
        assert title in axes_part, title
    empty = axes_part[axes_part.index("TEC – Transition écologique") :]
    assert empty.startswith(f"TEC – Transition écologique {EMPTY_AXIS}")
    for code in ("INN", "COM", "FON"):
        part = axes_part[axes_part.index(f"{code} – ") :]
        assert not part.startswith(f"{code} – {SeededAxis(code).label} {EMPTY_AXIS}")
        assert "1 fiche-action" in part[:400]
    # The data the PDF carries lists the empty axis too, with no action.
    document = read_attachment((tmp_path / "rapport.pdf").read_bytes())
    listed = {axis["code"]: sum(axis["status_counts"].values()) for axis in document["data"]["axes"]}
    assert listed == {"INN": 1, "COM": 1, "FON": 1, "TEC": 0}


def test_the_minutes_show_the_four_priorities(opened: OpenDatabase, tmp_path: Path) -> None:
    services = opened.services
    tid, actions = plan_without_ecological_transition(services)
    meeting = services.steering.create(tid, TODAY, held_on=TODAY, propose=False)
    services.agenda.create(meeting_id=meeting.id, title="Point sur le fab lab", action_id=actions["INN-01"], position=1)
    services.decisions.create(meeting_id=meeting.id, action_id=actions["INN-01"], text="Lancer la consultation")
    services.decisions.create(meeting_id=meeting.id, action_id=actions["FON-01"], text="Saisir l'EPF")
    text = " ".join(pages_of(services.minutes.write_pdf(meeting.id, tmp_path / "cr.pdf", TODAY)))
    table = text[text.index(PRIORITIES) : text.index("Points examinés")]
    axes = {axis.code: axis.label for axis in services.axes.available_to(tid)}
    assert re.search(rf"INN – {axes['INN']} Point 1 1 décision", table), table
    assert f"COM – {axes['COM']} {EMPTY_PRIORITY} 0 décision" in table
    assert f"FON – {axes['FON']} {EMPTY_PRIORITY} 1 décision" in table  # a decision, though not on the agenda
    assert f"TEC – {axes['TEC']} {EMPTY_PRIORITY} 0 décision" in table


def test_the_regional_synthesis_shows_the_four_priorities(opened: OpenDatabase, tmp_path: Path) -> None:
    services = opened.services
    tid, _actions = plan_without_ecological_transition(services)
    services.reports.write_pdf(tid, OPTIONS, tmp_path / "rapport.pdf", TODAY)
    data = read_attachment((tmp_path / "rapport.pdf").read_bytes())["data"]
    data["axes"] = [axis for axis in data["axes"] if axis["code"] != "COM"]  # an older report, its empty axes left out
    reports = [received(data, "rapport.pdf")]
    view = consolidate(reports, TODAY)
    stream = io.BytesIO()
    build_regional_synthesis(view, synthesis_document(view, reports, "1.4.0"), stream)
    text = " ".join(pages_of(stream.getvalue()))
    table = text[text.index("Totaux par axe") : text.index("Totaux par financeur")]
    assert "INN Innovation 1 1" in table
    assert f"COM Compétences {EMPTY_REGIONAL_AXIS}" in table
    assert f"TEC Transition écologique {EMPTY_REGIONAL_AXIS}" in table
    totals = {axis.code: axis.territories for axis in view.axes}
    assert totals["TEC"] == 0 and totals["INN"] == 1  # a territory counts on an axis where it has actions
