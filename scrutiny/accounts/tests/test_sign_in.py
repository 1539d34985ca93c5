"""Staff sign-in: two-factor login, lockout, password reset, security headers and the deployment checks."""

import os
import re
import secrets
import subprocess
import sys
from base64 import b32decode
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from scrutiny.accounts.checks import check_two_factor_required
from scrutiny.accounts.tests.factories import UserFactory
from scrutiny.accounts.tests.helpers import build_ladder, signed_in

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"
LOGIN = "/account/login/"


@pytest.fixture
def ladder():
    return build_ladder()


def password_step(client, username, password=PASSWORD, next_url=""):
    url = f"{LOGIN}?next={next_url}" if next_url else LOGIN
    return client.post(url, {"login_view-current_step": "auth", "auth-username": username, "auth-password": password})


def token_step(client, device, next_url=""):
    token = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    url = f"{LOGIN}?next={next_url}" if next_url else LOGIN
    return client.post(url, {"login_view-current_step": "token", "token-otp_token": f"{token:06d}"})


class TestLoginPage:
    def test_is_a_govuk_page(self, client):
        response = client.get(LOGIN)
        assert response.status_code == 200
        assert "govuk-template" in response.text
        assert 'class="govuk-input' in response.text
        assert '<label class="govuk-label govuk-label--s" for="id_auth-username">' in response.text
        assert "bootstrap" not in response.text

    def test_a_wrong_password_is_summarised(self, ladder, client):
        response = password_step(client, "officer", "wrong password")
        assert response.status_code == 200
        assert "govuk-error-summary" in response.text
        assert 'href="#id_auth-username"' in response.text
        assert "<title>Error:" in response.text

    def test_password_and_code_open_the_staff_area(self, ladder, client):
        """GIVEN an officer with an authenticator WHEN she gives her password and then the code
        THEN she reaches the staff area, verified."""
        device = TOTPDevice.objects.create(user=ladder.officer, name="default", confirmed=True)
        response = password_step(client, "officer")
        assert response.status_code == 200
        assert "Enter your security code" in response.text
        response = token_step(client, device)
        assert response.status_code == 302
        assert response.url == reverse("staff:home")
        assert client.get(reverse("staff:home")).status_code == 200

    def test_a_user_without_a_device_sets_one_up_and_goes_on(self, ladder, client):
        """GIVEN an officer without an authenticator WHEN she signs in on her way to the staff area
        THEN she is sent to set one up, and once it is set up she reaches the staff area."""
        staff_home = reverse("staff:home")
        response = password_step(client, "officer", next_url=staff_home)
        assert response.status_code == 302
        response = client.get(response.url)
        assert response.status_code == 302
        setup_url = response.url
        assert setup_url.startswith(reverse("two_factor:setup"))

        response = client.get(setup_url)
        assert "Set up two-factor authentication" in response.text
        response = client.post(setup_url, {"setup_view-current_step": "welcome"})
        secret = response.context["secret_key"]
        code = totp(b32decode(secret), 30, 0, 6, 0)
        response = client.post(setup_url, {"setup_view-current_step": "generator", "generator-token": str(code)})
        assert response.status_code == 302
        assert response.url == staff_home
        assert client.get(staff_home).status_code == 200
        assert TOTPDevice.objects.filter(user=ladder.officer, confirmed=True).exists()

    def test_the_account_security_page_is_a_govuk_page(self, ladder):
        response = signed_in(ladder.officer).get(reverse("two_factor:profile"))
        assert response.status_code == 200
        assert "Account security" in response.text
        assert "govuk-summary-list" in response.text
        # Two-factor cannot be turned off where it is required.
        assert reverse("two_factor:disable") not in response.text


class TestLockout:
    def test_five_failures_lock_the_account(self, ladder, client):
        for _attempt in range(4):
            assert password_step(client, "officer", "wrong password").status_code == 200
        response = password_step(client, "officer", "wrong password")
        assert response.status_code == 429
        assert "accounts/locked_out.html" in [t.name for t in response.templates]
        assert "You can try again in 30 minutes." in response.text

    def test_the_right_password_is_refused_while_locked(self, ladder, client):
        for _attempt in range(5):
            password_step(client, "officer", "wrong password")
        response = password_step(client, "officer")
        assert response.status_code == 429
        assert "_auth_user_id" not in client.session

    def test_another_account_is_not_locked(self, ladder, client):
        for _attempt in range(5):
            password_step(client, "officer", "wrong password")
        response = password_step(client, "member")
        assert response.status_code in (200, 302)
        assert "locked" not in response.text


class TestPasswordReset:
    def test_a_reset_link_is_emailed_and_works(self, ladder, client):
        """GIVEN an officer WHEN she asks for a reset and follows the emailed link
        THEN she can choose a new password and sign in with it."""
        response = client.post(reverse("accounts:password_reset"), {"email": ladder.officer.email})
        assert response.status_code == 302
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == [ladder.officer.email]
        assert "Reset your" in message.subject
        link = re.search(r"https?://\S+/accounts/reset/\S+/", message.body).group(0)

        response = client.get(link, follow=True)
        assert response.context["validlink"]
        assert 'class="govuk-input' in response.text
        new_password = "a new and longer passphrase"
        response = client.post(
            response.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}
        )
        assert response.status_code == 302
        assert response.url == reverse("accounts:password_reset_complete")
        ladder.officer.refresh_from_db()
        assert ladder.officer.check_password(new_password)

    def test_an_unknown_address_gets_the_same_answer(self, client):
        response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
        assert response.status_code == 302
        assert response.url == reverse("accounts:password_reset_done")
        assert mail.outbox == []

    def test_the_form_is_a_govuk_page(self, client):
        response = client.get(reverse("accounts:password_reset"))
        assert "govuk-template" in response.text
        assert 'id="id_email"' in response.text


class TestSecurityHeaders:
    @pytest.mark.parametrize("url", ["/", LOGIN, "/api/v1/panels/", "/admin/login/"])
    def test_public_responses_carry_a_content_security_policy(self, ladder, client, url):
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        assert "default-src 'self'" in policy
        assert "script-src 'self'" in policy
        assert "frame-ancestors 'none'" in policy

    def test_staff_pages_carry_a_content_security_policy(self, ladder):
        response = signed_in(ladder.officer).get(reverse("staff:home"))
        assert response.status_code == 200
        assert "default-src 'self'" in response["Content-Security-Policy"]
        assert response["X-Frame-Options"] == "DENY"


class TestDeploymentChecks:
    def test_production_settings_pass_check_deploy(self, tmp_path):
        """`manage.py check --deploy` under the production settings reports nothing at all."""
        # A clean environment: only what a deployment sets (the test run's own DJANGO_* variables stay out).
        inherited = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and not k.endswith("_URL")}
        env = {
            **inherited,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        }
        result = subprocess.run(
            [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            cwd=Path(settings.BASE_DIR),
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        output = result.stdout + result.stderr
        assert result.returncode == 0, output
        assert "System check identified no issues (0 silenced)." in output

    def test_turning_two_factor_off_is_a_deployment_warning(self):
        assert check_two_factor_required(None) == []
        with override_settings(SCRUTINY_REQUIRE_2FA=False):
            assert [w.id for w in check_two_factor_required(None)] == ["accounts.W001"]


def test_the_demo_settings_do_not_require_two_factor():
    """config.settings.local is `make run`'s demo: its officer signs in with a printed password."""
    source = (Path(settings.BASE_DIR) / "config" / "settings" / "local.py").read_text()
    assert "SCRUTINY_REQUIRE_2FA = False" in source
    assert settings.SCRUTINY_REQUIRE_2FA is True


def test_the_user_factory_password_signs_in(client):
    UserFactory(username="someone")
    assert password_step(client, "someone").status_code == 302
