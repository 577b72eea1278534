"""Reads of accounts and organisations (no personal case data lives here)."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from regie.accounts.models import ApiToken, Municipality, Organisation, User


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
