"""Two short journeys from a staff form to the public page that shows the result: an overdue action on the
public tracker (issue 5), and a figure entered by the PCC's office on the public indicator page (issue 4).

Both sign in through the two-factor login, password then authenticator code, as staff do; the public page is
read in a fresh browser context, signed out.
"""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from scrutiny.accounts.choices import Role
from scrutiny.accounts.tests.factories import PanelRoleFactory
from scrutiny.demo.services import DEMO_USERNAME
from scrutiny.panels.models import Panel
from scrutiny.performance.models import Measurement
from scrutiny.work_programme.models import Action

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "correct horse battery staple 2023"


@pytest.fixture
def demo(transactional_db):
    call_command("load_demo_data", verbosity=0)
    return Panel.objects.get(slug="west-mercia")


def staff_user(user):
    """`user` with a known password and a confirmed authenticator (TOTP) device."""
    user.set_password(PASSWORD)
    user.save()
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="default", defaults={"confirmed": True})
    return user, device


def sign_in(page, base_url, user, device, axe_violations=None):
    """The two-factor sign-in: the password, then the code the authenticator shows now."""
    page.goto(f"{base_url}/account/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.locator("#id_token-otp_token").fill(f"{code:06d}")
    if axe_violations is not None:
        assert axe_violations(page) == [], "the security code step"
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    assert "/account/login/" not in page.url


@pytest.fixture
def public_page(browser):
    """A second browser context: a member of the public, never signed in."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB", bypass_csp=True)
    yield context.new_page()
    context.close()


class TestOverdueAction:
    def test_an_action_added_past_its_due_date_shows_as_overdue_on_the_public_tracker(
        self, demo, live_server, page, public_page, axe_violations, static_built
    ):
        """GIVEN the demo officer, signed in with her password and authenticator code
        WHEN she adds, from the staff actions page, an action that was due a week ago
        THEN the public tracker lists it among the overdue actions, with the red "Overdue" tag."""
        officer, device = staff_user(demo.user_roles.get(user__username=DEMO_USERNAME).user)
        sign_in(page, live_server.url, officer, device, axe_violations)
        page.goto(f"{live_server.url}/staff/west-mercia/actions/")
        page.get_by_role("link", name="Add an action").click()
        description = "Write to the Chief Constable about 101 call waiting times."
        due = timezone.localdate() - datetime.timedelta(days=7)
        page.get_by_label("Action", exact=True).fill(description)
        page.get_by_label("Owner", exact=True).fill("Office of the PCC")
        page.get_by_label("Due date").fill(due.isoformat())
        page.get_by_role("button", name="Save").first.click()
        page.wait_for_load_state()
        assert "/staff/west-mercia/actions/" in page.url
        action = Action.objects.get(description=description)
        assert action.due_date == due
        assert axe_violations(page) == []

        response = public_page.goto(f"{live_server.url}/west-mercia/actions/")
        assert response.status == 200
        overdue = public_page.get_by_role("table", name="Overdue")
        row = overdue.get_by_role("row").filter(has_text=description)
        assert row.count() == 1
        assert "Overdue" in row.inner_text()
        assert due.strftime("%-d %B %Y") in row.inner_text()
        assert axe_violations(public_page) == []


class TestPccOfficeFigure:
    def test_a_figure_entered_by_the_pccs_office_shows_on_the_public_indicator_page(
        self, demo, live_server, page, public_page, axe_violations, static_built
    ):
        """GIVEN a member of the PCC's office with a role on the West Mercia panel and an authenticator
        WHEN she enters the volume of total recorded crime for Q2 2023/24 through the staff form
        THEN the public page of that indicator shows the new figure for that quarter."""
        pcc = PanelRoleFactory(panel=demo, role=Role.PCC_OFFICE, user__username="pcc-office").user
        pcc, device = staff_user(pcc)
        sign_in(page, live_server.url, pcc, device)
        page.goto(f"{live_server.url}/staff/west-mercia/performance/")
        assert axe_violations(page) == []
        page.goto(f"{live_server.url}/staff/west-mercia/performance/measurements/new/")
        page.get_by_label("Indicator").select_option("trc-volume")
        page.get_by_label("Period").fill("Q2 2023/24")
        page.get_by_label("Value").fill("842")
        page.get_by_role("button", name="Record the figure").click()
        page.wait_for_load_state()
        assert page.locator(".govuk-error-summary").count() == 0, page.locator("main").inner_text()
        figure = Measurement.objects.get(indicator__slug="trc-volume", period__label="Q2 2023/24")
        assert figure.value == 842
        assert axe_violations(page) == []

        response = public_page.goto(f"{live_server.url}/west-mercia/performance/trc-volume/")
        assert response.status == 200
        main = public_page.locator("main").inner_text()
        assert "Q2 2023/24" in main
        assert "842" in main
        assert axe_violations(public_page) == []
