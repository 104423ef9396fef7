# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .conduct_common import ConductCommon


@tagged("post_install", "-at_install")
class TestConductFine(ConductCommon):
    def _dismissal_activities(self, employee):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "hr.employee"),
                ("res_id", "=", employee.id),
                ("summary", "ilike", "Conduct 1(1)"),
            ]
        )

    def test_sequence_and_department(self):
        fine = self.fine(self.rule_speaker)
        self.assertTrue(fine.name.startswith("FINE/"))
        self.assertEqual(fine.department_id, self.dept_sales)
        self.assertEqual(fine.state, "draft")

    def test_third_counted_offence_escalates_once(self):
        first = self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 3, 1, 9))
        cancelled = self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 3, 2, 9))
        cancelled.action_cancel("Wrong employee")
        second = self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 3, 3, 9))
        # another employee and another rule do not count
        self.confirmed(self.rule_neglect, self.tele_employee)
        self.confirmed(self.rule_speaker)
        self.assertEqual((first.occurrence, second.occurrence), (1, 2))
        self.assertFalse(second.repeat_limit_reached)
        self.assertFalse(self._dismissal_activities(self.sales_employee))

        third = self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 3, 4, 9))
        self.assertEqual(third.occurrence, 3)
        self.assertTrue(third.repeat_limit_reached)
        activities = self._dismissal_activities(self.sales_employee)
        self.assertEqual(activities.user_id, self.head | self.gm)
        self.assertEqual(len(activities), 2)
        self.assertIn("Dismissal proposed", activities[0].summary)
        self.assertEqual(self.sales_employee.user_id, self.role_users["salesperson"])
        self.assertTrue(self.sales_employee.active, "nothing is done to the employee")

        fourth = self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 3, 5, 9))
        self.assertEqual(fourth.occurrence, 4)
        self.assertTrue(fourth.repeat_limit_reached)
        self.assertEqual(len(self._dismissal_activities(self.sales_employee)), 2)

    def test_waived_fines_are_not_counted(self):
        self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 3, 1, 9))
        waived = self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 3, 2, 9))
        waived.with_user(self.role_users["salesperson"]).action_appeal("I was ill")
        waived.with_user(waived.appeal_user_id).action_appeal_decide(True, "Doctor's note")
        self.assertEqual(waived.state, "waived")
        third = self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 3, 3, 9))
        self.assertEqual(third.occurrence, 2)
        self.assertFalse(third.repeat_limit_reached)

    def test_repeat_period_is_respected(self):
        self.rule_neglect.repeat_period_days = 30
        self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 1, 1, 9))
        self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 2, 20, 9))
        third = self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 3, 1, 9))
        self.assertEqual(third.occurrence, 2, "the January offence is out of the period")
        self.assertFalse(third.repeat_limit_reached)
        fourth = self.confirmed(self.rule_neglect, event_datetime=datetime(2026, 3, 2, 9))
        self.assertEqual(fourth.occurrence, 3)
        self.assertTrue(fourth.repeat_limit_reached)
        self.assertEqual(len(self._dismissal_activities(self.sales_employee)), 2)

    def test_override_by_department_head_with_reason_is_tracked(self):
        fine = self.fine(self.rule_late, minutes_late=11)
        with self.assertRaisesText(ValidationError, "reason"):
            fine.write({"amount": 30})
        fine.write({"amount": 30, "amount_reason": "First time this year"})
        self.assertTrue(fine.is_override)
        self.env.cr.precommit.run()  # tracking values are written at commit
        tracked = fine.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "amount"
        )
        self.assertEqual((tracked.old_value_float, tracked.new_value_float), (50, 30))
        # the General Manager does not hold the Department Head's role
        other = self.fine(self.rule_late, user=self.gm, minutes_late=11)
        with self.assertRaisesText(UserError, "Only a Department Head"):
            other.with_user(self.gm).write({"amount": 30, "amount_reason": "Because"})

    def test_states_and_locks(self):
        fine = self.confirmed(self.rule_speaker)
        self.assertEqual(fine.confirm_user_id, self.head)
        with self.assertRaisesText(UserError, "is no longer a draft"):
            fine.with_user(self.head).write({"amount": 10, "amount_reason": "x"})
        with self.assertRaisesText(UserError, "Only draft fines can be confirmed"):
            fine.with_user(self.head).action_confirm()
        with self.assertRaisesText(UserError, "Only a Department Head or the General Manager"):
            fine.with_user(self.role_users["salesperson"]).action_mark_paid()
        with freeze_time("2026-04-10"):
            fine.with_user(self.head).action_mark_paid()
        self.assertEqual((fine.state, str(fine.paid_date)), ("paid", "2026-04-10"))
        with self.assertRaisesText(UserError, "Only draft or confirmed fines can be cancelled"):
            fine.with_user(self.head).action_cancel("Too late")
        draft = self.fine(self.rule_speaker)
        with self.assertRaisesText(UserError, "reason"):
            draft.with_user(self.head).action_cancel("")
        draft.with_user(self.head).action_cancel("Recorded twice")
        self.assertEqual((draft.state, draft.cancel_reason), ("cancelled", "Recorded twice"))

    def test_no_deletion_after_draft(self):
        draft = self.fine(self.rule_speaker)
        draft.with_user(self.head).unlink()
        self.assertFalse(draft.exists())
        for state_fine in (
            self.confirmed(self.rule_speaker),
            self.fine(self.rule_speaker),
        ):
            if state_fine.state == "draft":
                state_fine.with_user(self.head).action_cancel("Mistake")
            with self.assertRaisesText(UserError, "cannot be deleted"):
                state_fine.unlink()
            self.assertTrue(state_fine.exists())
