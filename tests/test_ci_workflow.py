"""The GitHub Actions workflow (.github/workflows/ci.yml) gives the Windows, macOS and Ubuntu verdict we cannot
get here. It cannot run on our machines, so these checks read it: the three systems, the README's test command,
the packaging smoke test of each system, and only well-known actions."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("Installer et lancer les tests :", 1)[1]
    return re.search(r"```sh\n(.+?)\n```", section, re.S).group(1).strip()  # type: ignore[union-attr]


def test_the_workflow_runs_on_windows_macos_and_ubuntu() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    matrix = re.search(r"os: \[(.+?)\]", text)
    assert matrix is not None
    assert {name.strip() for name in matrix.group(1).split(",")} == {"windows-latest", "macos-latest", "ubuntu-latest"}
    assert "fail-fast: false" in text  # one system's failure does not hide another's verdict


def test_the_workflow_runs_the_readme_test_command_and_the_smoke_tests() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    assert readme_test_command() in text
    # Windows has no .venv/bin: the same steps with its paths.
    assert '.venv\\Scripts\\python -m pip install -e ".[test]"' in text and ".venv\\Scripts\\python -m pytest" in text
    assert "bash packaging/build.sh" in text and "packaging\\build.ps1" in text
    assert (ROOT / "packaging" / "build.sh").is_file() and (ROOT / "packaging" / "build.ps1").is_file()


def test_the_workflow_uses_only_github_s_own_actions() -> None:
    used = re.findall(r"uses: (\S+)", WORKFLOW.read_text(encoding="utf-8"))
    assert used and all(re.fullmatch(r"actions/[a-z-]+@v\d+", action) for action in used), used
