"""The jobs of the import wizard and of the export and indicator-import dialogs: each calls one service method,
run by the window's one `JobRunner` (gui/jobs.py). A cancellation is the service's `kernel.progress.Cancelled`
(`ImportCancelled`, `ExportCancelled`, `IndicatorImportCancelled`), which the runner recognises by itself."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ti_desktop.gui.jobs import Job
from ti_desktop.services.exporting import ExportFormat, ExportService, TetExportLayout
from ti_desktop.services.importing import ImportRefusedError, ImportService
from ti_desktop.services.indicator_import import IndicatorImportRefusedError, IndicatorImportService


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExchangeJob", text)


# -- the jobs of the import wizard and the dialogs -------------------------------------------------------------


def inspect_job(imports: ImportService, path: Path) -> Job:
    return Job(
        lambda _progress, _cancelled: imports.inspect(path),
        unexpected=_tr("Erreur inattendue pendant la lecture du fichier : {error}"),
    )


def import_preview_job(
    imports: ImportService, territory_id: int, path: Path, sheet: str | None, mapping: Mapping[str, str] | None
) -> Job:
    return Job(
        lambda progress, cancelled: imports.preview(
            territory_id, path, sheet=sheet, mapping=mapping, progress=progress, cancelled=cancelled
        ),
        unexpected=_tr("Erreur inattendue pendant la vérification du fichier : {error}"),
    )


def import_apply_job(
    imports: ImportService, territory_id: int, path: Path, sheet: str | None, mapping: Mapping[str, str] | None
) -> Job:
    return Job(
        lambda progress, cancelled: imports.apply(
            territory_id, path, sheet=sheet, mapping=mapping, progress=progress, cancelled=cancelled
        ),
        unexpected=_tr("Erreur inattendue pendant l'import : {error}. Rien n'a été écrit."),
        refusal_errors=(ImportRefusedError,),
        writes=True,
    )


def export_job(
    exports: ExportService,
    territory_id: int,
    fmt: ExportFormat,
    output: Path,
    include_confidential: bool,
    *,
    tet_layout: TetExportLayout = "template",
) -> Job:
    return Job(
        lambda progress, cancelled: exports.export(
            territory_id,
            fmt,
            output,
            include_confidential=include_confidential,
            tet_layout=tet_layout,
            progress=progress,
            cancelled=cancelled,
        ),
        unexpected=_tr("Erreur inattendue pendant l'export : {error}"),
        writes=True,
    )


def indicator_preview_job(indicators: IndicatorImportService, territory_id: int, path: Path) -> Job:
    return Job(
        lambda progress, cancelled: indicators.preview(territory_id, path, progress=progress, cancelled=cancelled),
        unexpected=_tr("Erreur inattendue pendant la vérification du fichier : {error}"),
    )


def indicator_apply_job(indicators: IndicatorImportService, territory_id: int, path: Path) -> Job:
    return Job(
        lambda progress, cancelled: indicators.apply(territory_id, path, progress=progress, cancelled=cancelled),
        unexpected=_tr("Erreur inattendue pendant l'import des valeurs : {error}. Rien n'a été écrit."),
        refusal_errors=(IndicatorImportRefusedError,),
        writes=True,
    )
