# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .phonecall_common import PhonecallCommon


@tagged("post_install", "-at_install")
class TestTelemarketerCall(PhonecallCommon):
    def test_source_required_for_telemarketer_calls_only(self):
        Call = self.env["crm.phonecall"]
        with self.assertRaisesMessage(ValidationError, "customer's Source"):
            self._call(source_id=False)
        call = self._call()
        self.assertTrue(call.sdr_is_telemarketer_call)
        self.assertEqual(call.company_id, self.company, "her call belongs to her company")
        with self.assertRaisesMessage(ValidationError, "customer's Source"):
            call.with_user(self.telemarketer).write({"source_id": False})
        # a call handed to a telemarketer follows her rules
        plain = Call.with_user(self.sales_user).create({"name": "OCA call", "state": "done"})
        self.assertFalse(plain.sdr_is_telemarketer_call)
        self.assertFalse(plain.company_id, "OCA's call unchanged: no company given")
        with self.assertRaisesMessage(ValidationError, "customer's Source"):
            plain.write({"user_id": self.telemarketer.id})
        # OCA's own calls: no source, no result, any state
        plain.with_user(self.sales_user).write({"state": "cancel", "name": "Cancelled"})
        self.assertEqual(plain.state, "cancel")

    def test_held_call_needs_result_and_follow_up(self):
        with self.assertRaisesMessage(ValidationError, "needs its Call Result"):
            self._call(sdr_call_result=False)
        # a call still to make has no result yet
        planned = self._call(state="open", sdr_call_result=False)
        with self.assertRaisesMessage(ValidationError, "needs its Call Result"):
            planned.with_user(self.telemarketer).write({"state": "done"})
        with self.assertRaisesMessage(ValidationError, "needs a follow-up: fill in Next Action"):
            self._call(sdr_call_result="follow_up")
        call = self._call(sdr_call_result="follow_up", date_action_next="2030-03-02 02:00:00")
        follow_up = call.sdr_follow_up_call_ids
        self.assertEqual(len(follow_up), 1, "the next call is scheduled through OCA's own")
        self.assertEqual(follow_up.state, "open")
        self.assertEqual(follow_up.date, datetime(2030, 3, 2, 2, 0))
        self.assertEqual(follow_up.user_id, self.telemarketer)
        self.assertEqual(follow_up.partner_id, self.customer)
        self.assertEqual(follow_up.source_id, self.source)
        self.assertEqual(follow_up.company_id, self.company)
        # saving again schedules no second call
        call.with_user(self.telemarketer).write({"sdr_call_result": "interested"})
        self.assertEqual(call.sdr_follow_up_call_ids, follow_up)
        # the link is the scheduling's: a client cannot mark a call as followed up
        with self.assertRaisesMessage(UserError, "Follow-up Of is set when the next call"):
            self._call(state="open", sdr_call_result=False, sdr_previous_call_id=call.id)
        with self.assertRaisesMessage(UserError, "Follow-up Of is set when the next call"):
            planned.with_user(self.telemarketer).write({"sdr_previous_call_id": call.id})
        # OCA's wizard (Schedule Other Call) links the call it schedules the same way
        wizard = (
            self.env["crm.phonecall2phonecall"]
            .with_user(self.telemarketer)
            .with_context(active_id=planned.id, active_ids=planned.ids)
            .create({"name": "Call again", "action": "schedule"})
        )
        wizard.action_schedule()
        self.assertEqual(planned.sdr_follow_up_call_ids.name, "Call again")
        # the scheduled call, once held, takes its own result
        follow_up.with_user(self.telemarketer).write(
            {"state": "done", "sdr_call_result": "not_interested"}
        )
        self.assertFalse(follow_up.sdr_follow_up_call_ids)

    def test_next_day_quotation_at_the_time_zone_boundary(self):
        call = self._call(sdr_call_result=False, state="open")
        # 2026-01-31 23:59 in Shanghai: tomorrow is February 1st
        with freeze_time("2026-01-31 15:59:00"):
            action = call.with_user(self.telemarketer).action_sdr_create_next_day_quotation()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(order.commitment_date, datetime(2026, 2, 1, 1, 0), "09:00 in Shanghai")
        # 2026-02-01 01:00 in Shanghai (17:00 UTC the day before): tomorrow is February 2nd
        with freeze_time("2026-01-31 17:00:00"):
            action = call.with_user(self.telemarketer).action_sdr_create_next_day_quotation()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(order.commitment_date, datetime(2026, 2, 2, 1, 0))
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.user_id, self.telemarketer)
        self.assertEqual(order.sdr_order_channel, "phone")
        self.assertEqual(order.sdr_phonecall_id, call)
        self.assertEqual(order.source_id, self.source)
        self.assertEqual(order.origin, call.name)
        self.assertEqual(call.sdr_order_count, 2)
        self.assertEqual(call.sdr_call_result, "ordered")

    def test_quotation_link_set_by_the_call_only(self):
        call = self._call()
        SaleOrder = self.env["sale.order"].with_user(self.telemarketer)
        with self.assertRaisesMessage(UserError, "Phone Call is set by the call's button"):
            SaleOrder.create(
                {
                    "partner_id": self.customer.id,
                    "user_id": self.telemarketer.id,
                    "sdr_phonecall_id": call.id,
                }
            )
        order = SaleOrder.create({"partner_id": self.customer.id, "user_id": self.telemarketer.id})
        with self.assertRaisesMessage(UserError, "Phone Call is set by the call's button"):
            order.write({"sdr_phonecall_id": call.id})
        self.assertFalse(order.sdr_phonecall_id)
        # a call without customer, a cancelled call: no quotation
        no_customer = self._call(partner_id=False)
        with self.assertRaisesMessage(UserError, "Choose the Contact of the call"):
            no_customer.with_user(self.telemarketer).action_sdr_create_next_day_quotation()
        # the salesperson reads her customer's call, but may not order on it
        with self.assertRaises(AccessError):
            call.with_user(self.salesperson).action_sdr_create_next_day_quotation()
        call.with_user(self.telemarketer).write({"state": "cancel"})
        with self.assertRaisesMessage(UserError, "cancelled call"):
            call.with_user(self.telemarketer).action_sdr_create_next_day_quotation()
        self.assertFalse(call.sdr_order_ids)
