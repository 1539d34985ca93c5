"""Who may supply a panel's performance figures: one rule for the API and the staff pages.

The PCC's office supplies the figures the panel scrutinises (PRSRA 2011 s13: the commissioner provides the
information the panel reasonably requires); the panel's scrutiny officer may enter them too. Panel members
read them but supply nothing; administrators may do everything.
"""

from scrutiny.accounts.choices import Role
from scrutiny.accounts.permissions import panel_ids_for

SUPPLIER_ROLES = {Role.PCC_OFFICE, Role.SCRUTINY_OFFICER}


def can_supply_figures(user, panel) -> bool:
    """`panel` is a Panel or its id."""
    ids = panel_ids_for(user, SUPPLIER_ROLES)
    panel_id = panel if isinstance(panel, int) else panel.pk
    return ids is None or panel_id in ids
