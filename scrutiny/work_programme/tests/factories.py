import factory

from scrutiny.panels.tests.factories import PanelFactory
from scrutiny.work_programme.choices import ItemCategory
from scrutiny.work_programme.models import Action, WorkProgrammeItem


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    panel = factory.SubFactory(PanelFactory)
    description = factory.Sequence(lambda n: f"Supply the figures asked for ({n})")
    owner_name = "PCC"
    owner_email = "pcc@example.org"


class WorkProgrammeItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkProgrammeItem

    panel = factory.SubFactory(PanelFactory)
    area = factory.Sequence(lambda n: f"Area of scrutiny {n}")
    topic = factory.Sequence(lambda n: f"topic-{n}")
    category = ItemCategory.REQUESTED
