"""The provider's claims: name, e-mail, groups and amr of its fictional staff, in the ID token and userinfo."""

from __future__ import annotations

from typing import Any

from oauth2_provider.oauth2_validators import OAuth2Validator

from tests.integrations.oidc_provider.staff import STAFF


class StaffClaimsValidator(OAuth2Validator):
    oidc_claim_scope = None  # every claim below, whatever the scope

    def get_additional_claims(self, request: Any) -> dict[str, Any]:
        user = request.user
        given, family, email, groups, amr = STAFF[user.username]
        return {
            "given_name": given,
            "family_name": family,
            "name": f"{given} {family}",
            "email": email,
            "preferred_username": user.username,
            "groups": groups,
            "amr": amr,
        }
