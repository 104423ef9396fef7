# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime, time, timedelta

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import Form, tagged
from odoo.tools import format_date
from odoo.tools.safe_eval import safe_eval

from .conduct_common import ConductCommon


@tagged("post_install", "-at_install")
class TestConductNotice(ConductCommon):
    """Who hears of a fine: the fined employee on confirmation, the employee and
    the Department Head on the appeal's decision."""

    def _notices(self, fine, partner):
        return fine.message_ids.filtered(
            lambda m: partner in m.notified_partner_ids and m.message_type == "comment"
        )

    def test_confirmation_tells_the_employee_rule_amount_and_how_to_appeal(self):
        seller = self.role_users["salesperson"]
        # the notice is in the employee's language
        self.env.ref("base.lang_zh_CN").active = True
        seller.lang = "zh_CN"
        fine = self.fine(self.rule_speaker)
        self.assertFalse(self._notices(fine, seller.partner_id))
        fine.action_confirm()
        notice = self._notices(fine, seller.partner_id)
        self.assertEqual(len(notice), 1)
        deadline = fields.Date.context_today(fine) + timedelta(
            days=fine.company_id.sdr_fine_appeal_days
        )
        self.assertEqual(fine.appeal_deadline, deadline)
        in_their_language = fine.with_context(lang=seller.lang)
        rule_name = self.rule_speaker.with_context(lang=seller.lang).name
        deadline_text = format_date(in_their_language.env, deadline)
        for text in (rule_name, fine.name, deadline_text):
            self.assertIn(text, notice.body)
        self.assertIn(f"{fine.amount:.2f}", notice.body)
        self.assertNotIn(self.head.partner_id, notice.notified_partner_ids)

    def test_appeal_after_the_deadline_is_refused(self):
        seller = self.role_users["salesperson"]
        fine = self.confirmed(self.rule_speaker)
        # noon UTC: the same calendar day in every time zone a test may run in
        late = datetime.combine(fine.appeal_deadline + timedelta(days=1), time(12))
        with freeze_time(late), self.assertRaisesRegex(UserError, "could be appealed until"):
            fine.with_user(seller).action_appeal("Too late")
        self.assertFalse(fine.appeal_state)
        with freeze_time(datetime.combine(fine.appeal_deadline, time(12))):
            fine.with_user(seller).action_appeal("Just in time")
        self.assertEqual(fine.appeal_state, "pending")

    def test_appeal_period_is_a_company_setting(self):
        settings = Form(self.env["res.config.settings"])
        settings.sdr_fine_appeal_days = 10
        settings.save().execute()
        self.assertEqual(self.env.company.sdr_fine_appeal_days, 10)
        fine = self.confirmed(self.rule_speaker)
        self.assertEqual(fine.company_id, self.env.company)
        self.assertEqual(
            fine.appeal_deadline,
            fields.Date.context_today(fine, fine.confirm_date) + timedelta(days=10),
        )

    def test_decision_reaches_the_employee_and_the_department_head(self):
        seller = self.role_users["salesperson"]
        fine = self.confirmed(self.rule_speaker)
        fine.with_user(seller).action_appeal("I was with a customer")
        fine.with_user(fine.appeal_user_id).action_appeal_decide(False, "Witnessed")
        decision = fine.message_ids.filtered(lambda m: "rejected" in (m.body or ""))
        self.assertEqual(len(decision), 1)
        self.assertIn(seller.partner_id, decision.notified_partner_ids)
        self.assertIn(self.head.partner_id, decision.notified_partner_ids)

    def test_dialogs_have_titles(self):
        fine = self.confirmed(self.rule_speaker)
        titles = {
            key: fine.with_context(reason_action=key).action_open_reason_wizard()["name"]
            for key in ("appeal", "uphold", "reject", "cancel")
        }
        self.assertEqual(
            titles,
            {
                "appeal": "Appeal the Fine",
                "uphold": "Uphold the Appeal",
                "reject": "Reject the Appeal",
                "cancel": "Cancel the Fine",
            },
        )
        report = self.env.ref("sales_dept_regulation.sale_conduct_fine_report_wizard_action")
        self.assertTrue(report.name)

    def test_band_names_read_as_the_regulation(self):
        bands = self.rule_late.band_ids.sorted("lower_minutes")
        names = bands.with_context(lang="en_US").mapped("display_name")
        self.assertEqual(names[-1][0], ">")
        self.assertIn("< minutes ≤", names[1])

    def test_xlsx_dialog_closes_and_the_file_is_named_by_month(self):
        wizard = (
            self.env["sale.conduct.fine.report.wizard"]
            .with_user(self.head)
            .create({"year": 2026, "month": "3"})
        )
        action = wizard.action_print()
        self.assertTrue(action["close_on_report_download"])
        report = self.env.ref("sales_dept_regulation.action_report_sale_conduct_fine_xlsx")
        self.assertEqual(
            safe_eval(report.print_report_name, {"object": wizard}), "fine_appraisal_2026_03"
        )
