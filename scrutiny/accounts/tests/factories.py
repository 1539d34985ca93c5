import factory

from scrutiny.accounts.choices import Role
from scrutiny.accounts.models import PanelRole, User
from scrutiny.panels.tests.factories import PanelFactory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PanelRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelRole

    user = factory.SubFactory(UserFactory)
    panel = factory.SubFactory(PanelFactory)
    role = Role.SCRUTINY_OFFICER
