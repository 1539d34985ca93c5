import pytest

from scrutiny.demo.work_programme import ACTIONS, PROGRAMME, work_programme_demo_load
from scrutiny.work_programme.choices import ItemCategory
from scrutiny.work_programme.models import Action, WorkProgrammeItem
from scrutiny.work_programme.selectors import work_programme_rows
from scrutiny.work_programme.services import work_programme_item_update


@pytest.fixture
def loaded(demo):
    work_programme_demo_load()
    return demo


class TestWorkProgrammeDemo:
    def test_the_eighteen_actions_linked_to_their_minutes(self, loaded):
        actions = Action.objects.filter(panel=loaded)
        assert actions.count() == 18 == len(ACTIONS)
        assert set(actions.values_list("minute_item__number", flat=True)) == {474, 480, 481, 483, 484, 485}
        diversity = actions.get(description__startswith="Police Force diversity")
        assert diversity.due_meeting.slug == "2023-09-19"
        assert actions.filter(due_meeting__isnull=True).count() == 17

    def test_every_programme_row(self, loaded):
        items = WorkProgrammeItem.objects.filter(panel=loaded)
        assert items.count() == len(PROGRAMME) == 34
        assert items.filter(category=ItemCategory.POTENTIAL).count() == 7
        november = items.filter(meeting__slug="2023-11-17")
        assert november.count() == 6
        assert not items.filter(planned_label="17 November 2023").exists()
        assert {i.area for i in november} == {area for _, when, area, *_ in PROGRAMME if when == "17 November 2023"}
        assert items.filter(planned_label="February 2024").count() == 4

    def test_idempotent(self, loaded):
        assert work_programme_demo_load() == {"actions": 0, "items": 0, "attached": 0}

    def test_rows_loaded_before_the_november_meeting_attach_to_it(self, loaded):
        """
        GIVEN a demo loaded before the 17 November 2023 meeting was scheduled (its rows labelled with the date)
        WHEN the work programme is loaded again
        THEN the rows attach to the meeting and no row is added
        """
        november = loaded.meetings.get(slug="2023-11-17")
        rows = WorkProgrammeItem.objects.filter(panel=loaded, meeting=november)
        for item in rows:
            work_programme_item_update(acting_user=None, item=item, meeting=None, planned_label="17 November 2023")
        assert work_programme_demo_load() == {"actions": 0, "items": 0, "attached": 6}
        assert WorkProgrammeItem.objects.filter(panel=loaded, meeting=november).count() == 6
        assert WorkProgrammeItem.objects.filter(panel=loaded).count() == len(PROGRAMME)

    def test_the_2_november_rows_are_flagged(self, loaded):
        flagged = [r for r in work_programme_rows(loaded) if any("2 November 2023" in f for f in r.flags)]
        assert len(flagged) == 2
        assert all(r.when == "February 2024" for r in flagged)

    def test_the_cdp_row_is_flagged_against_minute_482(self, loaded):
        (row,) = [r for r in work_programme_rows(loaded) if "Combating Drug" in r.item.area]
        assert row.last_report_text == "27 July 2023"
        assert "23 November 2022" in row.flags[0]

    def test_public_page_shows_the_programme_and_its_flags(self, loaded, rf):
        from django.contrib.auth.models import AnonymousUser

        from scrutiny.work_programme.views import work_programme

        request = rf.get(f"/{loaded.slug}/work-programme/")
        request.user = AnonymousUser()
        html = work_programme(request, panel_slug=loaded.slug).content.decode()
        assert "Update on the Prevention Strategy" in html
        assert "but the panel held no meeting that day" in html
