"""The public meeting page says whether its minutes are draft or confirmed, and which minutes were corrected."""

from scrutiny.meetings.models import MinuteItem
from scrutiny.meetings.workflow import minute_item_correct, minutes_confirm


class TestMinutesStatus:
    def test_draft_minutes_say_so(self, client, west_mercia):
        body = client.get("/west-mercia/meetings/2023-07-27/").content.decode()
        assert "These minutes are a draft" in body
        assert "Corrected" not in body

    def test_confirmed_then_corrected_minute_is_marked(self, client, west_mercia, django_capture_on_commit_callbacks):
        """GIVEN the July minutes, confirmed at the September meeting
        WHEN one minute is corrected
        THEN the public page shows the minutes as confirmed and that minute as corrected, with its new text."""
        minute = MinuteItem.objects.public().filter(meeting=west_mercia.july).order_by("number").first()
        with django_capture_on_commit_callbacks(execute=True):
            minutes_confirm(meeting=west_mercia.july, at_meeting=west_mercia.september, acting_user=None)
            minute_item_correct(
                item=minute, reason="A name was misspelt.", text="The corrected wording.", acting_user=None
            )

        body = client.get("/west-mercia/meetings/2023-07-27/").content.decode()
        assert "Confirmed as a correct record" in body
        assert body.count("This minute was corrected") == 1
        assert "The corrected wording." in body
