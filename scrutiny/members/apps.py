from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "scrutiny.members"
    label = "members"
