from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "regie.accounts"
    label = "accounts"
    verbose_name = "Accounts en organisaties"
