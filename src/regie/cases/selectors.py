"""Reads of the cases app that other apps use (through the door where they touch case data)."""

from __future__ import annotations

from django.db.models import QuerySet

from regie.access.policy import PERMISSIONS
from regie.accounts.models import User


def coordinators_for(user: User) -> QuerySet[User]:
    """Who may coordinate a case here: active municipal staff of the roles that open cases, same municipality."""
    if user.organisation is None:
        return User.objects.none()
    return (
        User.objects.filter(
            is_active=True,
            role__in=PERMISSIONS["cases.create"],
            organisation__municipality_id=user.organisation.municipality_id,
        )
        .select_related("organisation")
        .order_by("last_name", "first_name")
    )
