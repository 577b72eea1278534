"""Demo cases (fictional): case types, persons, addresses, locations, businesses and about twenty cases.

Everything is written through the service functions, exactly as a user would, so the processing log, the timeline
and the case numbers are real. Idempotent: each object is looked up by its natural key (case type code, BSN, KvK
number, location name, case title) and only what is missing is created; running it twice changes nothing.
The data itself lives in `regie.demo.case_data`.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections import Counter

from django.db.models import Count, Q

from regie.access.case_access import get_case_for
from regie.accounts.models import Municipality, Organisation, User
from regie.cases.models import (
    BreakTheGlass,
    Case,
    CaseLink,
    CaseMember,
    CaseStatus,
    CaseType,
    Document,
    Note,
    Task,
)
from regie.cases.services.case import SubjectRef, case_close, case_create, case_link_create, case_update
from regie.cases.services.case_types import case_type_create
from regie.cases.services.documents import document_upload
from regie.cases.services.emergency import break_the_glass_start
from regie.cases.services.notes import note_create
from regie.cases.services.tasks import task_complete, task_create
from regie.cases.services.team import case_member_add
from regie.demo import case_data as data
from regie.demo import case_types as types
from regie.subjects.identity import generate_test_bsns, normalize_postcode
from regie.subjects.models import Address, Business, Location, Person
from regie.subjects.services import address_get_or_create, business_create, location_create, person_create

SOURCE = "demo"
LOT_HALF_WIDTH, LOT_HALF_HEIGHT = 0.00012, 0.00008  # a park lot of roughly 16 by 18 metres


# --- Generated files (tiny but valid, so content sniffing accepts them) ------------------------------------------


def _pdf_text(text: str) -> bytes:
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return escaped.encode("cp1252", errors="replace")


def demo_pdf(title: str, lines: list[str]) -> bytes:
    """A one-page PDF 1.4 with the lines in Helvetica (WinAnsi), marked as fictional demo data."""
    text = [b"BT /F1 11 Tf 14 TL 56 780 Td"]
    for i, line in enumerate(["DEMO - fictieve gegevens", "", *lines]):
        text.append((b"T* " if i else b"") + b"(" + _pdf_text(line) + b") Tj")
    text.append(b"ET")
    stream = b"\n".join(text)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title (" + _pdf_text(title) + b") /Producer (Regie demo) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def demo_png(caption: str) -> bytes:
    """A small RGB PNG of a building front with taped-over windows; the caption goes into a tEXt chunk."""
    width, height = 160, 100
    wall, tape, door, ground = (196, 190, 178), (40, 40, 44), (110, 80, 60), (120, 130, 110)
    windows = [(16, 20, 52, 50), (64, 20, 100, 50), (112, 20, 148, 50)]
    rows = bytearray()
    for y in range(height):
        rows.append(0)  # filter type: none
        for x in range(width):
            if y >= 88:
                pixel = ground
            elif any(x0 <= x < x1 and y0 <= y < y1 for x0, y0, x1, y1 in windows):
                pixel = tape
            elif 68 <= x < 92 and y >= 58:
                pixel = door
            else:
                pixel = wall
            rows += bytes(pixel)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    text = b"Title\x00" + caption.encode("latin-1", errors="replace")
    comment = b"Comment\x00DEMO - fictieve gegevens"
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"tEXt", text)
        + _png_chunk(b"tEXt", comment)
        + _png_chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + _png_chunk(b"IEND", b"")
    )


# --- Subjects ------------------------------------------------------------------------------------------------------


def _seed_case_types(actor: User, created: Counter[str]) -> dict[str, CaseType]:
    result: dict[str, CaseType] = {}
    for item in data.CASE_TYPES:
        existing = CaseType.objects.filter(code=item["code"]).first()
        if existing is None:
            existing = case_type_create(
                actor=actor,
                code=item["code"],
                label=item["label"],
                default_categories=item["categories"],
                retention_years=item["retention_years"],
            )
            created["case_types"] += 1
        result[item["code"]] = existing
    return result


def _seed_addresses(created: Counter[str]) -> dict[str, Address]:
    result: dict[str, Address] = {}
    for key, item in data.ADDRESSES.items():
        letter, addition = item.get("letter", ""), item.get("addition", "")
        if not Address.objects.filter(
            postcode=normalize_postcode(item["postcode"]),
            house_number=item["number"],
            house_letter=letter,
            addition=addition,
        ).exists():
            created["addresses"] += 1
        result[key] = address_get_or_create(
            actor=None,
            postcode=item["postcode"],
            house_number=item["number"],
            house_letter=letter,
            addition=addition,
            street=item["street"],
            city=item["city"],
        )
    return result


def _seed_persons(addresses: dict[str, Address], created: Counter[str]) -> dict[str, Person]:
    with_bsn = [key for key, item in data.PERSONS.items() if item.get("bsn", True)]
    bsns = dict(zip(with_bsn, generate_test_bsns(len(with_bsn), types.BSN_SEED), strict=True))
    result: dict[str, Person] = {}
    for key, item in data.PERSONS.items():
        bsn = bsns.get(key)
        active = Person.objects.filter(merged_into__isnull=True)
        if bsn:
            existing = active.filter(bsn=bsn).first()
        else:
            existing = active.filter(
                bsn__isnull=True,
                given_names=item["given_names"],
                surname=item["surname"],
                birth_date=item["birth_date"],
            ).first()
        if existing is None:
            address_key = item.get("address")
            existing = person_create(
                actor=None,
                given_names=item["given_names"],
                prefix=item.get("prefix", ""),
                surname=item["surname"],
                bsn=bsn,
                birth_date=item["birth_date"],
                phone=item.get("phone", ""),
                address=addresses[address_key] if address_key else None,
                source=SOURCE,
            )
            created["persons"] += 1
        result[key] = existing
    return result


def _geometry(item: types.LocationData) -> dict[str, object] | None:
    if "centre" in item:
        lon, lat = item["centre"]
        ring = [
            (lon - LOT_HALF_WIDTH, lat - LOT_HALF_HEIGHT),
            (lon + LOT_HALF_WIDTH, lat - LOT_HALF_HEIGHT),
            (lon + LOT_HALF_WIDTH, lat + LOT_HALF_HEIGHT),
            (lon - LOT_HALF_WIDTH, lat + LOT_HALF_HEIGHT),
            (lon - LOT_HALF_WIDTH, lat - LOT_HALF_HEIGHT),
        ]
        return {"type": "Polygon", "coordinates": [[[round(x, 6), round(y, 6)] for x, y in ring]]}
    if "polygon" in item:
        return {"type": "Polygon", "coordinates": [[[x, y] for x, y in item["polygon"]]]}
    if "point" in item:
        return {"type": "Point", "coordinates": list(item["point"])}
    return None


def _seed_locations(addresses: dict[str, Address], created: Counter[str]) -> dict[str, Location]:
    result: dict[str, Location] = {}
    for key, item in data.LOCATIONS.items():
        existing = Location.objects.filter(kind=item["kind"], name=item["name"]).first()
        if existing is None:
            address_key = item.get("address")
            existing = location_create(
                actor=None,
                kind=item["kind"],
                name=item["name"],
                address=addresses[address_key] if address_key else None,
                geometry=_geometry(item),
                description=item["description"],
            )
            created["locations"] += 1
        result[key] = existing
    return result


def _seed_businesses(addresses: dict[str, Address], created: Counter[str]) -> dict[str, Business]:
    result: dict[str, Business] = {}
    for key, item in data.BUSINESSES.items():
        existing = Business.objects.filter(kvk_number=item["kvk"]).first()
        if existing is None:
            existing = business_create(
                actor=None,
                kvk_number=item["kvk"],
                name=item["name"],
                branch=item["branch"],
                address=addresses[item["address"]],
            )
            created["businesses"] += 1
        result[key] = existing
    return result


# --- Cases ---------------------------------------------------------------------------------------------------------


class _Subjects:
    """The seeded subjects by their demo-data keys."""

    def __init__(
        self,
        persons: dict[str, Person],
        addresses: dict[str, Address],
        locations: dict[str, Location],
        businesses: dict[str, Business],
    ) -> None:
        self.persons, self.addresses = persons, addresses
        self.locations, self.businesses = locations, businesses

    def ref(self, role: str, kind: str, key: str) -> SubjectRef:
        if kind == "person":
            return SubjectRef(role=role, person=self.persons[key])
        if kind == "address":
            return SubjectRef(role=role, address=self.addresses[key])
        if kind == "location":
            return SubjectRef(role=role, location=self.locations[key])
        if kind == "business":
            return SubjectRef(role=role, business=self.businesses[key])
        raise ValueError(f"Onbekende soort betrokkene in de demodata: {kind}")


def _upload(author: User, case: Case, item: types.DocumentData) -> None:
    if item["filename"].endswith(".png"):
        content = demo_png(" ".join(item["lines"]))
    else:
        content = demo_pdf(item["title"], item["lines"])
    document_upload(
        actor=author,
        access=get_case_for(author, case.pk, log=False),
        category=item["category"],
        title=item["title"],
        document_type=item["document_type"],
        filename=item["filename"],
        content=io.BytesIO(content),
    )


def _seed_case(
    item: types.CaseData,
    *,
    municipality: Municipality,
    case_types: dict[str, CaseType],
    users: dict[str, User],
    organisations: dict[str, Organisation],
    subjects: _Subjects,
) -> Case:
    coordinator = users[item["coordinator"]]
    case = case_create(
        actor=coordinator,
        case_type=case_types[item["type"]],
        title=item["title"],
        coordinator=coordinator,
        municipality=municipality,
        priority=item["priority"],
        subjects=[subjects.ref(role, kind, key) for role, kind, key in item["subjects"]],
    )
    for member in item["members"]:
        user_key, org_key = member.get("user"), member.get("organisation")
        case_member_add(
            actor=coordinator,
            case=case,
            case_role=member["role"],
            categories=member["categories"],
            user=users[user_key] if user_key else None,
            organisation=organisations[org_key] if org_key else None,
            can_edit=member.get("can_edit", True),
        )
    done: list[Task] = []
    for task in item["tasks"]:
        created = task_create(
            actor=coordinator,
            case=case,
            title=task["title"],
            owner=users[task["owner"]],
            period=task.get("period"),
            working_days=task.get("working_days"),
        )
        if task.get("done"):
            done.append(created)
    for note in item["notes"]:
        author = users[note["author"]]
        note_create(
            actor=author,
            access=get_case_for(author, case.pk, log=False),
            category=note["category"],
            text=note["text"],
        )
    for document in item.get("documents", []):
        _upload(users[document["author"]], case, document)
    for task_done in done:
        task_complete(actor=task_done.owner, task=task_done, version=None)
    status = item["status"]
    if status != CaseStatus.OPEN:
        case = case_update(actor=coordinator, case=case, version=None, status=CaseStatus.IN_PROGRESS)
    if status == CaseStatus.STEPPED_DOWN:
        case = case_update(actor=coordinator, case=case, version=None, status=CaseStatus.STEPPED_DOWN)
    elif status == CaseStatus.CLOSED:
        case = case_close(actor=coordinator, case=case, version=None, reason=item.get("closed_reason", ""))
    return case


def _seed_links(cases: dict[str, Case], users: dict[str, User], created: Counter[str]) -> None:
    for link in data.LINKS:
        actor = users[link["actor"]]
        case = get_case_for(actor, cases[link["case"]].pk, log=False).case
        other = get_case_for(actor, cases[link["other"]].pk, log=False).case
        if CaseLink.objects.filter(
            Q(from_case=case, to_case=other) | Q(from_case=other, to_case=case)
        ).exists():
            continue
        case_link_create(actor=actor, case=case, other=other, reason=link["reason"])
        created["links"] += 1


def _seed_break_the_glass(cases: dict[str, Case], users: dict[str, User], created: Counter[str]) -> None:
    for item in data.BREAK_THE_GLASS:
        user, case = users[item["user"]], cases[item["case"]]
        if BreakTheGlass.objects.filter(user=user, case=case).exists():
            continue
        break_the_glass_start(actor=user, case_id=case.pk, reason=item["reason"])
        created["break_the_glass"] += 1


def _new(count: int) -> str:
    return f"{count} nieuw" if count else "niets nieuw"


def _report(
    created: Counter[str],
    *,
    case_types: int,
    persons: int,
    addresses: int,
    locations: int,
    businesses: int,
    cases: list[Case],
) -> list[str]:
    ids = [case.pk for case in cases]
    statuses = Counter(Case.objects.filter(pk__in=ids).values_list("status", flat=True))
    categories = dict(
        Note.objects.filter(case_id__in=ids)
        .values_list("category")
        .annotate(n=Count("id"))
        .values_list("category", "n")
    )
    counts = {
        "members": CaseMember.objects.filter(case_id__in=ids).count(),
        "tasks": Task.objects.filter(case_id__in=ids).count(),
        "documents": Document.objects.filter(case_id__in=ids).count(),
        "links": CaseLink.objects.filter(from_case_id__in=ids, to_case_id__in=ids).count(),
        "waiting": BreakTheGlass.objects.filter(case_id__in=ids, reviewed_at__isnull=True).count(),
    }
    return [
        f"Casustypen: {case_types} ({_new(created['case_types'])}).",
        f"Betrokkenen: {persons} personen ({_new(created['persons'])}), {addresses} adressen "
        f"({_new(created['addresses'])}), {locations} locaties ({_new(created['locations'])}) en "
        f"{businesses} bedrijven ({_new(created['businesses'])}).",
        f"Casussen: {len(cases)} ({_new(created['cases'])}): {statuses[CaseStatus.OPEN]} open, "
        f"{statuses[CaseStatus.IN_PROGRESS]} in behandeling, {statuses[CaseStatus.STEPPED_DOWN]} afgeschaald, "
        f"{statuses[CaseStatus.CLOSED]} gesloten.",
        f"In die casussen: {counts['members']} teamleden, {counts['tasks']} taken, "
        f"{sum(categories.values())} notities ({categories.get('general', 0)} algemeen, "
        f"{categories.get('care', 0)} zorg, {categories.get('justice', 0)} justitie), "
        f"{counts['documents']} documenten en {counts['links']} koppelingen tussen casussen.",
        f"Noodtoegang: {counts['waiting']} wacht op beoordeling door de privacyfunctionaris.",
    ]


def seed_cases() -> list[str]:
    """Create the demo case types, persons and cases; idempotent. Returns Dutch report lines."""
    municipality = Municipality.objects.filter(code=types.MUNICIPALITY_CODE).first()
    if municipality is None:
        return ["Demo-casussen overgeslagen: de demogemeente ontbreekt (laad eerst de accounts)."]
    users = {user.username: user for user in User.objects.select_related("organisation")}
    organisations = {org.name: org for org in Organisation.objects.filter(municipality=municipality)}
    created: Counter[str] = Counter()
    case_types = _seed_case_types(users[types.CASE_TYPE_ACTOR], created)
    addresses = _seed_addresses(created)
    persons = _seed_persons(addresses, created)
    locations = _seed_locations(addresses, created)
    businesses = _seed_businesses(addresses, created)
    subjects = _Subjects(persons, addresses, locations, businesses)
    cases: dict[str, Case] = {}
    for key, item in data.CASES.items():
        existing = Case.objects.filter(municipality=municipality, title=item["title"]).first()
        if existing is None:
            existing = _seed_case(
                item,
                municipality=municipality,
                case_types=case_types,
                users=users,
                organisations=organisations,
                subjects=subjects,
            )
            created["cases"] += 1
        cases[key] = existing
    _seed_links(cases, users, created)
    _seed_break_the_glass(cases, users, created)
    return _report(
        created,
        case_types=len(case_types),
        persons=len(persons),
        addresses=len(addresses),
        locations=len(locations),
        businesses=len(businesses),
        cases=list(cases.values()),
    )


def demo_case_titles() -> dict[str, str]:
    """The demo cases' titles by their demo-data key (for other apps' demo data that builds on these cases)."""
    return {key: item["title"] for key, item in data.CASES.items()}
