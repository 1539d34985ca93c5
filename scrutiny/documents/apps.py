from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "scrutiny.documents"
    label = "documents"
