# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.tests import new_test_user

from ..common import MODULE, RegulationCommon


class AfterSalesCommon(RegulationCommon):
    """Five users of the after-sales flow, a customer with a salesperson, the
    shipped after-sales and technical teams."""

    @classmethod
    def default_env_context(cls):
        # keep tracking on: the tests assert on the chatter
        return {"no_reset_password": True, "mail_create_nolog": True}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        users = cls.role_users
        cls.technician = new_test_user(
            cls.env,
            login="sdr_technician",
            name="SDR technician",
            groups=f"{MODULE}.group_role_technical_staff,base.group_allow_export",
        )
        cls.caller = users["telemarketer"]
        cls.seller = users["salesperson"]
        cls.head = users["department_head"]
        cls.gm = users["general_manager"]
        # the only Department Head of the company: not the demo one
        cls.roles["department_head"].user_ids = [Command.set(cls.head.ids)]
        cls.team = cls.env.ref(f"{MODULE}.helpdesk_team_after_sales")
        cls.tech_team = cls.env.ref(f"{MODULE}.helpdesk_team_technical")
        cls.tech_team.user_ids = [Command.set(cls.technician.ids)]
        cls.stage_to_confirm = cls.env.ref(f"{MODULE}.helpdesk_stage_to_confirm")
        cls.stage_declined = cls.env.ref(f"{MODULE}.helpdesk_stage_declined")
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_progress = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.category_quality = cls.env.ref(f"{MODULE}.helpdesk_category_quality")
        cls.category_complaint = cls.env.ref(f"{MODULE}.helpdesk_category_complaint")
        cls.feedback = cls.env.ref(f"{MODULE}.mt_after_sales_feedback")
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "AS Customer Ltd",
                "is_company": True,
                "user_id": cls.seller.id,
                "country_id": cls.env.ref("base.cn").id,
            }
        )
        cls.orphan = cls.env["res.partner"].create(
            {"name": "AS Orphan Ltd", "is_company": True, "country_id": cls.env.ref("base.cn").id}
        )
        cls.other_team = cls.env["helpdesk.ticket.team"].create(
            {"name": "IT Helpdesk", "user_ids": [Command.set(cls.technician.ids)]}
        )

    @classmethod
    def request(cls, user=None, **values):
        vals = {
            "name": "Pump leaks",
            "description": "<p>The pump leaks after two days.</p>",
            "team_id": cls.team.id,
            "partner_id": cls.customer.id,
            "category_id": cls.category_quality.id,
            "after_sales_phone": "13812345678",
        }
        vals.update(values)
        return cls.env["helpdesk.ticket"].with_user(user or cls.caller).create(vals)

    def flush_tracking(self):
        """Tracking messages are posted when the transaction is about to commit."""
        self.env.flush_all()
        self.env.cr.precommit.run()
