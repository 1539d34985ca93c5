from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "scrutiny.accounts"
    label = "accounts"
