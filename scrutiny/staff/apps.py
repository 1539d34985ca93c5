from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "scrutiny.staff"
    label = "staff"
