"""British dates and times, and minuted text split into paragraphs and lists."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from scrutiny.members.choices import DatePrecision
from scrutiny.public_site.templatetags.public_pages import precise_date, text_blocks, uk_time


class TestUkTime:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (datetime.time(11, 0), "11.00am"),
            (datetime.time(13, 50), "1.50pm"),
            (datetime.time(9, 5), "9.05am"),
            (datetime.time(12, 0), "midday"),
            (datetime.time(0, 0), "midnight"),
            (datetime.time(12, 30), "12.30pm"),
            (None, ""),
        ],
    )
    def test_formats(self, value, expected):
        assert uk_time(value) == expected

    def test_aware_datetime_is_shown_in_uk_time(self):
        # 10.00 UTC in July is 11.00am British Summer Time.
        assert uk_time(datetime.datetime(2023, 7, 27, 10, 0, tzinfo=datetime.UTC)) == "11.00am"
        assert uk_time(datetime.datetime(2023, 9, 18, 9, 0, tzinfo=ZoneInfo("Europe/London"))) == "9.00am"


class TestPreciseDate:
    @pytest.mark.parametrize(
        ("precision", "expected"),
        [(DatePrecision.YEAR, "2024"), (DatePrecision.MONTH, "July 2024"), (DatePrecision.DAY, "1 July 2024")],
    )
    def test_shows_what_is_known(self, precision, expected):
        assert precise_date(datetime.date(2024, 7, 1), precision) == expected

    def test_blank(self):
        assert precise_date(None, DatePrecision.DAY) == ""


class TestTextBlocks:
    def test_paragraphs_and_lists(self):
        text = (
            "The PCC drew attention to:\n\n- Visibility of officers.\n- Funding for victims, which\n"
            "continued.\n\n- A later point.\n\nThe Chairman thanked the PCC."
        )
        assert text_blocks(text) == [
            ("p", "The PCC drew attention to:"),
            ("ul", ["Visibility of officers.", "Funding for victims, which continued.", "A later point."]),
            ("p", "The Chairman thanked the PCC."),
        ]

    def test_empty(self):
        assert text_blocks("") == []
        assert text_blocks("\n\n  \n") == []
