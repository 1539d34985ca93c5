from django.apps import AppConfig


class WorkProgrammeConfig(AppConfig):
    name = "scrutiny.work_programme"
    label = "work_programme"
