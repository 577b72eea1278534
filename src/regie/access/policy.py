"""THE access policy: every "may this user see or do this" is answered here. Default deny; no off switch.

Role-level permissions are declared as named strings (as pretix does) so views and API views state what they
need in one word, and the matrix below is the single place to read who may do what.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from rest_framework.permissions import BasePermission

from regie.accounts.models import Role, User

ALL_STAFF = frozenset(Role.values)
# Roles that work on cases; analysts, the administrator and the privacy officer never see case contents.
CASE_ROLES = ALL_STAFF - {Role.ANALYST, Role.ADMINISTRATOR, Role.PRIVACY, Role.ARCHIVIST}

PERMISSIONS: dict[str, frozenset[str]] = {
    # Functional administration: users, organisations, policy tables — never case contents.
    "accounts.manage": frozenset({Role.ADMINISTRATOR}),
    # The outbox (issue 21): mail that waits or could not be delivered, shown without its text; sent again.
    "outgoing_mail.manage": frozenset({Role.ADMINISTRATOR}),
    # Four eyes on access: a new role or organisation that lets an account work on cases waits for a second
    # administrator (accounts.account_changes); the privacy officer follows every such change.
    "account_changes.decide": frozenset({Role.ADMINISTRATOR}),
    "account_changes.view": frozenset({Role.PRIVACY}),
    "organisations.view": ALL_STAFF,
    # The processing log and break-the-glass review belong to the privacy officer (FG).
    "processing_log.view": frozenset({Role.PRIVACY}),
    # Every signed-in user may manage their own API tokens (they carry that user's rights, no more).
    "api_tokens.own": ALL_STAFF,
    "self.view": ALL_STAFF,
    # Legal procedures (issue 5): the municipal roles that run them; which procedure a user sees is decided
    # per case by the access door, and per data category of the procedure.
    "procedures.view": frozenset(
        {Role.PROCESS_DIRECTOR, Role.PROJECT_LEADER, Role.INSPECTOR, Role.LAWYER, Role.BRP}
    ),
    # The deadline calculator and the deadline overview: tools of the lawyer, inspector and project leader.
    "deadlines.calculate": frozenset({Role.PROJECT_LEADER, Role.INSPECTOR, Role.LAWYER}),
    "procedures.oversight": frozenset({Role.PROJECT_LEADER, Role.INSPECTOR, Role.LAWYER}),
    # Letter templates and the Damocles policy matrix are policy tables of the functional administrator.
    "procedures.configure": frozenset({Role.ADMINISTRATOR}),
    # Case work: which case a user sees is decided per case by the access door (access.case_access).
    "cases.view": CASE_ROLES,
    "cases.create": frozenset(
        {Role.PROCESS_DIRECTOR, Role.PROJECT_LEADER, Role.INSPECTOR, Role.LAWYER, Role.BRP}
    ),
    "case_types.manage": frozenset({Role.ADMINISTRATOR}),
    "break_the_glass.start": frozenset({Role.PROCESS_DIRECTOR}),
    "break_the_glass.review": frozenset({Role.PRIVACY}),
    # Subject collections, search and hit/no-hit: only for roles that work on cases (others get a 403).
    "subjects.view": CASE_ROLES,
    # Completing or merging a person's record (a placeholder from a signal): the municipal case roles, and then
    # only for a person in a case they may edit (access.subject_access.may_edit_person).
    "persons.edit": frozenset(
        {Role.PROCESS_DIRECTOR, Role.PROJECT_LEADER, Role.INSPECTOR, Role.LAWYER, Role.BRP}
    ),
    "search.use": CASE_ROLES,
    "hit_checks.ask": CASE_ROLES,
    # Anything addressed by id (a case and its notes, tasks, team, documents, timeline; a person, address …)
    # is open at role level to every staff role on purpose: the access door then answers "not yours" with
    # the same 404 as "does not exist", so a role check can never tell an outsider that an id exists.
    "case_data.lookup": ALL_STAFF,
    # Signals (issue 4): every staff member and partner may report one; which signal a user sees is decided per
    # signal by the access door (access.signal_access); triage is for the municipal teams that own queues.
    "signals.submit": ALL_STAFF,
    "signals.view": CASE_ROLES,
    "signals.triage": frozenset(
        {Role.PROCESS_DIRECTOR, Role.PROJECT_LEADER, Role.INSPECTOR, Role.LAWYER, Role.BRP}
    ),
    "intake.configure": frozenset({Role.ADMINISTRATOR}),
    # --- Persoonsgerichte aanpak (issue 14) ---
    # Every case role may refer a person and open the PGA pages; which PGA case a user sees is decided by the
    # case's door (access.pga_access); screening and the triage list are the procesregisseur's.
    "pga.view": CASE_ROLES,
    "pga.refer": CASE_ROLES,
    "pga.triage": frozenset({Role.PROCESS_DIRECTOR}),
    # Aggregates of the approach (inflow, outflow, level, duration, exit reasons, score change): never a person.
    "pga.counts": frozenset({Role.PROCESS_DIRECTOR, Role.ANALYST}),
    # The screening checklist, the local target-group rules and the ZRM versions: reference data, never a case.
    "pga.configure": frozenset({Role.ADMINISTRATOR}),
    # --- Ondermijning (issue 17) ---
    # Awareness (quiz, report button) is for everyone; the areas, risks and inspections are for the municipal
    # team and the partners on an inspection day (access.ondermijning_access decides per area and inspection);
    # training figures per department are counts for the project leader and analysts.
    "ondermijning.awareness": ALL_STAFF,
    "ondermijning.view": frozenset({Role.PROJECT_LEADER, Role.INSPECTOR, Role.LAWYER, Role.PARTNER}),
    "ondermijning.figures": frozenset({Role.PROJECT_LEADER, Role.ANALYST}),
    # --- Digitale veiligheid (issue 16) ---
    # Follow-ups residents asked for (personal data; the door access.digital_access decides per municipality),
    # campaigns, anonymous self-check figures (analysts too: aggregates only) and the content (administrator).
    "digital.follow_ups": frozenset({Role.PROCESS_DIRECTOR, Role.PROJECT_LEADER}),
    "digital.campaigns": frozenset({Role.PROCESS_DIRECTOR, Role.PROJECT_LEADER}),
    "digital.statistics": frozenset({Role.PROCESS_DIRECTOR, Role.PROJECT_LEADER, Role.ANALYST}),
    "digital.content": frozenset({Role.ADMINISTRATOR}),
    # --- Casusoverleggen (issue 15) ---
    # The administrator sets up a series (never sees an agenda); every case role may attend a meeting, and the
    # door (access.meetings_access) decides per meeting and per agenda item through the case's own door.
    "meetings.view": CASE_ROLES | {Role.ADMINISTRATOR},
    "meetings.attend": CASE_ROLES,
    "meeting_series.create": frozenset({Role.ADMINISTRATOR}),
    # --- Monitoring (issue 20) ---
    # Aggregated figures only, never a person: the analist's work, and the directors of the approach.
    "monitoring.view": frozenset({Role.ANALYST, Role.PROCESS_DIRECTOR, Role.PROJECT_LEADER}),
    # Recomputing the figures and writing the council's progress reports: the analist.
    "monitoring.manage": frozenset({Role.ANALYST}),
    # --- Privacy governance (issue 18) ---
    # The register of processing activities is read by the privacy officer and the administrator; requests of data
    # subjects and the review of destruction lists are the officer's; retention rules are a policy table the
    # administrator and the officer keep. Approving a destruction list is the archivist's, never the reviewer's.
    "privacy_register.view": frozenset({Role.PRIVACY, Role.ADMINISTRATOR}),
    "data_subject_requests.handle": frozenset({Role.PRIVACY}),
    "retention.configure": frozenset({Role.PRIVACY, Role.ADMINISTRATOR}),
    "destruction.handle": frozenset({Role.PRIVACY, Role.ARCHIVIST}),
    # The archivist (issue 18) sees the lists and the records' metadata, never contents, and alone approves a list;
    # proposing, reviewing, excluding and destroying stay the officer's.
    "destruction.review": frozenset({Role.PRIVACY}),
    "destruction.approve": frozenset({Role.ARCHIVIST}),
}


def has_permission(user: Any, permission: str) -> bool:
    """True only when the user is active, signed in and their role is granted the named permission."""
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "is_active", False):
        return False
    granted = PERMISSIONS.get(permission)
    if granted is None:
        return False
    return getattr(user, "role", "") in granted


def requires(permission: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """View decorator: 403 (the Dutch error page) unless the user holds the permission."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if not has_permission(request.user, permission):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapped.required_permission = permission  # type: ignore[attr-defined]
        return wrapped

    return decorator


class RegiePermission(BasePermission):
    """DRF permission: the view declares `required_permission`; without one, nothing is allowed."""

    def has_permission(self, request: Any, view: Any) -> bool:
        permission = getattr(view, "required_permission", None)
        return isinstance(permission, str) and has_permission(request.user, permission)


def request_user(request: HttpRequest) -> User:
    """The signed-in user of a request that already passed `requires` (anonymous is refused, never assumed)."""
    user = request.user
    if not isinstance(user, User) or not user.is_authenticated:
        raise PermissionDenied
    return user
