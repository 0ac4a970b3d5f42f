"""The benchmarks' base generator writes a base the app opens, holding what its docstring promises."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from ti_desktop.kernel.clock import FixedClock
from ti_desktop.services.maintenance import check_database, open_services

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def load_bases() -> ModuleType:
    spec = importlib.util.spec_from_file_location("benchmark_bases", BENCHMARKS / "bases.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_generated_base_of_50_actions_opens_with_the_right_counts(tmp_path: Path) -> None:
    bases = load_bases()
    path = bases.ensure_base(50, cache=tmp_path)
    assert path.parent == tmp_path and path.is_file()
    report = check_database(path)
    assert report.up_to_date and report.integrity == "ok"
    opened = open_services(path, clock=FixedClock.on(bases.TODAY), create=False)
    try:
        territory = opened.services.territories.resolve(None)
        actions = opened.services.actions.for_territory(territory.id)
        assert len(actions) == 50
        assert len({action.axis_id for action in actions}) == 4
        assert sum(action.parent_id is not None for action in actions) == 5  # one sub-action in ten
        assert sum(action.confidential for action in actions) == 1  # one in fifty
        assert len(opened.services.actors.list()) == bases.ACTORS
    finally:
        opened.close()
    counts = report.counts
    assert 50 <= counts["funding_lines"] <= 150 and counts["milestones"] == 75 and counts["progress_updates"] == 17
    # Deterministic and cached: asked again, the same file, untouched.
    stamp = path.stat().st_mtime_ns
    assert bases.ensure_base(50, cache=tmp_path) == path and path.stat().st_mtime_ns == stamp
