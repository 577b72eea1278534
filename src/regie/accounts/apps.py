from django.apps import AppConfig

from regie.accounts import log_actions as _outbox_actions  # noqa: F401  (declares the outbox's erase action)
from regie.accounts.oidc import log_actions  # noqa: F401  (declares the sign-on processing-log actions)


class AccountsConfig(AppConfig):
    name = "regie.accounts"
    label = "accounts"
    verbose_name = "Accounts en organisaties"
