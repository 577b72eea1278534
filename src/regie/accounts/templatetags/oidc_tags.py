"""The login page's sign-on buttons: one per configured identity provider (none: no button)."""

from __future__ import annotations

from django import template

from regie.accounts.oidc.config import OidcProvider
from regie.accounts.oidc.services import providers

register = template.Library()


@register.simple_tag
def sso_providers() -> tuple[OidcProvider, ...]:
    return providers()
