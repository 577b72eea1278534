"""`{% lockouts_for user as locks %}`: the user's current lock-outs on the administrator's pages, read once per
page for every user on it (one query however long the list)."""

from __future__ import annotations

from typing import Any

from django import template

from regie.accounts.lockout import Lockout, current_lockouts

register = template.Library()


@register.simple_tag(takes_context=True)
def lockouts_for(context: template.Context, user: Any) -> list[Lockout]:
    cache = context.render_context.get("regie_lockouts")
    if cache is None:
        cache = current_lockouts()
        context.render_context["regie_lockouts"] = cache
    return list(cache.get(str(user.username).lower(), []))
