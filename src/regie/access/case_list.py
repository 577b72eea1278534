"""Open cases by deadline, for a user or an organisation with tens of thousands of cases (decision 0019).

The door's union (`case_access.VISIBLE_CASE_IDS_SQL`) decides who sees what; building it for a partner on 32,621
cases and sorting them all by deadline cost 240 ms. The visibility table (`cases.CaseVisibility`, kept by triggers)
holds, per way in, the columns a list sorts and filters on, so a page is one ordered index scan per way in with a
LIMIT, and its total an index-only count. The cases of a page are then fetched through the door's per-row rule
(`visible_case_q`) as well: a row the table shows that the union would not is left out, never shown.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, overload

from django.db import connection
from django.db.models import F, QuerySet
from django.db.models.expressions import RawSQL
from django.utils import timezone

from regie.access.case_access import in_id_array, may_see_cases, visible_case_q
from regie.cases.models import Case, CaseStatus


@dataclass(frozen=True)
class CaseListFilter:
    """What a list of cases is narrowed to; every field optional. `status` None with `open_only` is every status
    but closed (the list's default), None without it every status."""

    status: str | None = None
    open_only: bool = False
    case_type_id: Any = None
    case_type_code: str | None = None
    coordinator_id: int | None = None
    coordinator_username: str | None = None

    def sql(self, alias: str) -> tuple[str, list[Any]]:
        """The filter as SQL conditions on a row with these columns (the table's or cases_case's), AND-ed."""
        parts: list[str] = []
        params: list[Any] = []
        if self.status is not None:
            parts.append(f"{alias}.status = %s")
            params.append(self.status)
        elif self.open_only:
            parts.append(f"{alias}.status <> %s")
            params.append(CaseStatus.CLOSED.value)
        if self.case_type_id is not None:
            parts.append(f"{alias}.case_type_id = %s")
            params.append(self.case_type_id)
        if self.case_type_code is not None:
            parts.append(f"{alias}.case_type_id = (SELECT t.id FROM cases_casetype t WHERE t.code = %s)")  # noqa: S608 — fixed SQL of the door, values as parameters
            params.append(self.case_type_code)
        if self.coordinator_id is not None:
            parts.append(f"{alias}.coordinator_id = %s")
            params.append(self.coordinator_id)
        if self.coordinator_username is not None:
            parts.append(f"{alias}.coordinator_id = (SELECT u.id FROM accounts_user u WHERE u.username = %s)")  # noqa: S608 — fixed SQL of the door, values as parameters
            params.append(self.coordinator_username)
        return "".join(f" AND {part}" for part in parts), params


def _ways_in(user: Any, filters: CaseListFilter, limit: int | None) -> tuple[str, list[Any]]:
    """The visible rows (case id, deadline, number) of the three ways in: the user's own rows (coordinator, team
    member), their organisation's, and a running emergency access; each ordered and cut at `limit` if given."""
    cut = " ORDER BY next_deadline ASC NULLS LAST, number LIMIT %s" if limit is not None else ""
    on_table, table_params = filters.sql("v")
    on_case, case_params = filters.sql("c")
    branches = [
        (
            "SELECT v.case_id, v.next_deadline, v.number FROM cases_casevisibility v "  # noqa: S608 — fixed SQL of the door, values as parameters
            f"WHERE v.user_id = %s{on_table}{cut}",
            [user.pk, *table_params],
        ),
        (
            "SELECT c.id AS case_id, c.next_deadline, c.number FROM cases_breaktheglass b "  # noqa: S608 — fixed SQL of the door, values as parameters
            f"JOIN cases_case c ON c.id = b.case_id WHERE b.user_id = %s AND b.expires_at > %s{on_case}{cut}",
            [user.pk, timezone.now(), *case_params],
        ),
    ]
    if user.organisation_id is not None:
        branches.insert(
            1,
            (
                "SELECT v.case_id, v.next_deadline, v.number FROM cases_casevisibility v "  # noqa: S608 — fixed SQL of the door, values as parameters
                f"WHERE v.organisation_id = %s{on_table}{cut}",
                [user.organisation_id, *table_params],
            ),
        )
    sql = " UNION ".join(f"({branch})" for branch, _ in branches)
    params: list[Any] = []
    for _, branch_params in branches:
        params += branch_params
        if limit is not None:
            params.append(limit)
    return sql, params


class CasesByDeadline:
    """The visible cases of a user under a filter, soonest deadline first (then by number), for a paginator:
    `count()` and slicing. A slice is one query that also carries the total (`window_total`), as
    `WindowCountPaginator` expects."""

    ordered = True

    def __init__(self, user: Any, filters: CaseListFilter) -> None:
        self.user = user
        self.filters = filters

    def count(self) -> int:
        if not may_see_cases(self.user):
            return 0
        sql, params = self._count_sql()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return int(cursor.fetchone()[0])

    def _count_sql(self) -> tuple[str, list[Any]]:
        sql, params = _ways_in(self.user, self.filters, None)
        return f"SELECT count(*) FROM ({sql}) AS visible", params  # noqa: S608 — fixed SQL of the door, values as parameters

    def cases(self, offset: int, limit: int, *, total: bool = True) -> QuerySet[Case]:
        """The cases of one page, with the filtered total as `window_total` (unless `total` is false)."""
        if not may_see_cases(self.user) or limit <= 0:
            return Case.objects.none()
        ways, params = _ways_in(self.user, self.filters, offset + limit)
        page_sql = (
            f"SELECT case_id FROM ({ways}) AS visible "  # noqa: S608 — fixed SQL of the door, values as parameters
            "ORDER BY next_deadline ASC NULLS LAST, number OFFSET %s LIMIT %s"
        )
        page = (
            Case.objects.filter(in_id_array("pk", page_sql, (*params, offset, limit)))
            .filter(visible_case_q(self.user))
            .select_related("case_type", "coordinator")
            .order_by(F("next_deadline").asc(nulls_last=True), "number")
        )
        if total:
            count_sql, count_params = self._count_sql()
            page = page.annotate(window_total=RawSQL(count_sql, count_params))  # noqa: S611 — this module's SQL
        return page

    def __iter__(self) -> Iterator[Case]:
        return iter(self.cases(0, self.count()))

    @overload
    def __getitem__(self, index: int) -> Case: ...
    @overload
    def __getitem__(self, index: slice) -> list[Case]: ...
    def __getitem__(self, index: int | slice) -> Case | list[Case]:
        if isinstance(index, int):
            return self.cases(index, 1)[0]
        start, stop = index.start or 0, index.stop
        if stop is None:
            stop = self.count()
        return list(self.cases(start, stop - start))

    def __len__(self) -> int:
        return self.count()
