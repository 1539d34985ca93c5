import datetime

import factory

from scrutiny.members.choices import MembershipKind, Office
from scrutiny.members.models import Membership, OfficeHolder, Person
from scrutiny.panels.tests.factories import CouncilFactory, PanelFactory


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    panel = factory.SubFactory(PanelFactory)
    title = "Cllr"
    name = factory.Faker("name", locale="en_GB")
    slug = factory.Sequence(lambda n: f"person-{n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    person = factory.SubFactory(PersonFactory)
    panel = factory.LazyAttribute(lambda o: o.person.panel)
    kind = MembershipKind.APPOINTED
    council = factory.LazyAttribute(
        lambda o: CouncilFactory(panel=o.panel) if o.kind != MembershipKind.INDEPENDENT else None
    )
    start_date = datetime.date(2020, 5, 1)


class OfficeHolderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OfficeHolder

    membership = factory.SubFactory(MembershipFactory)
    office = Office.CHAIRMAN
    start_date = datetime.date(2021, 7, 1)
