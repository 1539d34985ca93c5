import factory

from scrutiny.panels.models import Council, Panel


class PanelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panel
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Test Police and Crime Panel {n}")
    slug = factory.Sequence(lambda n: f"test-panel-{n}")
    policing_area = factory.Sequence(lambda n: f"Test Area {n}")
    force = factory.LazyAttribute(lambda o: f"{o.policing_area} Police")
    commissioner = "Pat Example"
    purpose = "Holds the Police and Crime Commissioner to account."


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council

    panel = factory.SubFactory(PanelFactory)
    name = factory.Sequence(lambda n: f"Council {n}")
    slug = factory.Sequence(lambda n: f"council-{n}")
