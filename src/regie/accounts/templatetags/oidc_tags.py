"""The login page's sign-on buttons (one per configured identity provider; none: no button) and the Beheer page's
count of mapping rows waiting for approval."""

from __future__ import annotations

from django import template

from regie.accounts.models import OidcRoleMapping
from regie.accounts.oidc.config import OidcProvider
from regie.accounts.oidc.services import providers

register = template.Library()


@register.simple_tag
def sso_providers() -> tuple[OidcProvider, ...]:
    return providers()


@register.simple_tag
def oidc_mappings_waiting() -> int:
    """Rows of the sign-on mapping table waiting for a second beheerder (the Beheer page's link says how many)."""
    return OidcRoleMapping.objects.filter(approved_at__isnull=True).count()
