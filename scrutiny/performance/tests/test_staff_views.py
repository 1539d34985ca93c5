"""The staff performance pages: entering a measurement, uploading a CSV, editing narratives, and who may."""

import datetime
import io
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from scrutiny.accounts.tests.helpers import build_ladder, signed_in
from scrutiny.core.models import AuditEvent
from scrutiny.documents.choices import PaperSource
from scrutiny.documents.models import Paper, Publication
from scrutiny.documents.tests.factories import PaperFactory
from scrutiny.meetings.choices import MeetingStatus
from scrutiny.meetings.models import AgendaItem
from scrutiny.meetings.tests.factories import AgendaItemFactory, MeetingFactory
from scrutiny.performance import services
from scrutiny.performance.choices import Polarity, Unit
from scrutiny.performance.models import Indicator, IndicatorNarrative, Measurement, Period
from scrutiny.performance.periods import period_get_or_create
from scrutiny.performance.reports import budget_metrics_paper_generate
from scrutiny.performance.tests.factories import (
    IndicatorFactory,
    IndicatorNarrativeFactory,
    MeasurementFactory,
    ObjectiveFactory,
    ReportedChangeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def ladder():
    return build_ladder()


@pytest.fixture
def data(ladder):
    """West Mercia's rape offences falling on last year, a satisfaction rate, and a text status."""
    panel = ladder.panel
    q1, q1_last = period_get_or_create("Q1 2023/24"), period_get_or_create("Q1 2022/23")
    rape = IndicatorFactory(
        panel=panel,
        slug="rape-offences",
        name="Volume of rape offences",
        unit=Unit.COUNT,
        polarity=Polarity.LOWER_IS_BETTER,
        order=1,
    )
    MeasurementFactory(indicator=rape, period=q1_last, value=Decimal("150"))
    MeasurementFactory(indicator=rape, period=q1, value=Decimal("135"))
    satisfaction = IndicatorFactory(
        panel=panel, slug="victim-satisfaction", name="% of victims satisfied with service", unit=Unit.PERCENTAGE
    )
    status = IndicatorFactory(panel=panel, slug="estate-plan", name="Estates strategy", unit=Unit.TEXT)
    return {"rape": rape, "satisfaction": satisfaction, "status": status, "q1": q1, "q1_last": q1_last}


def url(name, panel, **kwargs):
    return reverse(f"performance:{name}", kwargs={"panel_slug": panel.slug, **kwargs})


def narrative_url(panel, indicator, period):
    return url("staff_narrative_edit", panel, indicator_slug=indicator.slug, period_id=period.pk)


def csv_file(text: str, name: str = "figures.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def stored() -> list[tuple]:
    return sorted(Measurement.objects.values_list("indicator__slug", "period__label", "value", "text_value"))


# Permissions ---------------------------------------------------------------------------------------------

PAGES = ["staff_home", "staff_measurement_record", "staff_measurements_import", "staff_narrative_list"]


class TestPermissions:
    @pytest.mark.parametrize("page", PAGES)
    def test_anonymous_is_sent_to_sign_in(self, ladder, page):
        response = ladder.client("anonymous").get(url(page, ladder.panel))
        assert response.status_code == 302
        assert response.url.startswith(reverse("two_factor:login"))

    def test_a_password_alone_is_sent_to_set_up_the_second_factor(self, ladder):
        response = signed_in(ladder.officer, verified=False).get(url("staff_home", ladder.panel))
        assert response.status_code == 302
        assert response.url.startswith(reverse("two_factor:setup"))

    @pytest.mark.parametrize("page", PAGES)
    def test_a_user_without_a_role_is_refused(self, ladder, page):
        assert ladder.client("outsider").get(url(page, ladder.panel)).status_code == 403

    @pytest.mark.parametrize("page", PAGES)
    def test_another_panels_officer_gets_not_found(self, ladder, page):
        assert ladder.client("other_officer").get(url(page, ladder.panel)).status_code == 404

    def test_another_panels_officer_cannot_post_either(self, ladder, data):
        client = ladder.client("other_officer")
        response = client.post(url("staff_measurement_record", ladder.panel), {"indicator": "rape-offences"})
        assert response.status_code == 404
        response = client.post(narrative_url(ladder.panel, data["rape"], data["q1"]), {"action": "save", "text": "x"})
        assert response.status_code == 404
        assert not IndicatorNarrative.objects.exists()

    @pytest.mark.parametrize("rung", ["officer", "member", "pcc_office", "administrator"])
    @pytest.mark.parametrize("page", PAGES)
    def test_panel_staff_may_look(self, ladder, data, rung, page):
        assert ladder.client(rung).get(url(page, ladder.panel)).status_code == 200

    @pytest.mark.parametrize("rung", ["officer", "member", "pcc_office"])
    def test_narrative_page_may_be_read_by_panel_staff(self, ladder, data, rung):
        response = ladder.client(rung).get(narrative_url(ladder.panel, data["rape"], data["q1"]))
        assert response.status_code == 200
        assert ('name="action" value="save"' in response.text) is (rung == "officer")

    def test_a_member_sees_no_form_and_is_refused_on_post(self, ladder, data):
        client = ladder.client("member")
        page = client.get(url("staff_measurement_record", ladder.panel))
        assert 'name="indicator"' not in page.text
        response = client.post(
            url("staff_measurement_record", ladder.panel),
            {"indicator": "victim-satisfaction", "period": "Q1 2023/24", "value": "70"},
        )
        assert response.status_code == 403
        upload = client.post(
            url("staff_measurements_import", ladder.panel),
            {"file": csv_file("indicator,period,value\nvictim-satisfaction,Q1 2023/24,70\n")},
        )
        assert upload.status_code == 403
        assert not Measurement.objects.filter(indicator=data["satisfaction"]).exists()

    @pytest.mark.parametrize("rung", ["pcc_office", "officer", "administrator"])
    def test_suppliers_may_submit(self, ladder, data, rung):
        response = ladder.client(rung).post(
            url("staff_measurement_record", ladder.panel),
            {"indicator": "victim-satisfaction", "period": "Q1 2023/24", "value": "70"},
        )
        assert response.status_code == 302
        assert Measurement.objects.get(indicator=data["satisfaction"]).value == Decimal("70")

    @pytest.mark.parametrize(("rung", "status"), [("member", 403), ("pcc_office", 403), ("officer", 302)])
    def test_only_the_scrutiny_officer_edits_narratives(self, ladder, data, rung, status):
        response = ladder.client(rung).post(
            narrative_url(ladder.panel, data["rape"], data["q1"]), {"action": "save", "text": "Fewer offences."}
        )
        assert response.status_code == status
        assert IndicatorNarrative.objects.exists() is (status == 302)


# Entering a measurement ----------------------------------------------------------------------------------


class TestMeasurementRecord:
    def test_stores_the_figure_with_comparators_and_audits_it(self, ladder, data):
        """GIVEN the PCC's office WHEN it enters a rate with its comparators THEN it is stored, audited, and
        the landing page says so and lists it."""
        client = ladder.client("pcc_office")
        response = client.post(
            url("staff_measurement_record", ladder.panel),
            {
                "indicator": "victim-satisfaction",
                "period": "Q2 23/24",
                "value": "71.5%",
                "msg_average": "70.1",
                "national": "72",
                "source": "Quarterly Performance report",
            },
            follow=True,
        )
        measurement = Measurement.objects.get(indicator=data["satisfaction"])
        assert (measurement.period.label, measurement.value, measurement.msg_average, measurement.national) == (
            "Q2 2023/24",
            Decimal("71.5"),
            Decimal("70.1"),
            Decimal("72"),
        )
        event = AuditEvent.objects.get(verb="measurement_record")
        assert event.actor == ladder.pcc_office
        assert event.panel_id == ladder.panel.pk
        assert event.object_id == str(measurement.pk)
        assert "Recorded the figure for % of victims satisfied with service, Q2 2023/24." in response.text
        assert response.redirect_chain[-1][0] == url("staff_home", ladder.panel)
        assert "71.5%" in response.text

    def test_a_second_figure_for_the_period_replaces_the_first(self, ladder, data):
        response = ladder.client("officer").post(
            url("staff_measurement_record", ladder.panel),
            {"indicator": "rape-offences", "period": "Q1 2023/24", "value": "1,234"},
            follow=True,
        )
        assert Measurement.objects.get(indicator=data["rape"], period=data["q1"]).value == Decimal("1234")
        assert Measurement.objects.filter(indicator=data["rape"]).count() == 2
        assert "Replaced the figure" in response.text

    def test_a_text_status_takes_text(self, ladder, data):
        ladder.client("officer").post(
            url("staff_measurement_record", ladder.panel),
            {"indicator": "estate-plan", "period": "2023/24", "text_value": "On track"},
        )
        assert Measurement.objects.get(indicator=data["status"]).text_value == "On track"

    @pytest.mark.parametrize(
        ("posted", "field", "message"),
        [
            ({"value": "150"}, "value", "A percentage is between 0 and 100, not 150."),
            ({"value": "70", "national": "101"}, "national", "A percentage is between 0 and 100, not 101."),
            ({"value": "seventy"}, "value", "Enter a number, like 76.4"),
            ({"value": ""}, "value", "A value is required."),
            ({"value": "70", "period": "Q1 23/23"}, "period", "the years of a financial year must be consecutive"),
            ({"value": "70", "period": "last quarter"}, "period", "is not a period label"),
            ({"value": "70", "indicator": "no-such-thing"}, "indicator", "Choose an indicator"),
            ({"value": "70", "text_value": "Good"}, "text_value", "takes a number, not text"),
        ],
    )
    def test_bad_input_is_summarised_and_nothing_is_stored(self, ladder, data, posted, field, message):
        before, periods_before, events_before = stored(), Period.objects.count(), AuditEvent.objects.count()
        form = {"indicator": "victim-satisfaction", "period": "Q3 2023/24", **posted}
        response = ladder.client("pcc_office").post(url("staff_measurement_record", ladder.panel), form)
        assert response.status_code == 200
        assert 'class="govuk-error-summary"' in response.text
        assert f'href="#id_{field}"' in response.text
        assert message in response.text
        assert response.context["form"].has_error(field)
        assert stored() == before
        assert Period.objects.count() == periods_before
        assert AuditEvent.objects.count() == events_before

    def test_the_form_is_prefilled_from_the_change_link(self, ladder, data):
        response = ladder.client("officer").get(
            url("staff_measurement_record", ladder.panel) + "?indicator=rape-offences&period=Q1+2023%2F24"
        )
        assert '<option value="rape-offences" selected>' in response.text
        assert 'value="Q1 2023/24"' in response.text

    def test_another_panels_indicator_is_not_a_choice(self, ladder, data):
        IndicatorFactory(panel=ladder.other_panel, slug="theirs", name="Their indicator")
        response = ladder.client("administrator").post(
            url("staff_measurement_record", ladder.panel), {"indicator": "theirs", "period": "Q1 2023/24", "value": "1"}
        )
        assert response.context["form"].has_error("indicator")
        assert "Their indicator" not in response.text
        assert not Measurement.objects.filter(indicator__slug="theirs").exists()


# Uploading a CSV -----------------------------------------------------------------------------------------

GOOD_CSV = """indicator,period,value,msg_average,national,note
victim-satisfaction,Q1 2023/24,71.5,70.1,72,
victim-satisfaction,Q2 2023/24,73,,,
rape-offences,Q1 2023/24,140,,,Revised by the force
estate-plan,2023/24,On track,,,
"""

BAD_CSV = """indicator,period,value,msg_average,national
no-such-indicator,Q1 2023/24,10,,
rape-offences,Q1 23/23,10,,
rape-offences,Q2 2023/24,lots,,
victim-satisfaction,Q1 2023/24,70,,
victim-satisfaction,Q1 2023/24,71,,
victim-satisfaction,Q2 2023/24,101,,
"""


class TestMeasurementsImport:
    def test_a_good_file_is_stored_and_counted(self, ladder, data):
        """GIVEN a file of four figures, one replacing a stored one WHEN the officer uploads it THEN all four
        are stored and audited, and the counts are shown."""
        response = ladder.client("officer").post(
            url("staff_measurements_import", ladder.panel), {"file": csv_file(GOOD_CSV)}, follow=True
        )
        assert response.redirect_chain[-1][0] == url("staff_home", ladder.panel)
        assert "Stored 4 measurements: 3 new, 1 replaced." in response.text
        assert ("rape-offences", "Q1 2023/24", Decimal("140.000"), "") in stored()
        assert ("estate-plan", "2023/24", None, "On track") in stored()
        satisfaction = Measurement.objects.get(indicator=data["satisfaction"], period=data["q1"])
        assert (satisfaction.msg_average, satisfaction.national) == (Decimal("70.1"), Decimal("72"))
        events = AuditEvent.objects.filter(verb="measurement_record")
        assert events.count() == 4
        assert {e.actor for e in events} == {ladder.officer}

    def test_a_bad_file_is_refused_whole_with_every_problem_by_row_and_column(self, ladder, data):
        before, periods_before, events_before = stored(), Period.objects.count(), AuditEvent.objects.count()
        response = ladder.client("pcc_office").post(
            url("staff_measurements_import", ladder.panel), {"file": csv_file(BAD_CSV)}
        )
        assert response.status_code == 200
        assert stored() == before
        assert Period.objects.count() == periods_before
        assert AuditEvent.objects.count() == events_before
        found = {(p.row, p.column) for p in response.context["problems"]}
        assert found == {(2, "indicator"), (3, "period"), (4, "value"), (6, "period"), (7, "value")}
        assert 'class="govuk-error-summary"' in response.text
        assert "it has 5 problems. Nothing was stored." in response.text
        table = response.text[response.text.index('id="problems"') :]
        for needle in (
            "No indicator &#x27;no-such-indicator&#x27; on this panel.",
            "the years of a financial year must be consecutive",
            "&#x27;lots&#x27; is not a number.",
            "victim-satisfaction for Q1 2023/24 is already in row 5.",
            "A percentage is between 0 and 100, not 101.",
        ):
            assert needle in table
        rows = [(p.row, p.column) for p in response.context["problems"]]
        for row, column in rows:
            assert f'<td class="govuk-table__cell govuk-table__cell--numeric">{row}</td>' in table
            assert f"<code>{column}</code>" in table

    def test_a_missing_column_is_a_problem_of_the_header(self, ladder, data):
        response = ladder.client("officer").post(
            url("staff_measurements_import", ladder.panel), {"file": csv_file("indicator,value\nrape-offences,1\n")}
        )
        assert [(p.row, p.column) for p in response.context["problems"]] == [(0, "period")]
        assert "Header" in response.text

    def test_a_file_that_is_not_utf8_is_refused(self, ladder, data):
        before = stored()
        upload = SimpleUploadedFile("figures.csv", "indicator,period,value\nr\xe9,Q1 2023/24,1\n".encode("cp1252"))
        response = ladder.client("officer").post(url("staff_measurements_import", ladder.panel), {"file": upload})
        assert "The selected file must be a CSV saved as UTF-8" in response.text
        assert 'href="#id_file"' in response.text
        assert stored() == before

    def test_no_file_is_an_error(self, ladder, data):
        response = ladder.client("officer").post(url("staff_measurements_import", ladder.panel), {})
        assert response.status_code == 200
        assert "Select a CSV file" in response.text

    def test_a_file_of_another_type_is_refused(self, ladder, data):
        upload = SimpleUploadedFile("figures.xlsx", b"PK\x03\x04")
        response = ladder.client("officer").post(url("staff_measurements_import", ladder.panel), {"file": upload})
        assert "The selected file must be a CSV" in response.text


# Narratives ----------------------------------------------------------------------------------------------


class TestNarratives:
    def test_the_list_shows_each_indicators_draft(self, ladder, data):
        response = ladder.client("officer").get(url("staff_narrative_list", ladder.panel))
        assert "Q1 2023/24: 135 rape offences, down 10% on Q1 2022/23 (150)." in response.text
        assert narrative_url(ladder.panel, data["rape"], data["q1"]) in response.text
        # Indicators without a figure have nothing to narrate.
        assert "Estates strategy" not in response.text

    def test_the_list_filters_by_period(self, ladder, data):
        listing = url("staff_narrative_list", ladder.panel)
        response = ladder.client("officer").get(listing, {"period": data["q1_last"].pk})
        assert [(r.indicator.slug, r.period.label) for r in response.context["rows"]] == [
            ("rape-offences", "Q1 2022/23")
        ]
        unknown = ladder.client("officer").get(listing, {"period": "999999"})
        assert "Choose a period from the list." in unknown.text

    def test_the_edit_page_shows_the_draft(self, ladder, data):
        response = ladder.client("officer").get(narrative_url(ladder.panel, data["rape"], data["q1"]))
        draft = "Q1 2023/24: 135 rape offences, down 10% on Q1 2022/23 (150)."
        assert f'<dd class="govuk-summary-list__value" id="drafted">{draft}</dd>' in response.text
        assert "No problems" in response.text

    def test_saving_stores_the_text_and_who_edited_it_with_an_audit_event(self, ladder, data):
        """GIVEN the draft WHEN the officer saves her own words THEN they are stored with her name, the draft
        beside them, audited, and shown on the public indicator page."""
        text = "Q1 2023/24: 135 rape offences, 15 fewer than in Q1 2022/23."
        page = narrative_url(ladder.panel, data["rape"], data["q1"])
        response = ladder.client("officer").post(page, {"action": "save", "text": text}, follow=True)
        stored_narrative = IndicatorNarrative.objects.get(indicator=data["rape"], period=data["q1"])
        assert stored_narrative.edited == text
        assert stored_narrative.drafted == "Q1 2023/24: 135 rape offences, down 10% on Q1 2022/23 (150)."
        assert stored_narrative.edited_by == ladder.officer
        event = AuditEvent.objects.get(verb="indicator_narrative_save")
        assert (event.actor, event.panel_id, event.object_id) == (
            ladder.officer,
            ladder.panel.pk,
            str(stored_narrative.pk),
        )
        assert response.redirect_chain[-1][0] == page
        assert "Saved the narrative." in response.text
        assert "No problems" in response.text
        public = ladder.client("anonymous").get(
            reverse("performance:indicator_detail", args=[ladder.panel.slug, "rape-offences"])
        )
        assert text in public.text

    def test_a_wrong_figure_is_flagged_inline_after_saving(self, ladder, data):
        page = narrative_url(ladder.panel, data["rape"], data["q1"])
        text = "Q1 2023/24: 153 rape offences, down 10% on Q1 2022/23."
        response = ladder.client("officer").post(page, {"action": "save", "text": text}, follow=True)
        assert IndicatorNarrative.objects.get().edited == text
        assert "Q1 2023/24: <mark>153</mark>" in response.text
        assert "“153” is not a figure in the data (135, 15, 150)." in response.text
        assert "1 number is not in the stored data." in response.text
        listing = ladder.client("officer").get(url("staff_narrative_list", ladder.panel))
        assert "1 number not in the data" in listing.text

    def test_check_flags_without_storing(self, ladder, data):
        page = narrative_url(ladder.panel, data["rape"], data["q1"])
        text = "Q2 2023/24: 135 rape offences, up 10% on last year."
        response = ladder.client("officer").post(page, {"action": "check", "text": text})
        assert response.status_code == 200
        assert not IndicatorNarrative.objects.exists()
        assert not AuditEvent.objects.filter(verb="indicator_narrative_save").exists()
        assert "<mark>Q2 2023/24</mark>" in response.text
        assert "<mark>10%</mark>" in response.text
        assert "is given as a rise, but the data show a fall" in response.text
        assert "2 numbers are not in the stored data." in response.text
        assert response.context["form"]["text"].value() == text

    def test_saving_the_draft_unchanged_is_not_an_edit(self, ladder, data):
        page = narrative_url(ladder.panel, data["rape"], data["q1"])
        draft = "Q1 2023/24: 135 rape offences, down 10% on Q1 2022/23 (150)."
        ladder.client("officer").post(page, {"action": "save", "text": f"  {draft}\n"})
        stored_narrative = IndicatorNarrative.objects.get()
        assert (stored_narrative.drafted, stored_narrative.edited) == (draft, "")

    def test_an_edited_narrative_is_shown_for_editing(self, ladder, data):
        IndicatorNarrativeFactory(
            indicator=data["rape"],
            period=data["q1"],
            drafted="Old draft.",
            edited="Edited words.",
            edited_by=ladder.officer,
        )
        response = ladder.client("officer").get(narrative_url(ladder.panel, data["rape"], data["q1"]))
        assert response.context["form"]["text"].value() == "Edited words."
        assert "saved by officer" in response.text

    def test_a_reported_change_alone_can_be_narrated(self, ladder, data):
        trc = IndicatorFactory(panel=ladder.panel, slug="total-recorded-crime", name="Volume of total recorded crime")
        ReportedChangeFactory(indicator=trc, period=data["q1"], change_pct=Decimal("-9"))
        response = ladder.client("officer").get(narrative_url(ladder.panel, trc, data["q1"]))
        assert response.status_code == 200
        assert "9%" in response.context["row"].drafted

    @pytest.mark.parametrize("which", ["no-figure", "unknown-indicator", "unknown-period", "other-panel"])
    def test_nothing_to_narrate_is_not_found(self, ladder, data, which):
        theirs = IndicatorFactory(panel=ladder.other_panel, slug="theirs")
        MeasurementFactory(indicator=theirs, period=data["q1"])
        target = {
            "no-figure": narrative_url(ladder.panel, data["satisfaction"], data["q1"]),
            "unknown-indicator": url("staff_narrative_edit", ladder.panel, indicator_slug="nothing", period_id=1),
            "unknown-period": url("staff_narrative_edit", ladder.panel, indicator_slug="rape-offences", period_id=0),
            "other-panel": narrative_url(ladder.panel, theirs, data["q1"]),
        }[which]
        assert ladder.client("officer").get(target).status_code == 404


class TestIndicatorNarrativeSave:
    def test_saving_again_replaces_and_blank_goes_back_to_the_draft(self, ladder, data):
        first = services.indicator_narrative_save(
            acting_user=ladder.officer, indicator=data["rape"], period=data["q1"], drafted="Draft.", edited="Mine."
        )
        again = services.indicator_narrative_save(
            acting_user=ladder.officer, indicator=data["rape"], period=data["q1"], drafted="Draft.", edited=""
        )
        assert first.pk == again.pk
        assert (again.drafted, again.edited) == ("Draft.", "")
        assert AuditEvent.objects.filter(verb="indicator_narrative_save").count() == 2


# Query counts --------------------------------------------------------------------------------------------


def _grow(panel, indicators: int, periods: int):
    for i in range(indicators):
        indicator = IndicatorFactory(panel=panel, unit=Unit.COUNT, name=f"Volume of offences {i}")
        for q in range(periods):
            period = period_get_or_create(f"Q{q % 4 + 1} {2019 + q // 4}/{(20 + q // 4) % 100:02d}")
            MeasurementFactory(indicator=indicator, period=period, value=Decimal(100 + q))
            if q == periods - 1:
                IndicatorNarrativeFactory(indicator=indicator, period=period, edited=f"Q{q % 4 + 1}: {100 + q}.")


class TestQueryCounts:
    """The list pages' queries do not grow with indicators, periods and narratives."""

    @staticmethod
    def _queries(client, target) -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(target).status_code == 200
        return len(context.captured_queries)

    @pytest.mark.parametrize("page", ["staff_home", "staff_narrative_list"])
    def test_constant(self, ladder, page):
        client = ladder.client("officer")
        target = url(page, ladder.panel)
        _grow(ladder.panel, indicators=1, periods=2)
        small = self._queries(client, target)
        _grow(ladder.panel, indicators=5, periods=8)
        assert self._queries(client, target) == small

    def test_narrative_list_for_a_period_constant(self, ladder):
        client = ladder.client("officer")
        _grow(ladder.panel, indicators=1, periods=2)
        q1 = Period.objects.get(label="Q1 2019/20")
        small = self._queries(client, url("staff_narrative_list", ladder.panel) + f"?period={q1.pk}")
        _grow(ladder.panel, indicators=5, periods=8)
        assert self._queries(client, url("staff_narrative_list", ladder.panel) + f"?period={q1.pk}") == small


# The Annual Budget Metrics report ------------------------------------------------------------------------

TABLE_HEADER = "| Plan objective | Improvement area | Key performance indicator | Data source | {update} |"


@pytest.fixture
def item(ladder, data):
    """An item on the agenda of the panel's next (scheduled) meeting, the rape indicator under an objective."""
    objective = ObjectiveFactory(plan__panel=ladder.panel, number=2, title="Building a more secure West Mercia")
    Indicator.objects.filter(pk=data["rape"].pk).update(
        objective=objective, improvement_area="Rape and serious sexual offences", data_source="Quarterly report"
    )
    meeting = MeetingFactory(
        panel=ladder.panel,
        status=MeetingStatus.SCHEDULED,
        start=datetime.datetime(2023, 9, 19, 14, 0, tzinfo=datetime.UTC),
        slug="2023-09-19",
    )
    return AgendaItemFactory(meeting=meeting, number="7", title="2023/24 Annual Budget Metrics Report")


def generate(client, panel, item, **fields):
    return client.post(
        url("staff_home", panel), {"agenda_item": item.pk, "financial_year": "2023/24", "period": "", **fields}
    )


def report_url(panel, paper, fmt="pdf", name="staff_report_download"):
    return reverse(f"performance:{name}", kwargs={"panel_slug": panel.slug, "paper_id": paper.pk, "fmt": fmt})


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


class TestBudgetMetricsGenerate:
    def test_the_officer_generates_the_report_on_the_agenda_item(self, ladder, item):
        """GIVEN the panel's figures and an item on a scheduled meeting's agenda WHEN the officer generates
        the report THEN it is a paper on the item with Table 1's columns, audited, and she is sent to the
        meeting's page with a message naming it."""
        response = generate(ladder.client("officer"), ladder.panel, item)
        assert response.status_code == 302
        assert response.url == reverse(
            "staff:meeting_detail", kwargs={"panel_slug": ladder.panel.slug, "meeting_slug": "2023-09-19"}
        )
        paper = Paper.objects.get(agenda_item=item)
        assert paper.title == "2023/24 Annual Budget Metrics Report"
        assert paper.source == PaperSource.GENERATED
        assert TABLE_HEADER.format(update="Q1 2023/24 update") in paper.body
        assert (
            "| Building a more secure West Mercia | Rape and serious sexual offences | Volume of rape offences | "
            "Quarterly report |" in paper.body
        )
        event = AuditEvent.objects.get(verb="budget_metrics_paper_generate")
        assert (event.actor, event.object_id) == (ladder.officer, str(paper.pk))
        page = ladder.client("officer").get(url("staff_home", ladder.panel))
        assert report_url(ladder.panel, paper) in page.text
        assert [str(m) for m in get_messages(response.wsgi_request)] == [
            "Generated “2023/24 Annual Budget Metrics Report” as a paper on item 7. 2023/24 Annual Budget Metrics "
            "Report of the meeting of 19 September 2023."
        ]

    def test_the_update_column_for_a_chosen_period(self, ladder, data, item):
        generate(ladder.client("officer"), ladder.panel, item, period=data["q1_last"].pk, financial_year="2022-23")
        paper = Paper.objects.get(agenda_item=item)
        assert paper.title == "2022/23 Annual Budget Metrics Report"
        assert TABLE_HEADER.format(update="Q1 2022/23 update") in paper.body

    def test_the_form_offers_the_year_of_the_latest_figure(self, ladder, item):
        page = ladder.client("officer").get(url("staff_home", ladder.panel))
        assert 'name="financial_year" value="2023/24"' in page.text
        assert "7. 2023/24 Annual Budget Metrics Report" in page.text

    @pytest.mark.parametrize(
        ("year", "message"),
        [
            ("2023/25", "Enter the financial year as two consecutive years, for example 2023/24"),
            ("Q1 2023/24", "Enter the financial year as two consecutive years, for example 2023/24"),
            ("", "Enter the financial year, for example 2023/24"),
        ],
    )
    def test_a_bad_financial_year_is_refused_and_nothing_stored(self, ladder, item, year, message):
        response = generate(ladder.client("officer"), ladder.panel, item, financial_year=year)
        assert response.status_code == 200
        assert "There is a problem" in response.text
        assert message in response.text
        assert response.text.count(message) == 2  # in the summary and by the field
        assert not Paper.objects.exists()
        assert not AuditEvent.objects.filter(verb="budget_metrics_paper_generate").exists()

    @pytest.mark.parametrize("where", ["held", "other_panel"])
    def test_only_an_item_of_the_panels_scheduled_meetings(self, ladder, item, where):
        panel = ladder.other_panel if where == "other_panel" else ladder.panel
        elsewhere = AgendaItemFactory(meeting__panel=panel, meeting__status=MeetingStatus.HELD)
        response = generate(ladder.client("officer"), ladder.panel, elsewhere)
        assert response.status_code == 200
        assert "Choose an agenda item" in response.text
        assert not Paper.objects.exists()


class TestBudgetMetricsPermissions:
    @pytest.mark.parametrize("rung", ["member", "pcc_office"])
    def test_others_see_no_form_and_are_refused_on_post(self, ladder, item, rung):
        client = ladder.client(rung)
        page = client.get(url("staff_home", ladder.panel))
        assert page.status_code == 200
        assert 'name="financial_year"' not in page.text
        assert generate(client, ladder.panel, item).status_code == 403
        assert not Paper.objects.exists()

    @pytest.mark.parametrize(("rung", "status"), [("officer", 302), ("administrator", 302), ("outsider", 403)])
    def test_the_officer_and_administrators_may_generate(self, ladder, item, rung, status):
        assert generate(ladder.client(rung), ladder.panel, item).status_code == status
        assert Paper.objects.exists() is (status == 302)

    def test_another_panels_officer_gets_not_found(self, ladder, item):
        assert generate(ladder.client("other_officer"), ladder.panel, item).status_code == 404
        assert not Paper.objects.exists()

    def test_anonymous_is_sent_to_sign_in(self, ladder, item):
        response = generate(ladder.client("anonymous"), ladder.panel, item)
        assert response.status_code == 302
        assert response.url.startswith(reverse("two_factor:login"))
        assert not Paper.objects.exists()


class TestBudgetMetricsDownload:
    @pytest.fixture
    def paper(self, ladder, item):
        return budget_metrics_paper_generate(acting_user=ladder.officer, agenda_item=item, financial_year="2023/24")

    def test_the_pdf_for_the_panels_staff(self, ladder, paper):
        response = ladder.client("member").get(report_url(ladder.panel, paper))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
        assert "no-store" in response["Cache-Control"]
        text = pdf_text(response.content)
        assert "2023/24 ANNUAL BUDGET METRICS REPORT" in text
        assert "Volume of rape offences" in text

    def test_the_html(self, ladder, paper):
        response = ladder.client("pcc_office").get(report_url(ladder.panel, paper, "html"))
        assert response.status_code == 200
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert "<th>Plan objective</th>" in response.text
        assert "<td>Volume of rape offences</td>" in response.text

    @pytest.mark.parametrize(("rung", "status"), [("outsider", 403), ("other_officer", 404)])
    def test_refused_outside_the_panel(self, ladder, paper, rung, status):
        assert ladder.client(rung).get(report_url(ladder.panel, paper)).status_code == status

    def test_anonymous_is_sent_to_sign_in(self, ladder, paper):
        response = ladder.client("anonymous").get(report_url(ladder.panel, paper))
        assert response.status_code == 302

    def test_only_a_generated_budget_metrics_report(self, ladder, item):
        other = PaperFactory(agenda_item=item, title="2023/24 Annual Budget Metrics Report")
        assert ladder.client("officer").get(report_url(ladder.panel, other)).status_code == 404

    def test_the_list_stays_at_a_fixed_number_of_queries(self, ladder, item):
        client = ladder.client("officer")
        budget_metrics_paper_generate(acting_user=ladder.officer, agenda_item=item, financial_year="2023/24")
        small = TestQueryCounts._queries(client, url("staff_home", ladder.panel))
        for _n in range(3):
            budget_metrics_paper_generate(acting_user=ladder.officer, agenda_item=item, financial_year="2023/24")
        assert TestQueryCounts._queries(client, url("staff_home", ladder.panel)) == small


class TestBudgetMetricsPublic:
    """The public address: only a report that went out with the agenda, and never an exempt one."""

    @pytest.fixture
    def paper(self, ladder, item):
        return budget_metrics_paper_generate(acting_user=ladder.officer, agenda_item=item, financial_year="2023/24")

    @staticmethod
    def publish(paper):
        publication = Publication.objects.create(meeting=paper.agenda_item.meeting, published_at=timezone.now())
        publication.papers.add(paper)

    def test_a_published_report(self, ladder, paper):
        self.publish(paper)
        response = Client().get(report_url(ladder.panel, paper, name="report_download"))
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert "Volume of rape offences" in pdf_text(response.content)
        html = Client().get(report_url(ladder.panel, paper, "html", name="report_download"))
        assert "<td>Volume of rape offences</td>" in html.text
        page = ladder.client("officer").get(url("staff_home", ladder.panel))
        assert report_url(ladder.panel, paper, name="report_download") in page.text

    def test_not_before_the_agenda_is_published(self, ladder, paper):
        assert Client().get(report_url(ladder.panel, paper, name="report_download")).status_code == 404
        # Signed in changes nothing on the public address.
        assert ladder.client("officer").get(report_url(ladder.panel, paper, name="report_download")).status_code == 404

    def test_never_an_exempt_report(self, ladder, item):
        AgendaItem.objects.filter(pk=item.pk).update(
            exempt=True, exempt_paragraph=3, exempt_reason="Commercially sensitive contract terms."
        )
        item.refresh_from_db()
        paper = budget_metrics_paper_generate(acting_user=ladder.officer, agenda_item=item, financial_year="2023/24")
        assert paper.exempt
        self.publish(paper)  # Even if it were ever listed in a publication.
        assert Client().get(report_url(ladder.panel, paper, name="report_download")).status_code == 404
        assert Client().get(report_url(ladder.panel, paper, "html", name="report_download")).status_code == 404
        assert ladder.client("officer").get(report_url(ladder.panel, paper)).status_code == 200

    def test_not_under_another_panels_address(self, ladder, paper):
        self.publish(paper)
        assert Client().get(report_url(ladder.other_panel, paper, name="report_download")).status_code == 404
