"""axe-core (WCAG 2.2 A and AA) on every page type added since the first browser tests: the public pages of
actions, recommendations, task groups, the precept, confirmation hearings, meetings with actions and the
public question form; the staff pages of the work programme, the statutory processes and performance; and the
GOV.UK error summary of a form posted empty; and the pages with wide tables on a 320-pixel screen.

One demo load serves the whole module (see `demo_site` in conftest.py): these tests only read, except for
the forms posted empty, which change nothing.
"""

import datetime
import re

import pytest
from django.utils import timezone

# The mark makes pytest-django create the test database; each test runs in a transaction of its own that is
# rolled back, which leaves the module's demo (committed before the first test) as it was.
pytestmark = pytest.mark.django_db

PANEL = "west-mercia"
STAFF = f"/staff/{PANEL}"


@pytest.fixture(scope="module")
def site(demo_site):
    """The demo, with the records it lacks that the pages need to show every table and tag: recommendations in
    each state of response, an overdue and a closed action, a task group and a champion, a confirmation
    hearing, two questions from the public (one accepted and answered), and the agenda of the upcoming meeting
    published (so that its staff page shows the "Packs as published" table). Written through the services,
    once, before the first test."""
    from django.contrib.auth import get_user_model

    from scrutiny.accounts.tests.helpers import signed_in
    from scrutiny.demo.services import DEMO_USERNAME
    from scrutiny.meetings.models import Meeting, MinuteItem
    from scrutiny.meetings.workflow import agenda_publish
    from scrutiny.panels.models import Panel
    from scrutiny.work_programme import participation, selectors, services, statutory_services
    from scrutiny.work_programme.models import Action

    panel = Panel.objects.get(slug=PANEL)
    officer = get_user_model().objects.get(username=DEMO_USERNAME)
    minute = MinuteItem.objects.get(meeting__panel=panel, number=480)
    recommendation = services.recommendation_create(
        acting_user=officer,
        panel=panel,
        subject="annual_report",
        text="The annual report should set out progress against each priority of the Police and Crime Plan.",
        made_on=datetime.date(2023, 7, 27),
        minute_item=minute,
    )
    # Every state a tag shows: a response overdue, accepted, partly accepted and rejected.
    overdue = services.recommendation_create(
        acting_user=officer,
        panel=panel,
        subject="precept",
        text="The PCC should publish the precept consultation results.",
        made_on=datetime.date(2023, 2, 1),
        minute_item=minute,
        response_due=datetime.date(2023, 2, 15),
    )
    for response in ("accepted", "partly", "rejected"):
        answered = services.recommendation_create(
            acting_user=officer,
            panel=panel,
            subject="plan",
            text=f"A recommendation on the plan that the PCC {response} it.",
            made_on=datetime.date(2023, 7, 27),
            minute_item=minute,
        )
        statutory_services.recommendation_respond(
            acting_user=officer,
            recommendation=answered,
            response=response,
            responded_on=datetime.date(2023, 9, 1),
            response_text="The Commissioner's letter of 1 September 2023.",
        )
    # An overdue action and a closed one, so that every table of the tracker has rows.
    services.action_create(
        acting_user=officer,
        panel=panel,
        description="Send the panel the force's rural crime strategy.",
        owner_name="Office of the PCC",
        minute_item=minute,
        due_date=datetime.date(2023, 10, 1),
    )
    closed = services.action_create(
        acting_user=officer, panel=panel, description="Circulate the estates map.", owner_name="Andy Champness"
    )
    services.action_complete(
        acting_user=officer, action=closed, response="Circulated by email.", responded_on=datetime.date(2023, 8, 1)
    )
    members = list(selectors.current_members(panel)[:2])
    services.task_group_create(
        acting_user=officer,
        panel=panel,
        topic="Rural and business crime",
        scope="How the force responds to crime in rural areas.",
        members=members,
        proposed_at_minute=minute,
    )
    services.champion_role_create(acting_user=officer, panel=panel, person=members[0], area="Rural crime")
    scheduled = Meeting.objects.filter(panel=panel, status="scheduled", start__gt=timezone.now())
    upcoming = scheduled.order_by("start").first()
    assert upcoming is not None, "the demo has a meeting open for public questions"
    agenda_publish(acting_user=officer, meeting=upcoming)
    hearing, _missing = statutory_services.hearing_notify(
        acting_user=officer,
        panel=panel,
        post="chief_finance_officer",
        candidate="Jane Example",
        received_on=timezone.localdate() - datetime.timedelta(days=3),
        criteria="A qualified accountant with public sector experience.",
    )
    questions = [
        participation.question_submit(
            meeting=upcoming,
            kind=kind,
            text=text,
            submitter_name="Sam Resident",
            submitter_email="sam@example.org",
        )
        for kind, text in (
            ("question", "How many rural crime officers does the force have?"),
            ("statement", "Speeding on the A49 near my village is a daily danger."),
        )
    ]
    participation.question_accept(question=questions[0], acting_user=officer, answer="Forty-two, in six teams.")

    client = signed_in(officer)
    narratives = client.get(f"{STAFF}/performance/narratives/").text
    narrative_paths = re.findall(rf'href="({STAFF}/performance/narratives/[^"/]+/\d+/)"', narratives)
    assert narrative_paths, "the narratives page links to an indicator's narrative"

    demo_site.officer = officer
    demo_site.sign_in(officer)
    demo_site.close_connections()
    demo_site.refs = {
        "upcoming": upcoming.slug,
        "action": Action.objects.filter(panel=panel).order_by("pk").first().pk,
        "recommendation": recommendation.pk,
        "overdue_recommendation": overdue.pk,
        "hearing": hearing.pk,
        "question": questions[1].pk,
        "narrative": narrative_paths[0],
    }
    return demo_site


PUBLIC_PAGES = [
    "/west-mercia/recommendations/",
    "/west-mercia/task-groups/",
    "/west-mercia/precept/",
    "/west-mercia/precept/2024-25/",
    "/west-mercia/confirmation-hearings/",
    "/west-mercia/confirmation-hearings/{hearing}/",
    "/west-mercia/actions/",
    "/west-mercia/meetings/2023/",
    "/west-mercia/meetings/2023-11-17/",
    "/west-mercia/meetings/{upcoming}/",
    "/west-mercia/meetings/{upcoming}/questions/new/",
    "/west-mercia/privacy/questions/",
]

STAFF_PAGES = [
    "/staff/",
    f"{STAFF}/actions/",
    f"{STAFF}/actions/new/",
    f"{STAFF}/actions/{{action}}/edit/",
    f"{STAFF}/recommendations/",
    f"{STAFF}/recommendations/new/",
    f"{STAFF}/recommendations/{{recommendation}}/edit/",
    f"{STAFF}/recommendations/{{recommendation}}/response/",
    f"{STAFF}/recommendations/{{overdue_recommendation}}/response/",
    f"{STAFF}/task-groups/",
    f"{STAFF}/task-groups/new/",
    f"{STAFF}/champions/new/",
    f"{STAFF}/work-programme/",
    f"{STAFF}/precept/",
    f"{STAFF}/precept/2024-25/",
    f"{STAFF}/precept/2024-25/notification/",
    f"{STAFF}/precept/2024-25/decision/",
    f"{STAFF}/precept/2024-25/revised/",
    f"{STAFF}/precept/2024-25/second-report/",
    f"{STAFF}/precept/2024-25/final-response/",
    f"{STAFF}/precept/2024-25/issue/",
    f"{STAFF}/confirmation-hearings/",
    f"{STAFF}/confirmation-hearings/new/",
    f"{STAFF}/confirmation-hearings/{{hearing}}/",
    f"{STAFF}/confirmation-hearings/{{hearing}}/decision/",
    f"{STAFF}/confirmation-hearings/{{hearing}}/response/",
    f"{STAFF}/performance/",
    f"{STAFF}/performance/measurements/new/",
    f"{STAFF}/performance/measurements/upload/",
    f"{STAFF}/performance/narratives/",
    "{narrative}",
    f"{STAFF}/meetings/{{upcoming}}/",
    f"/staff/questions/{PANEL}/{{upcoming}}/",
    f"/staff/questions/{PANEL}/{{upcoming}}/{{question}}/",
]

# Forms posted empty: each must answer with the GOV.UK error summary, itself free of violations.
EMPTY_FORMS = [
    f"{STAFF}/actions/new/",
    f"{STAFF}/recommendations/new/",
    f"{STAFF}/task-groups/new/",
    f"{STAFF}/champions/new/",
    f"{STAFF}/confirmation-hearings/new/",
    f"{STAFF}/performance/measurements/new/",
    f"{STAFF}/performance/measurements/upload/",
    f"{STAFF}/recommendations/{{recommendation}}/response/",
    f"{STAFF}/precept/2024-25/decision/",
    f"{STAFF}/confirmation-hearings/{{hearing}}/decision/",
    f"/staff/questions/{PANEL}/{{upcoming}}/{{question}}/",
    "/west-mercia/meetings/{upcoming}/questions/new/",
]


# Pages with wide tables, seen on a small phone (320 CSS pixels, WCAG's reflow width): a table that has to
# scroll sideways must be reachable from the keyboard (axe's scrollable-region-focusable).
NARROW_PAGES = [
    "/west-mercia/actions/",
    "/west-mercia/performance/",
    "/west-mercia/recommendations/",
    "/west-mercia/task-groups/",
    "/west-mercia/precept/",
    "/west-mercia/precept/2024-25/",
    "/west-mercia/work-programme/",
    "/west-mercia/meetings/2023/",
    "/west-mercia/meetings/2023-07-27/",
    "/west-mercia/meetings/2023-11-17/",
    "/west-mercia/members/",
    "/west-mercia/members/barry-durkin/",
    "/staff/",
    f"{STAFF}/actions/",
    f"{STAFF}/recommendations/",
    f"{STAFF}/task-groups/",
    f"{STAFF}/work-programme/",
    f"{STAFF}/precept/2024-25/",
    f"{STAFF}/meetings/{{upcoming}}/",
    f"/staff/questions/{PANEL}/{{upcoming}}/",
    f"{STAFF}/performance/",
    f"{STAFF}/performance/narratives/",
]


def _open(site, path, *, signed_in, width=1280):
    page = site.new_page(site.officer if signed_in else None, width=width)
    response = page.goto(path.format(**site.refs))
    return page, response


class TestPublicPages:
    @pytest.mark.parametrize("path", PUBLIC_PAGES)
    def test_has_no_wcag_violations(self, site, axe_violations, static_built, path):
        page, response = _open(site, path, signed_in=False)
        try:
            assert response.status == 200
            assert axe_violations(page) == []
        finally:
            page.context.close()


class TestStaffPages:
    @pytest.mark.parametrize("path", STAFF_PAGES)
    def test_has_no_wcag_violations(self, site, axe_violations, static_built, path):
        """Signed in as the demo officer, with two-factor verified."""
        page, response = _open(site, path, signed_in=True)
        try:
            assert response.status == 200, page.url
            assert "/account/login/" not in page.url
            assert axe_violations(page) == []
        finally:
            page.context.close()

    @pytest.mark.parametrize("path", ["/staff/", f"{STAFF}/actions/new/", f"{STAFF}/meetings/{{upcoming}}/"])
    def test_everything_is_in_a_landmark(self, site, axe_rule_violations, static_built, path):
        """Who is signed in, and the sign-out button, were once outside every landmark (axe's `region`)."""
        page, response = _open(site, path, signed_in=True)
        try:
            assert response.status == 200
            assert axe_rule_violations(page, ["region", "landmark-unique", "landmark-one-main"]) == []
            assert page.get_by_role("region", name="Your account").get_by_role("button", name="Sign out").count() == 1
        finally:
            page.context.close()

    def test_the_meeting_page_shows_the_packs_as_published(self, site, static_built):
        """Its axe check is among STAFF_PAGES; here, that the table is there to be checked."""
        page, response = _open(site, f"{STAFF}/meetings/{{upcoming}}/", signed_in=True)
        try:
            assert response.status == 200
            table = page.get_by_role("table", name="Packs as published")
            assert table.is_visible()
            assert "Agenda pack" in table.inner_text()
        finally:
            page.context.close()


class TestErrorSummaries:
    @pytest.mark.parametrize("path", EMPTY_FORMS)
    def test_a_form_posted_empty_summarises_its_errors_accessibly(self, site, axe_violations, static_built, path):
        page, response = _open(site, path, signed_in=path.startswith("/staff/"))
        try:
            assert response.status == 200
            page.locator("main form[method=post] button[type=submit]").last.click()
            page.wait_for_load_state()
            summary = page.locator(".govuk-error-summary")
            assert summary.is_visible()
            assert page.title().startswith("Error:")
            # The summary takes the focus, and each of its links leads to a field on the page.
            for href in summary.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))"):
                assert href.startswith("#")
                assert page.locator(href).count() == 1, href
            assert axe_violations(page) == []
        finally:
            page.context.close()


class TestSmallScreens:
    @pytest.mark.parametrize("path", NARROW_PAGES)
    def test_has_no_wcag_violations_at_320_pixels(self, site, axe_violations, static_built, path):
        page, response = _open(site, path, signed_in=path.startswith("/staff/"), width=320)
        try:
            assert response.status == 200
            assert axe_violations(page) == []
            # Reflow (WCAG 1.4.10): the tables scroll inside their wrappers; the page never scrolls sideways.
            assert page.evaluate("document.documentElement.scrollWidth") <= 320
        finally:
            page.context.close()
