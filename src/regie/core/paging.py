"""A paginator that counts in the same query as it reads the page.

`Paginator` runs `COUNT(*)` and then the page query: two passes over the filtered set. When that set is the access
door's visible cases (thousands of primary-key probes), one pass is half the work: the page query carries the
total as a window count (`COUNT(*) OVER ()`), computed before `LIMIT`. Only past the last page, where no row comes
back to carry it, is a separate count needed. For querysets without DISTINCT or aggregation (the window would
count something else there).

`page_number` is the one reading of a page number from a request, for pages and the API alike.
"""

from __future__ import annotations

import re
from typing import Any, cast

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Count, QuerySet, Window

# Far beyond any list Regie shows (ten million pages); a larger number names no page, and its offset could not
# even be given to the database (a bigint), so it is refused before a query is built.
MAX_PAGE = 10_000_000
_DIGITS = re.compile(r"[0-9]+")
NOT_A_PAGE = "Een paginanummer is een geheel getal vanaf 1."
NO_SUCH_PAGE = "Deze pagina bestaat niet."


def page_number(raw: object) -> int:
    """The page number in `raw` (a query-string value or an int).

    PageNotAnInteger when it is no page number at all (anything but ASCII digits, or 0): a page asks for the first
    page then, the API answers 400. EmptyPage when it is a number above MAX_PAGE, past any page: a page shows the
    last page, the API answers 404, as for any page past the end."""
    text = str(raw) if isinstance(raw, int | str) and not isinstance(raw, bool) else ""
    if not _DIGITS.fullmatch(text):
        raise PageNotAnInteger(NOT_A_PAGE)
    significant = text.lstrip("0") or "0"
    if len(significant) > len(str(MAX_PAGE)):
        raise EmptyPage(NO_SUCH_PAGE)  # too long to be a page, and not worth converting
    value = int(significant)
    if value < 1:
        raise PageNotAnInteger(NOT_A_PAGE)
    if value > MAX_PAGE:
        raise EmptyPage(NO_SUCH_PAGE)
    return value


class WindowCountPaginator(Paginator):
    def validate_number(self, number: Any) -> int:
        """A page number (`page_number`); whether the page exists is decided when it is read."""
        return page_number(number)

    def page(self, number: Any) -> Page[Any]:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self._with_total()[bottom : bottom + self.per_page])
        if rows:
            self.count = rows[0].window_total
            return Page(rows, number, self)
        self.count = cast(Any, self.object_list).count()  # past the end, or nothing at all
        if number == 1 and self.allow_empty_first_page:
            return Page([], 1, self)
        raise EmptyPage(NO_SUCH_PAGE)

    def _with_total(self) -> Any:
        """The list with `window_total` on every row: a queryset gets the window count; any other list (such as
        the door's cases by deadline, which counts from its own index) carries it already."""
        if isinstance(self.object_list, QuerySet):
            return self.object_list.annotate(window_total=Window(Count("pk")))
        return self.object_list

    def get_page(self, number: Any) -> Page[Any]:
        """As `Paginator.get_page`: a bad number gives the first page, one past the end the last page."""
        try:
            wanted = self.validate_number(number)
        except PageNotAnInteger:
            wanted = 1
        except EmptyPage:
            return self.page(max(self.num_pages, 1))
        try:
            return self.page(wanted)
        except EmptyPage:
            return self.page(max(self.num_pages, 1))
