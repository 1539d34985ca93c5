from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "scrutiny.meetings"
    label = "meetings"
