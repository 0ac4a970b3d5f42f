"""The operating system's keychain, through the well-kept `keyring` library: Windows Credential Manager, macOS
Keychain, the Secret Service (GNOME Keyring, KWallet) on Linux. Where none is available (a server without a
desktop session), nothing is remembered and the person is asked each time: never a clear-text file of ours."""

from __future__ import annotations

import logging

SERVICE = "TI Desktop — base partagée"

log = logging.getLogger(__name__)


class KeyringStore:
    """Passwords of shared bases, by address (`db.server.credential_key`: role@host:port/base)."""

    def __init__(self, service: str = SERVICE) -> None:
        self.service = service

    def get(self, key: str) -> str | None:
        try:
            import keyring

            return keyring.get_password(self.service, key)
        except Exception as error:
            log.info("keychain unavailable for reading: %s", type(error).__name__)
            return None

    def set(self, key: str, password: str) -> bool:
        """False when the system has no keychain (the password is then not kept anywhere)."""
        try:
            import keyring

            keyring.set_password(self.service, key, password)
            return True
        except Exception as error:
            log.info("keychain unavailable for writing: %s", type(error).__name__)
            return False

    def forget(self, key: str) -> None:
        try:
            import keyring

            keyring.delete_password(self.service, key)
        except Exception as error:
            log.info("keychain entry not removed: %s", type(error).__name__)
