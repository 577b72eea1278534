from django.apps import AppConfig

from regie.accounts.oidc import log_actions  # noqa: F401  (declares the sign-on processing-log actions)


class AccountsConfig(AppConfig):
    name = "regie.accounts"
    label = "accounts"
    verbose_name = "Accounts en organisaties"
