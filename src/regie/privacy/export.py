"""The access export for a data subject (AVG art. 15): what Regie holds, every consultation of it, and every
retrieval from the BRP about the person that Regie still records (when, by which organisation, for which purpose).

Per CJEU C-579/21 the data subject learns the dates and purposes of the consultations and which organisation
consulted; the employees are not named (the organisation and role suffice unless naming them is needed). Under the
WGS the one request covers every joint controller in Regie, so consultations by every partner are included.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from django.utils import timezone

from regie.access import privacy_access
from regie.privacy.models import DataSubjectRequest, Withholding
from regie.privacy.selectors import Consultation, consultations_of
from regie.subjects.extensions import SubjectExportSection, subject_exports


@dataclass(frozen=True)
class AccessExport:
    request: DataSubjectRequest
    holdings: privacy_access.Holdings
    consultations: list[Consultation]
    # Each time the BRP was asked about the person (when, by which organisation and role, for which purpose).
    brp_retrievals: list[privacy_access.BrpRetrievalHolding]
    # What the themes (PGA, case meetings) hold, contributed through subjects.extensions.subject_exports.
    sections: list[SubjectExportSection]
    # Parts held back on a legal ground (AVG art. 23, UAVG art. 41), already left out of the lists above.
    withheld: list[Withholding]
    # Every part the officer may hold back (key → label), before withholding.
    withholdable_items: dict[str, str]

    @property
    def withheld_keys(self) -> set[str]:
        return {w.item for w in self.withheld}

    @property
    def grounds(self) -> list[str]:
        """The legal exceptions applied, each once (the data subject is told these, not what was held back)."""
        return sorted({w.get_ground_display() for w in self.withheld})

    @property
    def organisations(self) -> list[str]:
        """The organisations that consulted the data, each once."""
        return sorted({c.organisation for c in self.consultations})

    def as_json(self) -> dict[str, Any]:
        person = self.holdings.person
        address = person.address

        def plain(value: Any) -> Any:
            if isinstance(value, datetime):
                return timezone.localtime(value).isoformat()
            if isinstance(value, date):
                return value.isoformat()
            return value

        def camel(row: dict[str, Any]) -> dict[str, Any]:
            out = {}
            for key, value in row.items():
                head, *rest = key.split("_")
                out[head + "".join(w.capitalize() for w in rest)] = plain(value)
            return out

        return {
            "verzoek": {
                "kenmerk": self.request.reference,
                "ontvangenOp": self.request.received_on.isoformat(),
                "uitersteDatum": self.request.due.isoformat(),
                "samengesteldOp": timezone.localtime().isoformat(),
                "verwerkingsverantwoordelijken": "Alle gezamenlijk verwerkingsverantwoordelijken in Regie (WGS)",
            },
            "persoon": {
                key: value
                for key, value in {
                    "naam": str(person),
                    "bsn": person.bsn,
                    "geboortedatum": plain(person.birth_date),
                    "adres": f"{address.street} {address.house_number}{address.house_letter}, {address.city}"
                    if address
                    else None,
                    "email": person.email or None,
                    "telefoon": person.phone or None,
                }.items()
                if f"persoon:{key}" not in self.withheld_keys
            },
            "wettelijkeUitzonderingen": self.grounds,
            "casussen": [camel(asdict(c)) for c in self.holdings.cases],
            "signalen": [camel(asdict(s)) for s in self.holdings.signals],
            "kavels": [camel(asdict(lot)) for lot in self.holdings.lots],
            "brpBevragingen": [
                {
                    "opgevraagdOp": plain(r.retrieved_at),
                    "organisatie": r.organisation,
                    "rol": r.role,
                    "doel": r.purpose,
                    "wat": r.what,
                }
                for r in self.brp_retrievals
            ],
            "themas": [
                {
                    "titel": section.title,
                    "gegevenscategorieen": list(section.categories),
                    "regels": [dict(zip(section.columns, row, strict=True)) for row in section.rows],
                }
                for section in self.sections
            ],
            "raadplegingen": [camel(asdict(c)) for c in self.consultations],
        }


PERSON_PARTS = {"adres": "Adres", "email": "E-mailadres", "telefoon": "Telefoonnummer"}
BRP_ITEM = "brp:bevragingen"


def access_export(user: Any, dsr: DataSubjectRequest) -> AccessExport:
    """Compose the export without the parts held back (the caller logs the read, naming the person)."""
    holdings = privacy_access.holdings_of(user, dsr.person)
    sections = [section for source in subject_exports if (section := source(user, dsr.person)) is not None]
    consultations = consultations_of(dsr.person_id)
    brp_retrievals = privacy_access.brp_retrievals_of(user, dsr.person)
    items = {f"persoon:{key}": label for key, label in PERSON_PARTS.items()}
    if brp_retrievals:
        items[BRP_ITEM] = "Bevragingen van de BRP"
    items |= {f"casus:{c.number}": f"Casus {c.number} ({c.case_type})" for c in holdings.cases}
    items |= {f"signaal:{s.reference}": f"Signaal {s.reference}" for s in holdings.signals}
    items |= {f"thema:{section.title}": section.title for section in sections}
    items |= {
        f"raadplegingen:{organisation}": f"Raadplegingen door {organisation}"
        for organisation in sorted({c.organisation for c in consultations})
    }
    withheld = list(dsr.withholdings.select_related("approved_by"))
    keys = {w.item for w in withheld}
    holdings.cases = [c for c in holdings.cases if f"casus:{c.number}" not in keys]
    holdings.signals = [s for s in holdings.signals if f"signaal:{s.reference}" not in keys]
    sections = [section for section in sections if f"thema:{section.title}" not in keys]
    consultations = [c for c in consultations if f"raadplegingen:{c.organisation}" not in keys]
    if BRP_ITEM in keys:
        brp_retrievals = []
    return AccessExport(dsr, holdings, consultations, brp_retrievals, sections, withheld, items)
