from django.apps import AppConfig


class PublicSiteConfig(AppConfig):
    name = "scrutiny.public_site"
    label = "public_site"
