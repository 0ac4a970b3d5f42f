"""Who wrote this report? Its cover names the territory's chef de projet (the governance of the page Territoire),
and the contrôle avant envoi flags a territory that has none, in French, saying where to designate one. Read
back from the PDF with pypdf and compared with the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pypdf import PdfReader

from ti_desktop.domain.enums import ActorKind, GovernanceRole
from ti_desktop.domain.report_options import FindingKind, ReportOptions
from ti_desktop.reports.data import NOT_NAMED
from ti_desktop.services.report_check import NO_CHEF_DE_PROJET

from .conftest import TODAY, World

OPTIONS = ReportOptions(dt.date(2026, 1, 1), dt.date(2026, 11, 30))


def cover_of(pdf: Path) -> str:
    reader = PdfReader(pdf)
    return " ".join(reader.pages[0].extract_text().replace("\u202f", " ").replace("\xa0", " ").split())


def chef_findings(world: World) -> list[str]:
    return [
        finding.message
        for finding in world.services.reports.pre_send_check(world.territory.id, OPTIONS, TODAY)
        if finding.kind is FindingKind.SANS_CHEF_DE_PROJET
    ]


def test_a_territory_without_chef_de_projet_is_flagged_and_its_cover_says_so(world: World, tmp_path: Path) -> None:
    world.action(code="INN-01")
    findings = world.services.reports.pre_send_check(world.territory.id, OPTIONS, TODAY)
    (finding,) = [finding for finding in findings if finding.kind is FindingKind.SANS_CHEF_DE_PROJET]
    assert findings[0] is finding  # the territory's own point comes first
    assert finding.action_id is None and finding.indicator_id is None
    assert finding.message == NO_CHEF_DE_PROJET
    assert "aucun chef de projet n'est désigné" in finding.message and "page Territoire" in finding.message
    assert FindingKind.SANS_CHEF_DE_PROJET.label == "Chef de projet non désigné"
    output = world.services.reports.write_pdf(world.territory.id, OPTIONS, tmp_path / "rapport.pdf", TODAY)
    cover = cover_of(output)
    assert f"Chef de projet {NOT_NAMED}" in cover
    assert "Chef de projet —" not in cover


def test_the_cover_names_the_governance_chef_de_projet(world: World, tmp_path: Path) -> None:
    services = world.services
    world.action(code="INN-01")
    julien = services.actors.create(name="Julien Marchal", organisation="PETR du Pays de Sarre", kind=ActorKind.AUTRE)
    services.roles.create(territory_id=world.territory.id, actor_id=julien.id, role=GovernanceRole.CHEF_DE_PROJET)
    assert chef_findings(world) == []
    output = world.services.reports.write_pdf(world.territory.id, OPTIONS, tmp_path / "rapport.pdf", TODAY)
    roles = services.roles.list(territory_id=world.territory.id)
    (chef,) = [services.actors.get(role.actor_id) for role in roles if role.role is GovernanceRole.CHEF_DE_PROJET]
    assert f"Chef de projet {chef.display_name}" in cover_of(output)
    metadata = PdfReader(output).metadata
    assert metadata is not None and metadata["/Author"] == chef.display_name
