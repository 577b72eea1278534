"""The processing-log actions of single sign-on (imported by the accounts AppConfig)."""

from regie.processing_log.actions import BEVEILIGING, register, register_object_types

register_object_types({"oidc_role_mapping": "Rolkoppeling voor eenmalige aanmelding"})
register(
    BEVEILIGING,
    "user",
    ("auth.oidc_login", "Ingelogd met eenmalige aanmelding", False),
    ("auth.oidc_refused", "Eenmalige aanmelding geweigerd", False),
)
register(
    BEVEILIGING,
    "oidc_role_mapping",
    ("oidc_mapping.created", "Rolkoppeling voor eenmalige aanmelding aangemaakt", False),
    ("oidc_mapping.changed", "Rolkoppeling voor eenmalige aanmelding gewijzigd", False),
    ("oidc_mapping.approved", "Rolkoppeling voor eenmalige aanmelding goedgekeurd", False),
    ("oidc_mapping.deleted", "Rolkoppeling voor eenmalige aanmelding verwijderd", False),
)
