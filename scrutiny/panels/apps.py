from django.apps import AppConfig


class PanelsConfig(AppConfig):
    name = "scrutiny.panels"
    label = "panels"
