"""Run the test OIDC provider: `python -m tests.integrations.oidc_provider.server`.

Environment: PROVIDER_DB, PROVIDER_RSA_KEY, PROVIDER_CLIENT_ID, PROVIDER_CLIENT_SECRET, PROVIDER_REDIRECT_URIS.
Prints READY and its port once it listens."""

from __future__ import annotations

import os


def _seed() -> None:
    from django.contrib.auth.models import User
    from oauth2_provider.models import Application

    from tests.integrations.oidc_provider.staff import PASSWORD, STAFF

    for username, (given, family, email, _groups, _amr) in STAFF.items():
        User.objects.create_user(username, email=email, password=PASSWORD, first_name=given, last_name=family)
    uris = os.environ["PROVIDER_REDIRECT_URIS"]
    Application.objects.create(
        name="Regie",
        client_id=os.environ["PROVIDER_CLIENT_ID"],
        client_secret=os.environ["PROVIDER_CLIENT_SECRET"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=uris,
        post_logout_redirect_uris=" ".join(
            u.replace("/login/oidc/terug", "/login?uitgelogd=1") for u in uris.split()
        ),
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )


def main() -> None:
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    # Bound first on a free port, so the issuer (which names the port) is known before Django starts.
    httpd = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
    httpd.daemon_threads = True
    port = httpd.server_port
    os.environ["DJANGO_SETTINGS_MODULE"] = "tests.integrations.oidc_provider.settings"
    os.environ["PROVIDER_ISSUER"] = f"http://127.0.0.1:{port}/o"
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application

    call_command("migrate", verbosity=0)
    _seed()
    httpd.set_app(get_wsgi_application())
    print(f"READY {port}", flush=True)
    httpd.serve_forever()


if __name__ == "__main__":
    main()
