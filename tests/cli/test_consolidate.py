"""`ti-desktop consolidate`: the Région adds its territories' reports from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ti_desktop.domain.enums import ActionStatus
from ti_desktop.kernel.formatting import format_euros, format_number

from ..consolidation_world import Territories, three_territories
from .conftest import Run


@pytest.fixture(scope="module")
def received(tmp_path_factory: pytest.TempPathFactory) -> Territories:
    return three_territories(tmp_path_factory.mktemp("territoires"))


def test_consolidate_prints_each_report_and_the_key_figures(run: Run, received: Territories, tmp_path: Path) -> None:
    base = tmp_path / "region.sqlite3"
    code, out, err = run("consolidate", "--db", str(base), *map(str, received.pdfs))
    assert code == 0, err
    lines = out.splitlines()
    for pdf, name in zip(received.pdfs, received.names, strict=True):
        assert f"{pdf.name} : rapport de {name} du 01/01/2026 au 30/06/2026 ajouté." in lines
    expected = received.expected
    projects = expected.actions - expected.by_status[ActionStatus.ABANDONNEE]
    assert lines[-1] == (
        f"3 rapports de 3 territoires : {format_number(projects)} projets, "
        f"{format_euros(expected.granted)} de financements accordés, "
        f"{format_number(expected.jobs_targeted)} emplois visés."
    )
    code, out, _ = run("consolidate", "--db", str(base), str(received.pdfs[0]))
    assert code == 0
    assert out.splitlines()[0].endswith("déjà reçu, inchangé.")
    code, out, _ = run("consolidate", "--db", str(base), "--list")
    assert code == 0
    assert len([line for line in out.splitlines() if line.startswith("n° ")]) == 3


def test_a_refused_file_exits_1_and_the_others_are_stored(run: Run, received: Territories, tmp_path: Path) -> None:
    base = tmp_path / "region.sqlite3"
    fake = tmp_path / "faux.pdf"
    fake.write_text("pas un PDF", encoding="utf-8")
    code, out, err = run("consolidate", "--db", str(base), str(fake), str(received.pdfs[1]))
    assert code == 1
    assert out.splitlines()[0].startswith("faux.pdf n'est pas un rapport TI Desktop : ")
    assert "1 fichier refusé" in err
    assert out.splitlines()[-1].startswith("1 rapport de 1 territoire : ")


def test_consolidate_without_files_says_what_to_give(run: Run, tmp_path: Path) -> None:
    code, _, err = run("consolidate", "--db", str(tmp_path / "region.sqlite3"))
    assert code == 1
    assert "donnez les rapports reçus" in err
