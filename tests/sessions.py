"""White-box access for tests: the sessionmaker behind a `Services`, to look at the rows its use cases wrote.

The application never hands it out (use cases return records); tests read the tables directly to check what
was — or was not — written.
"""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from ti_desktop.services.registry import Services


def sessions_of(services: Services) -> sessionmaker[Session]:
    return services._sessions
