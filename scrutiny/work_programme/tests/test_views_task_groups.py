"""The officer's pages for task groups, deep dives and champions, and the public page that lists them."""

import datetime

import pytest
from django.urls import reverse

from scrutiny.accounts.tests.helpers import signed_in
from scrutiny.core.models import AuditEvent
from scrutiny.members.tests.factories import MembershipFactory, PersonFactory
from scrutiny.work_programme.choices import TaskGroupStatus
from scrutiny.work_programme.models import ChampionRole, TaskGroup

from .helpers import query_count

pytestmark = pytest.mark.django_db


def _url(name, ladder, *args):
    return reverse(f"work_programme:{name}", args=[ladder.panel.slug, *args])


@pytest.fixture
def people(ladder):
    """GIVEN two current members of the panel, a former member, and a member of the other panel."""
    panel = ladder.panel
    evans = PersonFactory(panel=panel, name="Roger Evans", sort_name="Evans")
    hurst = PersonFactory(panel=panel, name="Sebastian Hurst", sort_name="Hurst")
    former = PersonFactory(panel=panel, name="Former Member", sort_name="Member")
    stranger = PersonFactory(panel=ladder.other_panel, name="Other Panel Member")
    for person in (evans, hurst, stranger):
        MembershipFactory(person=person)
    MembershipFactory(person=former, end_date=datetime.date(2021, 5, 1))
    return {"evans": evans, "hurst": hurst, "former": former, "stranger": stranger}


def _group_data(**overrides) -> dict:
    data = {
        "topic": "Deep dive: rural crime",
        "members": [],
        "scope": "How the force answers rural crime.",
        "status": TaskGroupStatus.PROPOSED,
        "findings": "",
        "proposed_at_minute": "",
    }
    data.update(overrides)
    return data


class TestTaskGroupForms:
    def test_create_and_edit_with_members(self, ladder, people):
        """GIVEN the officer WHEN she sets up a task group with one member and later changes its members and
        status THEN the group and its members are stored, and each change is audited."""
        client = signed_in(ladder.officer)
        response = client.post(_url("staff_task_group_create", ladder), _group_data(members=[people["evans"].pk]))
        assert response.status_code == 302
        group = TaskGroup.objects.get()
        assert list(group.members.all()) == [people["evans"]]

        response = client.post(
            _url("staff_task_group_update", ladder, group.pk),
            _group_data(
                members=[people["hurst"].pk, people["evans"].pk],
                status=TaskGroupStatus.REPORTED,
                findings="Response times are longer in the west.",
            ),
        )
        assert response.status_code == 302
        group.refresh_from_db()
        assert group.status == TaskGroupStatus.REPORTED
        assert set(group.members.all()) == {people["evans"], people["hurst"]}
        verbs = list(AuditEvent.objects.filter(object_id=str(group.pk)).values_list("verb", flat=True))
        assert verbs.count("task_group_members_set") == 2
        assert "task_group_create" in verbs
        assert "task_group_update" in verbs

    def test_only_current_members_are_offered(self, ladder, people):
        response = signed_in(ladder.officer).get(_url("staff_task_group_create", ladder))
        assert b"Roger Evans" in response.content
        assert b"Former Member" not in response.content
        assert b"Other Panel Member" not in response.content

    @pytest.mark.parametrize("who", ["former", "stranger"])
    def test_a_member_not_offered_is_refused(self, ladder, people, who):
        response = signed_in(ladder.officer).post(
            _url("staff_task_group_create", ladder), _group_data(members=[people[who].pk])
        )
        assert response.status_code == 400
        assert b'href="#id_members_0"' in response.content
        assert not TaskGroup.objects.exists()

    def test_a_former_member_already_on_the_group_stays(self, ladder, people):
        group = TaskGroup.objects.create(panel=ladder.panel, topic="Estates")
        group.members.set([people["former"]])
        response = signed_in(ladder.officer).post(
            _url("staff_task_group_update", ladder, group.pk),
            _group_data(topic="Estates", members=[people["former"].pk], status=TaskGroupStatus.UNDER_WAY),
        )
        assert response.status_code == 302
        assert list(group.members.all()) == [people["former"]]

    def test_a_topic_is_required(self, ladder, people):
        response = signed_in(ladder.officer).post(_url("staff_task_group_create", ladder), _group_data(topic=""))
        assert response.status_code == 400
        assert b"govuk-error-summary" in response.content
        assert not TaskGroup.objects.exists()


class TestChampions:
    def test_add_show_and_remove(self, client, ladder, people, django_capture_on_commit_callbacks):
        officer = signed_in(ladder.officer)
        response = officer.post(
            _url("staff_champion_role_create", ladder), {"person": people["hurst"].pk, "area": "Road safety"}
        )
        assert response.status_code == 302
        role = ChampionRole.objects.get()
        assert AuditEvent.objects.filter(verb="champion_role_create", object_id=str(role.pk)).exists()
        public = client.get(_url("task_group_list", ladder))
        assert b"Road safety" in public.content
        assert b"Sebastian Hurst" in public.content

        with django_capture_on_commit_callbacks(execute=True):  # the public page goes stale on commit
            assert officer.post(_url("staff_champion_role_remove", ladder, role.pk)).status_code == 302
        role.refresh_from_db()
        assert role.is_deleted
        assert b"Road safety" not in client.get(_url("task_group_list", ladder)).content

    def test_bad_input_stores_nothing(self, ladder, people):
        response = signed_in(ladder.officer).post(
            _url("staff_champion_role_create", ladder), {"person": people["stranger"].pk, "area": ""}
        )
        assert response.status_code == 400
        assert b'href="#id_person"' in response.content
        assert b'href="#id_area"' in response.content
        assert not ChampionRole.objects.exists()


class TestPermissions:
    @pytest.mark.parametrize(
        ("rung", "status"), [("officer", 200), ("member", 403), ("pcc_office", 403), ("other_officer", 404)]
    )
    def test_forms(self, ladder, people, rung, status):
        group = TaskGroup.objects.create(panel=ladder.panel, topic="Estates")
        client = signed_in(getattr(ladder, rung))
        assert client.get(_url("staff_task_group_create", ladder)).status_code == status
        assert client.get(_url("staff_task_group_update", ladder, group.pk)).status_code == status
        assert client.get(_url("staff_champion_role_create", ladder)).status_code == status

    @pytest.mark.parametrize(("rung", "status"), [("member", 403), ("pcc_office", 403), ("other_officer", 404)])
    def test_lookers_may_not_remove_a_champion(self, ladder, people, rung, status):
        role = ChampionRole.objects.create(panel=ladder.panel, person=people["evans"], area="Estates")
        assert (
            signed_in(getattr(ladder, rung)).post(_url("staff_champion_role_remove", ladder, role.pk)).status_code
            == status
        )
        role.refresh_from_db()
        assert not role.is_deleted

    @pytest.mark.parametrize(
        ("rung", "status"), [("officer", 200), ("member", 200), ("pcc_office", 200), ("other_officer", 404)]
    )
    def test_the_staff_list(self, ladder, people, rung, status):
        assert signed_in(getattr(ladder, rung)).get(_url("staff_task_group_list", ladder)).status_code == status


class TestQueryCounts:
    @pytest.mark.parametrize(("name", "rung"), [("staff_task_group_list", "officer"), ("task_group_list", "anonymous")])
    def test_constant_as_rows_grow(self, ladder, people, name, rung):
        client = ladder.client(rung)

        def add(n):
            for i in range(n):
                group = TaskGroup.objects.create(panel=ladder.panel, topic=f"Topic {i}")
                group.members.set([people["evans"], people["hurst"]])
                ChampionRole.objects.create(panel=ladder.panel, person=people["evans"], area=f"Area {i}")

        add(2)
        few = query_count(client, _url(name, ladder))
        add(8)
        assert query_count(client, _url(name, ladder)) == few
