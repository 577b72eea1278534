"""Labels the privacy officer reads in place of the codes the processing log stores."""

from __future__ import annotations

from django import template

from regie.accounts.models import Role

register = template.Library()


@register.filter
def role_label(code: str) -> str:
    """The actor's role as a person reads it; an unknown (older) role stays as it was recorded."""
    return str(Role(code).label) if code in Role.values else code
