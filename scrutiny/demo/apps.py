from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "scrutiny.demo"
    label = "demo"
