"""A shared base's password: never in the address; PostgreSQL's own means first (PGPASSWORD, .pgpass), then the
keychain, then the person, asked again when refused; on a real server where the role needs a password (CI's
server asks one of the members of `ti_mot_de_passe`: see .ci/run)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from ti_desktop.db.errors import DatabaseError
from ti_desktop.services.maintenance import Credentials, PasswordAnswer, open_server_services

from ..clock import fixed_clock
from .conftest import SharedBase, quoted

PASSWORD_GROUP = "ti_mot_de_passe"
SECRET = "Sésame, ouvre-toi ! 'quote' \"double\""


class MemoryStore:
    def __init__(self) -> None:
        self.saved: dict[str, str] = {}

    def get(self, key: str) -> str | None:
        return self.saved.get(key)

    def set(self, key: str, password: str) -> bool:
        self.saved[key] = password
        return True

    def forget(self, key: str) -> None:
        self.saved.pop(key, None)


@pytest.fixture
def guarded(shared_base: SharedBase) -> Iterator[str]:
    """A role that must give its password, on a migrated base; its address (no password in it)."""
    owner = open_server_services(shared_base.url(shared_base.owner), clock=fixed_clock())
    territory = owner.services.territories.create_empty("Vallée gardée")
    role = shared_base.role("anne")
    admin = create_engine(shared_base.admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            if (
                connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": PASSWORD_GROUP}).first()
                is None
            ):
                connection.execute(text(f"CREATE ROLE {PASSWORD_GROUP} NOLOGIN"))
            secret = SECRET.replace("'", "''")
            connection.execute(text(f"ALTER ROLE {quoted(role)} PASSWORD '{secret}'"))
            connection.execute(text(f"GRANT {PASSWORD_GROUP} TO {quoted(role)}"))
        owner.services.access.grant(role, territory.name, "lecture")
    finally:
        admin.dispose()
        owner.close()
    url = shared_base.url(role)
    probe = create_engine(url)
    try:
        with probe.connect():
            pytest.skip("ce serveur de test ne demande pas de mot de passe (voir .ci/run : pg_hba.conf)")
    except Exception:
        pass
    finally:
        probe.dispose()
    yield url


def test_the_person_is_asked_again_when_refused_and_the_keychain_remembers(guarded: str) -> None:
    asked: list[tuple[str, bool]] = []
    answers = iter([PasswordAnswer("mauvais"), PasswordAnswer(SECRET, remember=True)])

    def prompt(address: str, refused: bool) -> PasswordAnswer | None:
        asked.append((address, refused))
        return next(answers)

    store = MemoryStore()
    opened = open_server_services(guarded, clock=fixed_clock(), credentials=Credentials(prompt, store))
    try:
        assert [t.name for t in opened.services.territories.list()] == ["Vallée gardée"]
    finally:
        opened.close()
    assert [refused for _address, refused in asked] == [False, True]
    assert SECRET not in asked[0][0] and "127.0.0.1" in asked[0][0]
    assert list(store.saved.values()) == [SECRET] and SECRET not in next(iter(store.saved))
    # Next time the keychain answers: nobody is asked.
    never = Credentials(lambda _a, _r: pytest.fail("asked although the keychain knows"), store)
    open_server_services(guarded, clock=fixed_clock(), credentials=never).close()


def test_cancelling_or_three_refusals_open_nothing_and_say_so(guarded: str) -> None:
    with pytest.raises(DatabaseError, match="annulée : aucun mot de passe donné"):
        open_server_services(guarded, clock=fixed_clock(), credentials=Credentials(lambda _a, _r: None))
    wrong = Credentials(lambda _a, _r: PasswordAnswer("faux", remember=True), MemoryStore())
    with pytest.raises(DatabaseError, match="Mot de passe refusé 3 fois"):
        open_server_services(guarded, clock=fixed_clock(), credentials=wrong)
    assert wrong.store is not None and wrong.store.get("x") is None  # a refused password is never kept


def test_pgpassword_and_pgpass_serve_scripts_without_asking(
    guarded: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nobody = Credentials(lambda _a, _r: pytest.fail("asked although PostgreSQL's own means give it"))
    monkeypatch.setenv("PGPASSWORD", SECRET)
    open_server_services(guarded, clock=fixed_clock(), credentials=nobody).close()
    monkeypatch.delenv("PGPASSWORD")
    url = make_url(guarded)
    escaped = SECRET.replace("\\", "\\\\").replace(":", "\\:")
    pgpass = tmp_path / "pgpass.conf"
    pgpass.write_text(f"{url.host}:{url.port}:{url.database}:{url.username}:{escaped}\n", encoding="utf-8")
    pgpass.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    open_server_services(guarded, clock=fixed_clock(), credentials=nobody).close()


def test_without_any_means_a_script_is_told_where_to_put_the_password(guarded: str) -> None:
    with pytest.raises(DatabaseError, match=r"demande un mot de passe .* fichier \.pgpass .* PGPASSWORD"):
        open_server_services(guarded, clock=fixed_clock())


def test_a_password_in_the_address_is_refused_before_any_connection(guarded: str) -> None:
    with_password = make_url(guarded).set(password=SECRET).render_as_string(hide_password=False)
    with pytest.raises(DatabaseError, match="Le mot de passe ne doit pas figurer dans l'adresse") as caught:
        open_server_services(with_password, clock=fixed_clock())
    assert SECRET not in caught.value.message and "***" in caught.value.message


def test_the_window_asks_for_the_password_in_a_dialog_without_echo(
    qtbot: QtBot, guarded: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtWidgets import QLabel, QLineEdit

    from ti_desktop.app import GuiController
    from ti_desktop.gui.dialogs.server_password import ServerPasswordDialog
    from ti_desktop.paths import UserDirs

    settings = QSettings(str(tmp_path / "reglages.ini"), QSettings.Format.IniFormat)
    controller = GuiController(UserDirs(tmp_path / "donnees", tmp_path / "journaux"), settings, fixed_clock())
    shown: list[ServerPasswordDialog] = []
    typed = iter(["mauvais", SECRET])

    def dialog(address: str, refused: bool) -> ServerPasswordDialog:
        window = ServerPasswordDialog(address, refused)
        shown.append(window)

        def type_and_connect() -> None:
            window.password_edit.insert(next(typed))  # pasted: QTest types ASCII only, the secret has « é »
            qtbot.mouseClick(window.connect_button, Qt.MouseButton.LeftButton)

        QTimer.singleShot(0, type_and_connect)
        return window

    monkeypatch.setattr(controller, "password_dialog", dialog)
    monkeypatch.setattr("ti_desktop.services.keychain.KeyringStore.get", lambda _self, _key: None)
    try:
        assert controller.open_server(guarded)
        assert controller.window is not None
        assert [t.name for t in controller.window.services.territories.list()] == ["Vallée gardée"]
    finally:
        controller.close()
    assert [d.refused_label.isVisibleTo(d) for d in shown] == [False, True]
    assert all(d.password_edit.echoMode() is QLineEdit.EchoMode.Password for d in shown)
    assert "Vallée" not in shown[0].windowTitle() and "127.0.0.1" in shown[0].findChildren(QLabel)[0].text()
    assert SECRET not in settings.allKeys() and all(SECRET not in str(settings.value(k)) for k in settings.allKeys())


def test_a_system_without_a_keychain_says_the_password_was_not_kept(guarded: str) -> None:
    class NoKeychain(MemoryStore):
        def set(self, key: str, password: str) -> bool:
            return False

    told: list[str] = []
    answers = Credentials(lambda _a, _r: PasswordAnswer(SECRET, remember=True), NoKeychain(), told.append)
    open_server_services(guarded, clock=fixed_clock(), credentials=answers).close()
    assert len(told) == 1 and "n'a pas été gardé" in told[0] and ".pgpass" in told[0]
