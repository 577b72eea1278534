"""Single sign-on for staff through the municipality's identity provider(s) (OpenID Connect, issue 21).

- `config`: the providers, read from the environment by `regie.settings` (no Django imports here);
- `discovery`: each provider's discovery document (endpoints, end-session), fetched on use;
- `backend`: the mozilla-django-oidc backend: tokens checked, the user matched by a stable claim;
- `services`: claims to a user, role and organisation through the beheerder's mapping table; the login log;
- `views`: start, callback, the mapping pages; `middleware`: MFA asserted by the provider counts as the second factor;
- `checks`: the provider's state for `regie check-connections`.
"""
