"""The cover page: logo, title, territory, period and the binôme élu–industriel."""

# mypy: disable-error-code="import-untyped"
# mypy: allow-subclassing-any
# (reportlab ships no type stubs)
from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ti_desktop.domain.enums import GovernanceRole
from ti_desktop.kernel.formatting import format_date
from ti_desktop.reports.data import NOT_NAMED, ReportData
from ti_desktop.reports.logo import logo
from ti_desktop.reports.progress.common import CONTENT_WIDTH, REQUESTED_WORDS, SECURED_WORDS, confidential_note
from ti_desktop.reports.styles import HEADER_BG, RULE, Styles


def cover(data: ReportData, styles: Styles) -> list[Flowable]:
    story: list[Flowable] = []
    if data.options.logo is not None:
        story += [logo(data.options.logo), Spacer(1, 0.6 * cm)]
    else:
        story.append(Spacer(1, 2.2 * cm))
    story += [
        styles.markup("Rapport d'avancement", styles.title),
        styles.p(data.territory, styles.subtitle),
        styles.markup(f"Période {escape(data.options.period_label)}", styles.cover_line),
        Spacer(1, 1.0 * cm),
    ]
    rows: list[tuple[str, str]] = [
        ("Région", data.region or "—"),
        ("Période couverte", data.options.period_label),
        ("Date du rapport", format_date(data.generated_on)),
        (GovernanceRole.CHEF_DE_PROJET.label, ", ".join(data.chef_de_projet) or NOT_NAMED),
        (GovernanceRole.ELU_REFERENT.label, ", ".join(data.elected_referents) or NOT_NAMED),
        (GovernanceRole.INDUSTRIEL_REFERENT.label, ", ".join(data.industrial_referents) or NOT_NAMED),
    ]
    if data.carrying_structure:
        rows.append(("Structure porteuse", data.carrying_structure))
    if data.departments:
        rows.append(("Départements", data.departments))
    if data.phase:
        rows.append(("Phase du programme", data.phase))
    table = Table(
        [[styles.cell_text(label, styles.cell_bold), styles.cell_text(value, styles.small)] for label, value in rows],
        colWidths=[4.2 * cm, CONTENT_WIDTH - 4.2 * cm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
                ("LINEBEFORE", (0, 0), (0, -1), 2.5, HEADER_BG),
            ]
        )
    )
    story += [
        styles.markup("<b>Binôme élu–industriel et pilotage</b>", styles.h3),
        table,
        Spacer(1, 1.2 * cm),
        styles.p(confidential_note(data), styles.muted),
        styles.p(
            f"{amounts_basis_note(data)} Financements {SECURED_WORDS}, {REQUESTED_WORDS} : un financement "
            "seulement envisagé n'est pas compté comme demandé.",
            styles.muted,
        ),
    ]
    return story


def amounts_basis_note(data: ReportData) -> str:
    """What the report's amounts are: HT, unless some were given TTC (kept as such, and said where they count)."""
    synthesis = data.synthesis
    has_ttc = synthesis is not None and (synthesis.planned_budget_ttc > 0 or synthesis.funding.ttc is not None)
    if not has_ttc:
        return "Montants en euros hors taxes."
    return (
        "Montants en euros hors taxes, sauf ceux que le plan donne TTC : ils ne sont pas convertis, et chaque total "
        "qui en compte dit sa part TTC (« dont … TTC »)."
    )
