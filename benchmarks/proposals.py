"""Measure proposed query changes next to the current code, on the same data and at the same moment.

    .venv/bin/python benchmarks/proposals.py
    .venv/bin/python benchmarks/proposals.py --set random_page_cost=1.1

Nothing in src/ is changed: the proposals are written out here as querysets, so their SQL and their timing can
be compared with what the access door does today. See README.md, "Bevindingen", for the why.

- P1 visible cases as `id = ANY(ARRAY(<union>))` instead of `id IN (<union>)`: the union runs once as an
  InitPlan and the cases are fetched by primary-key probes. With `IN` the planner joins the 5,000 ids against
  a (parallel) sequential scan of all cases, or — in the person search — rescans the union per candidate.
- P2 visible persons the same way (case ids as an array, then the person ids of those cases as an array).
- P3 note search driven by the matching notes: an extra `pk IN (notes matching the words)` filter lets the
  planner start from the (GIN-indexed) matching notes when they are few, instead of from all visible cases.
"""

from __future__ import annotations

import re
from typing import Any

from run import Context, Scenario, argument_parser, prepare, run_scenarios


def proposals(ctx: Context) -> list[Scenario]:
    from django.contrib.postgres.search import SearchQuery
    from django.db.models import BooleanField, F, Func, QuerySet
    from django.db.models.expressions import RawSQL

    from regie.access.case_access import VISIBLE_CASE_IDS_SQL, cases_visible_to, visible_case_ids_params
    from regie.access.search import search_cases, search_persons
    from regie.cases.models import Case, Note
    from regie.subjects.models import Person

    def in_array(sql: str, params: Any, field: str = "pk") -> Func:
        """`<field> = ANY(ARRAY(<sql>))` as a filter expression (Django relabels <field> in subqueries)."""
        return Func(
            F(field),
            RawSQL(sql, params),
            template="%(expressions)s))",
            arg_joiner=" = ANY(ARRAY(",
            output_field=BooleanField(),
        )

    def cases_visible_p1(user: Any) -> QuerySet[Case]:
        return Case.objects.filter(in_array(VISIBLE_CASE_IDS_SQL, visible_case_ids_params(user)))

    def persons_visible_p2(user: Any) -> QuerySet[Person]:
        sql = (
            "SELECT s.person_id FROM cases_casesubject s WHERE s.person_id IS NOT NULL "
            f"AND s.case_id = ANY(ARRAY({VISIBLE_CASE_IDS_SQL}))"
        )
        return Person.objects.filter(in_array(sql, visible_case_ids_params(user)), merged_into__isnull=True)

    def search_persons_p2(user: Any, q: str) -> list[Person]:
        words = [w for w in re.findall(r"\w+", q.lower()) if w]
        query = SearchQuery(" & ".join(f"{w}:*" for w in words), search_type="raw", config="simple")
        qs = persons_visible_p2(user).select_related("address").filter(search_vector=query)
        return list(qs.order_by("sort_name")[:20])

    def search_cases_p3(user: Any, q: str) -> list[Case]:
        """Today's search_cases plus one filter: only cases with a note matching the words (GIN-indexed)."""
        current = search_cases(user, q)
        unsliced = current._chain()
        unsliced.query.clear_limits()
        matching = Note.objects.filter(search_vector=SearchQuery(q, config="dutch", search_type="websearch"))
        return list(unsliced.filter(pk__in=matching.values("case_id"))[:20])

    deadline = F("next_deadline").asc(nulls_last=True)
    user, partner = ctx.user, ctx.partner

    def page(visible: QuerySet[Case]) -> tuple[int, list[Case]]:
        qs = visible.select_related("case_type", "coordinator")
        return qs.count(), list(qs.order_by(deadline, "number")[:25])

    def open_page(visible: QuerySet[Case]) -> Any:
        """What the web page "Casussen" runs: coordinators of the visible cases, count and page of open cases."""
        coordinators = list(
            visible.order_by().values_list("coordinator_id", "coordinator__last_name").distinct()
        )
        open_cases = visible.exclude(status="gesloten").select_related("case_type", "coordinator")
        return coordinators, open_cases.count(), list(open_cases.order_by(deadline, "number")[:25])

    def n_cases(r: Any) -> str:
        return f"{len(r)} cas."

    def total(r: Any) -> str:
        return f"{r[-2]} tot."

    scenarios = [
        Scenario(
            "nu/mijn-casussen", "huidige deur: telling + 25", lambda i: page(cases_visible_to(user)), total
        ),
        Scenario(
            "P1/mijn-casussen", "ANY(ARRAY(...)): telling + 25", lambda i: page(cases_visible_p1(user)), total
        ),
        Scenario(
            "nu/web-casussen-queries",
            "coördinatoren + telling + 25 open",
            lambda i: open_page(cases_visible_to(user)),
            total,
        ),
        Scenario(
            "P1/web-casussen-queries", "idem met P1", lambda i: open_page(cases_visible_p1(user)), total
        ),
        Scenario(
            "nu/partner-casussen", "politie: telling + 25", lambda i: page(cases_visible_to(partner)), total
        ),
        Scenario("P1/partner-casussen", "politie met P1", lambda i: page(cases_visible_p1(partner)), total),
    ]
    for q in ("jansen", "van den berg"):
        slug = q.replace(" ", "-")
        scenarios += [
            Scenario(
                f"nu/personen-{slug}",
                f'search_persons("{q}")',
                lambda i, q=q: list(search_persons(user, q)),
                lambda r: f"{len(r)} pers.",
            ),
            Scenario(
                f"P2/personen-{slug}",
                f'P2 personen "{q}"',
                lambda i, q=q: search_persons_p2(user, q),
                lambda r: f"{len(r)} pers.",
            ),
        ]
    for q in ("jansen", "van den berg", "politie"):
        slug = q.replace(" ", "-")
        scenarios += [
            Scenario(
                f"nu/casussen-{slug}",
                f'search_cases("{q}")',
                lambda i, q=q: list(search_cases(user, q)),
                n_cases,
            ),
            Scenario(
                f"P3/casussen-{slug}", f'P3 notities "{q}"', lambda i, q=q: search_cases_p3(user, q), n_cases
            ),
        ]
    return scenarios


def main(argv: list[str] | None = None) -> None:
    args = argument_parser(__doc__).parse_args(argv)
    ctx = prepare(args)
    run_scenarios(args, ctx, proposals(ctx))


if __name__ == "__main__":
    main()
