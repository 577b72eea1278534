"""A paginator that counts in the same query as it reads the page.

`Paginator` runs `COUNT(*)` and then the page query: two passes over the filtered set. When that set is the access
door's visible cases (thousands of primary-key probes), one pass is half the work: the page query carries the
total as a window count (`COUNT(*) OVER ()`), computed before `LIMIT`. Only past the last page, where no row comes
back to carry it, is a separate count needed. For querysets without DISTINCT or aggregation (the window would
count something else there).
"""

from __future__ import annotations

from typing import Any, cast

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Count, QuerySet, Window


class WindowCountPaginator(Paginator):
    def validate_number(self, number: Any) -> int:
        """An integer of at least 1; whether the page exists is decided when it is read."""
        try:
            value = int(number)
        except (TypeError, ValueError) as exc:
            raise PageNotAnInteger("Geen paginanummer.") from exc
        if value < 1:
            raise EmptyPage("Deze pagina bestaat niet.")
        return value

    def page(self, number: Any) -> Page[Any]:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        queryset = cast(QuerySet[Any], self.object_list)
        rows = list(queryset.annotate(window_total=Window(Count("pk")))[bottom : bottom + self.per_page])
        if rows:
            self.count = rows[0].window_total
            return Page(rows, number, self)
        self.count = queryset.count()  # past the end, or nothing at all
        if number == 1 and self.allow_empty_first_page:
            return Page([], 1, self)
        raise EmptyPage("Deze pagina bestaat niet.")

    def get_page(self, number: Any) -> Page[Any]:
        """As `Paginator.get_page`: a bad number gives the first page, one past the end the last page."""
        try:
            wanted = self.validate_number(number)
        except (PageNotAnInteger, EmptyPage):
            wanted = 1
        try:
            return self.page(wanted)
        except EmptyPage:
            return self.page(max(self.num_pages, 1))
