"""Reads of accounts and organisations (no personal case data lives here)."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from regie.accounts.models import (
    AccountChange,
    AccountChangeStatus,
    ApiToken,
    Municipality,
    Organisation,
    User,
)


def organisation_list(*, search: str = "") -> QuerySet[Organisation]:
    """Organisations with their user counts, by name."""
    qs = Organisation.objects.select_related("municipality").annotate(user_count=Count("users"))
    if search:
        qs = qs.filter(name__icontains=search)
    return qs.order_by("name")


def user_list(*, search: str = "", role: str = "") -> QuerySet[User]:
    """Users with their organisation, by surname."""
    qs = User.objects.select_related("organisation")
    if search:
        qs = qs.filter(username__icontains=search) | qs.filter(last_name__icontains=search)
    if role:
        qs = qs.filter(role=role)
    return qs.order_by("last_name", "first_name")


def tokens_of(user: User) -> QuerySet[ApiToken]:
    """A user's own tokens, newest first."""
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def municipality_of(user: User) -> Municipality:
    """The municipality a user works for (through their organisation)."""
    if user.organisation is None:
        raise Municipality.DoesNotExist("Deze gebruiker hoort bij geen organisatie.")
    return user.organisation.municipality


def access_changes(*, pending: bool, limit: int = 100) -> list[AccountChange]:
    """Changes of role or organisation that give case access: those waiting (oldest first) or the most
    recently decided (newest first), with everyone involved in the same query."""
    qs = AccountChange.objects.select_related(
        "user", "requested_by", "decided_by", "old_organisation", "new_organisation"
    )
    if pending:
        return list(qs.filter(status=AccountChangeStatus.PENDING).order_by("created_at")[:limit])
    return list(qs.exclude(status=AccountChangeStatus.PENDING).order_by("-decided_at")[:limit])


def pending_access_change_of(user: User) -> AccountChange | None:
    """The change of role or organisation of this user that waits for a second administrator, if any."""
    return (
        AccountChange.objects.filter(user=user, status=AccountChangeStatus.PENDING)
        .select_related("requested_by", "new_organisation")
        .first()
    )


def pending_access_change_count() -> int:
    return AccountChange.objects.filter(status=AccountChangeStatus.PENDING).count()
