from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "scrutiny.search"
    label = "search"
