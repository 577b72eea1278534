"""Single sign-on's line in `regie check-connections`: each provider's discovery document fetched and checked."""

from __future__ import annotations

from regie.accounts.oidc import discovery
from regie.accounts.oidc.services import providers
from regie.integrations.connections import ConnectionState

LABEL = "Eenmalige aanmelding (OIDC)"


def check_oidc() -> ConnectionState:
    """Never raises: a provider that is down is a state."""
    configured = providers()
    if not configured:
        return ConnectionState("oidc", LABEL, False, False, "geen inlogdienst ingesteld (REGIE_OIDC_ISSUER)")
    found: list[str] = []
    ok = True
    for provider in configured:
        try:
            endpoints = discovery.endpoints(provider, fresh=True)
        except discovery.ProviderUnavailable as exc:
            ok = False
            found.append(f"{provider.key}: {provider.discovery_url} antwoordt niet goed ({exc})")
        except Exception as exc:
            ok = False
            found.append(f"{provider.key}: {provider.discovery_url} onverwachte fout ({type(exc).__name__})")
        else:
            logout = "met" if endpoints.end_session else "zonder"
            found.append(f"{provider.key}: {provider.discovery_url} bereikbaar, {logout} uitlog-adres")
    return ConnectionState("oidc", LABEL, True, ok, "; ".join(found))
