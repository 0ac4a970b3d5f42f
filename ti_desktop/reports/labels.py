"""The domain's field labels the PDFs name their facts and columns by (`domain.records`, the fiche's words): one word
per field in the fiche, the plan, the reports and the export."""

from __future__ import annotations

from ti_desktop.domain.entities import ACTION

LEAD = ACTION.fields["lead_actor_id"].label  # « Porteur »
PILOT = ACTION.fields["pilot_actor_id"].label  # « Pilote »
STATUS = ACTION.fields["status"].label  # « Statut »
PROGRESS = ACTION.fields["progress"].label  # « Avancement »
