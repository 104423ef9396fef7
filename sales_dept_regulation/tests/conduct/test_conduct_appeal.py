# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import UserError
from odoo.tests import Form, tagged

from .conduct_common import ConductCommon


@tagged("post_install", "-at_install")
class TestConductAppeal(ConductCommon):
    def _appeal(self, fine, user, reason="I was with a customer"):
        action = fine.with_user(user).with_context(reason_action="appeal")
        wizard_action = action.action_open_reason_wizard()
        with Form(
            self.env[wizard_action["res_model"]]
            .with_user(user)
            .with_context(**wizard_action["context"])
        ) as wizard:
            wizard.reason = reason
        wizard.record.action_apply()

    def test_appeal_goes_over_the_superior_and_is_upheld(self):
        seller = self.role_users["salesperson"]
        fine = self.confirmed(self.rule_speaker)
        with self.assertRaisesText(UserError, "Only the fined employee"):
            fine.with_user(self.role_users["telemarketer"]).action_appeal("Not me")
        self._appeal(fine, seller)
        deputy = self.role_users["deputy_general_manager"]
        self.assertEqual(fine.appeal_state, "pending")
        self.assertEqual(fine.appeal_user_id, deputy, "the superior of the superior")
        activity = fine.activity_ids
        self.assertEqual(activity.user_id, deputy)
        with self.assertRaisesText(UserError, "without a pending appeal"):
            fine.with_user(self.head).action_mark_paid()
        with self.assertRaisesText(UserError, "can decide this appeal"):
            fine.with_user(self.head).action_appeal_decide(True, "Fine")
        # the deputy (scope all) sees the fine and decides
        fine.with_user(deputy).action_appeal_decide(True, "The phone was broken")
        self.assertEqual(fine.state, "waived")
        self.assertEqual(fine.appeal_state, "upheld")
        self.assertFalse(fine.activity_ids)
        message = fine.message_ids.filtered(lambda m: seller.partner_id in m.notified_partner_ids)
        self.assertTrue(message)
        self.assertIn("upheld", message[0].body)
        with self.assertRaisesText(UserError, "can be appealed, and only once"):
            fine.with_user(seller).action_appeal("Again")

    def test_appeal_rejected(self):
        seller = self.role_users["salesperson"]
        fine = self.confirmed(self.rule_speaker)
        self._appeal(fine, seller)
        deputy = fine.appeal_user_id
        fine.with_user(deputy).action_appeal_decide(False, "Witnessed by two colleagues")
        self.assertEqual((fine.state, fine.appeal_state), ("confirmed", "rejected"))
        self.assertEqual(fine.appeal_decision_reason, "Witnessed by two colleagues")
        message = fine.message_ids.filtered(lambda m: seller.partner_id in m.notified_partner_ids)
        self.assertIn("rejected", message[0].body)

    def test_appeal_never_goes_to_the_confirmer(self):
        deputy = self.role_users["deputy_general_manager"]
        # the deputy cannot confirm (no role), give them the General Manager role
        deputy.group_ids |= self.roles["general_manager"]
        fine = self.fine(self.rule_speaker)
        fine.with_user(deputy).action_confirm()
        fine.with_user(self.role_users["salesperson"]).action_appeal("Unfair")
        self.assertEqual(fine.appeal_user_id, self.gm)

    def test_appeal_falls_back_to_the_general_manager(self):
        # the head's superior is the deputy, whose superior is the GM
        # the head's own fine, confirmed by the administrator (not a manager in the chain)
        fine = self.fine(self.rule_speaker, self.head_employee, user=self.gm)
        fine.with_env(self.env).action_confirm()
        fine.with_user(self.head).action_appeal("Unfair")
        self.assertEqual(fine.appeal_user_id, self.gm)
        # an employee without a superior: straight to the General Manager
        lone = self.env["hr.employee"].create(
            {
                "name": "Lone",
                "user_id": self.role_users["sales_clerk"].id,
                "department_id": self.dept_sales.id,
                "parent_id": False,
            }
        )
        lone_fine = self.confirmed(self.rule_speaker, lone)
        lone_fine.with_user(self.role_users["sales_clerk"]).action_appeal("Unfair")
        self.assertEqual(lone_fine.appeal_user_id, self.gm)

    def test_draft_fine_cannot_be_appealed(self):
        fine = self.fine(self.rule_speaker)
        with self.assertRaisesText(UserError, "can be appealed, and only once"):
            fine.with_user(self.role_users["salesperson"]).action_appeal("Unfair")
