"""Writing the regional synthesis of the received reports: a PDF that carries its data, or an xlsx workbook
that does too, chosen by the file's suffix, written atomically (on failure or cancellation the previous file is
intact and no temporary file remains)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from ti_desktop import __version__
from ti_desktop.domain.consolidation import ConsolidatedView, ReceivedReport, consolidate
from ti_desktop.domain.data_documents import SealedDocument
from ti_desktop.exchange.synthesis_workbook import write_synthesis_xlsx
from ti_desktop.kernel.errors import TiDesktopError
from ti_desktop.kernel.files import write_atomically
from ti_desktop.kernel.progress import CancelCheck, Cancelled, Progress
from ti_desktop.reports.regional_synthesis import build_regional_synthesis
from ti_desktop.reports.synthesis_document import synthesis_document
from ti_desktop.services.pdf_output import write_pdf_file

WHAT = "la synthèse régionale"


class SynthesisCancelled(Cancelled):
    pass


class ReceivedReports(Protocol):
    """What the synthesis needs of the consolidation (`services.consolidation.ConsolidationService`)."""

    def received(self) -> list[ReceivedReport]: ...


@dataclass(frozen=True, slots=True)
class _Synthesis:
    view: ConsolidatedView
    document: SealedDocument


def _draw(content: _Synthesis, stream: BinaryIO, step: Progress) -> None:
    build_regional_synthesis(content.view, content.document, stream, step)


class SynthesisService:
    def __init__(self, consolidation: ReceivedReports) -> None:
        self._consolidation = consolidation

    def gather(self, today: dt.date) -> tuple[ConsolidatedView, Sequence[ReceivedReport]]:
        """The consolidated view of the stored reports, and those reports (one reading of the base)."""
        reports = self._consolidation.received()
        return consolidate(reports, today), reports

    def write(
        self,
        output: Path,
        today: dt.date,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> Path:
        """Write the synthesis to `output` (.pdf or .xlsx) and return its absolute path."""
        output = Path(output).expanduser().absolute()
        suffix = output.suffix.casefold()
        if suffix not in (".pdf", ".xlsx"):
            raise TiDesktopError(
                f"Choisissez un fichier .pdf ou .xlsx pour la synthèse : « {output.name} » n'est ni l'un ni l'autre."
            )

        def stop_if_cancelled() -> None:
            if cancelled is not None and cancelled():
                raise SynthesisCancelled(f"Synthèse régionale annulée : « {output.name} » n'a pas été modifié.")

        def gather() -> _Synthesis:
            view, reports = self.gather(today)
            if not view.territories:
                raise TiDesktopError(
                    f"Aucun rapport d'avancement n'a encore été reçu : ajoutez les rapports des territoires avant "
                    f"d'écrire la synthèse régionale (« {output.name} » n'a pas été écrit)."
                )
            return _Synthesis(view, synthesis_document(view, reports, __version__))

        if suffix == ".pdf":
            return write_pdf_file(output, WHAT, gather, _draw, progress, stop_if_cancelled)

        stop_if_cancelled()
        if progress is not None:
            progress(0, 100)
        content = gather()
        stop_if_cancelled()

        def write(temporary: Path) -> None:
            write_synthesis_xlsx(content.view, content.document, temporary)

        write_atomically(output, write, what=WHAT)
        if progress is not None:
            progress(100, 100)
        return output
