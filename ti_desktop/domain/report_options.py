"""What a progress report (rapport d'avancement) contains: its period, sections, annex and logo,
and what the contrôle avant envoi finds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ti_desktop.domain.enums import LabelledEnum
from ti_desktop.domain.errors import ValidationError
from ti_desktop.kernel.formatting import format_date


class ReportSection(LabelledEnum):
    SYNTHESE = "synthese", "Synthèse"
    AXES = "axes", "Avancement par axe"
    FINANCEMENT = "financement", "Financement"
    INDICATEURS = "indicateurs", "Indicateurs"
    JALONS = "jalons", "Jalons"
    EVOLUTIONS = "evolutions", "Évolutions depuis le dernier rapport"


ALL_SECTIONS: frozenset[ReportSection] = frozenset(ReportSection)


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """The period covered (both days included), the sections printed, the annex and an optional logo."""

    period_from: dt.date
    period_to: dt.date
    sections: frozenset[ReportSection] = field(default=ALL_SECTIONS)
    annex: bool = False
    logo: Path | None = None

    def __post_init__(self) -> None:
        if self.period_to < self.period_from:
            raise ValidationError(
                "period_to",
                "Fin de la période",
                f"le {format_date(self.period_to)} est antérieur au début de la période "
                f"({format_date(self.period_from)}).",
            )
        if not self.sections:
            raise ValidationError("sections", "Sections", "choisissez au moins une section à imprimer.")

    def includes(self, section: ReportSection) -> bool:
        return section in self.sections

    @property
    def period_label(self) -> str:
        return f"du {format_date(self.period_from)} au {format_date(self.period_to)}"


class FindingKind(LabelledEnum):
    """What would make the report weak (contrôle avant envoi)."""

    SANS_PORTEUR = "sans_porteur", "Action sans porteur"
    SANS_DATES = "sans_dates", "Action sans dates"
    SANS_BUDGET = "sans_budget", "Action sans budget"
    SANS_POINT = "sans_point", "Aucun point d'avancement sur la période"
    INDICATEUR_SANS_VALEUR = "indicateur_sans_valeur", "Indicateur sans mesure"
    SANS_CHEF_DE_PROJET = "sans_chef_de_projet", "Chef de projet non désigné"


@dataclass(frozen=True, slots=True)
class ReportFinding:
    """One weakness of the report, pointing at the fiche-action or the indicator to complete."""

    kind: FindingKind
    action_id: int | None
    indicator_id: int | None
    message: str
