"""Writing a PDF document to its file: the data gathered, then drawn into a temporary file of the same
folder renamed over the target (`kernel.files.write_atomically`), with progress from 0 to 100 and a check
for cancellation between blocks. On failure or cancellation the previous file is intact and no temporary
file remains."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

from ti_desktop.kernel.files import write_atomically
from ti_desktop.kernel.progress import Progress

Data = TypeVar("Data")
GATHERED = 10  # share of the progress bar once the data is gathered; drawing takes the rest


def write_pdf_file(
    output: Path,
    what: str,
    gather: Callable[[], Data],
    draw: Callable[[Data, BinaryIO, Progress], None],
    progress: Progress | None,
    stop_if_cancelled: Callable[[], None],
) -> Path:
    """Write `draw(gather())` to `output`; `stop_if_cancelled` raises to stop. `what` names the document
    in the errors ("le rapport")."""

    def report(done: int, total: int) -> None:
        if progress is not None:
            progress(done, total)

    stop_if_cancelled()
    report(0, 100)
    data = gather()
    stop_if_cancelled()
    report(GATHERED, 100)

    def step(done: int, total: int) -> None:
        stop_if_cancelled()
        report(GATHERED + ((99 - GATHERED) * done) // max(total, 1), 100)

    def write(temporary: Path) -> None:
        with open(temporary, "wb") as stream:
            draw(data, stream, step)

    write_atomically(output, write, what=what)
    report(100, 100)
    return output
