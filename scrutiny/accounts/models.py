"""Users and the roles they hold on panels."""

from django.contrib.auth.models import AbstractUser
from django.db import models

from scrutiny.core.models import TimeStampedModel

from .choices import Role


class User(AbstractUser):
    """A person who signs in: administrator, scrutiny officer, panel member or the PCC's office."""

    email = models.EmailField("email address", unique=True, null=True, blank=True)

    class Meta:
        ordering = ["username"]

    def __str__(self):
        return self.get_full_name() or self.username


class PanelRole(TimeStampedModel):
    """A user's role on one panel; an officer of West Mercia sees and changes only West Mercia's data."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="panel_roles")
    panel = models.ForeignKey("panels.Panel", on_delete=models.CASCADE, related_name="user_roles")
    role = models.CharField(max_length=16, choices=Role.choices)

    class Meta:
        ordering = ["panel", "role", "user"]
        constraints = [
            models.UniqueConstraint(fields=["user", "panel", "role"], name="panelrole_unique"),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}, {self.panel}"
