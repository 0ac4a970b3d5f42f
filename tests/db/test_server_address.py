"""A shared base's address: never a password in it, and TLS by default once a network is between."""

from __future__ import annotations

import pytest

from ti_desktop.db.errors import DatabaseError
from ti_desktop.db.server import credential_key, parse_server_url, shown


@pytest.mark.parametrize(
    "address",
    [
        "postgresql+psycopg://chef_de_projet:motdepasse@serveur:5432/ti_desktop",
        "postgresql://chef_de_projet:@db.region.fr/ti",
    ],
)
def test_a_password_in_the_address_is_refused_without_showing_it(address: str) -> None:
    with pytest.raises(DatabaseError, match="Le mot de passe ne doit pas figurer dans l'adresse") as caught:
        parse_server_url(address)
    assert "motdepasse" not in caught.value.message and ".pgpass" in caught.value.message


@pytest.mark.parametrize(
    ("address", "sslmode"),
    [
        ("postgresql+psycopg://marie@db.grandest.fr:5432/ti", "require"),
        ("postgresql://marie@10.0.0.12/ti", "require"),
        ("postgresql+psycopg://marie@db.grandest.fr/ti?sslmode=verify-full&sslrootcert=ca.pem", "verify-full"),
        ("postgresql+psycopg://marie@db.grandest.fr/ti?sslmode=disable", "disable"),  # said explicitly
        ("postgresql+psycopg://marie@localhost/ti", None),
        ("postgresql+psycopg://marie@127.0.0.1:5433/ti", None),
        ("postgresql+psycopg://marie@/ti?host=/var/run/postgresql", None),  # a Unix socket
    ],
)
def test_tls_is_required_off_this_computer_unless_the_address_says_otherwise(address: str, sslmode: str | None) -> None:
    assert parse_server_url(address).query.get("sslmode") == sslmode


def test_the_keychain_entry_names_the_role_host_port_and_base_only() -> None:
    url = parse_server_url("postgresql+psycopg://marie@db.grandest.fr/ti")
    assert credential_key(url) == "marie@db.grandest.fr:5432/ti"
    assert shown(url) == "postgresql+psycopg://marie@db.grandest.fr/ti?sslmode=require"
