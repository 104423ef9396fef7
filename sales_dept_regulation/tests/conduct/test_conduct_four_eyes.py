# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .conduct_common import ConductCommon


@tagged("post_install", "-at_install")
class TestConductFourEyes(ConductCommon):
    """Nobody decides their own fine or their own appeal; fines and rules stay in
    the companies of whoever edits them. Plain calls as the user, as RPC makes them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Fine = cls.env["sale.conduct.fine"]
        # the head's own fine, recorded by the General Manager
        cls.head_fine = cls.Fine.with_user(cls.gm).create(
            {"employee_id": cls.head_employee.id, "rule_id": cls.rule_speaker.id}
        )
        cls.other_company = cls.env["res.company"].create({"name": "Four Eyes Other Co"})

    def snapshot(self, fine):
        fine.invalidate_recordset()
        return fine.exists() and fine.read(["state", "amount", "amount_reason", "appeal_state"])

    def assertRefusedUnchanged(self, fine, call, exception, pattern):
        before = self.snapshot(fine)
        with self.assertRaisesMessage(exception, pattern):
            call()
        self.assertEqual(self.snapshot(fine), before)

    def test_a_manager_neither_corrects_nor_deletes_nor_records_their_own_fine(self):
        mine = self.head_fine.with_user(self.head)
        self.assertRefusedUnchanged(
            self.head_fine,
            lambda: mine.write({"amount": 1, "amount_reason": "Too much"}),
            UserError,
            "is your own: another manager",
        )
        self.assertRefusedUnchanged(
            self.head_fine, mine.unlink, UserError, "is your own: another manager"
        )
        count = self.Fine.search_count([])
        with self.assertRaisesMessage(UserError, "is your own: another manager"):
            self.Fine.with_user(self.head).create(
                {
                    "employee_id": self.head_employee.id,
                    "rule_id": self.rule_late.id,
                    "minutes_late": 5,
                }
            )
        self.assertEqual(self.Fine.search_count([]), count)

    def test_a_manager_does_not_decide_their_own_fine(self):
        mine = self.head_fine.with_user(self.head)
        for call in (
            mine.action_confirm,
            lambda: mine.action_cancel("Not me"),
        ):
            self.assertRefusedUnchanged(
                self.head_fine, call, UserError, "Your own fine is confirmed, settled or cancelled"
            )
        # the next level decides
        self.head_fine.with_user(self.gm).action_confirm()
        self.assertEqual(self.head_fine.state, "confirmed")
        self.assertRefusedUnchanged(
            self.head_fine, mine.action_mark_paid, UserError, "Your own fine is confirmed"
        )

    def test_nobody_decides_their_own_appeal_nor_the_appeal_of_a_fine_they_confirmed(self):
        fine = self.confirmed(self.rule_speaker)
        seller = self.role_users["salesperson"]
        fine.with_user(seller).action_appeal("Unfair")
        self.assertNotIn(fine.appeal_user_id, self.head | seller)
        # even if the appeal reached them (an org chart changed since), the fined
        # employee and the confirmer cannot decide it
        for user, pattern in (
            (seller, "Nobody decides an appeal against their own fine"),
            (self.head, "You confirmed fine .*: its appeal is decided by another manager"),
        ):
            with self.subTest(user=user.name):
                fine.sudo().appeal_user_id = user
                for upheld in (True, False):
                    self.assertRefusedUnchanged(
                        fine,
                        lambda u=user, up=upheld: fine.with_user(u).action_appeal_decide(
                            up, "Mine to decide"
                        ),
                        UserError,
                        pattern,
                    )
                self.assertEqual((fine.state, fine.appeal_state), ("confirmed", "pending"))

    def test_fines_and_rules_stay_in_the_editors_companies(self):
        fine = self.fine(self.rule_speaker)
        self.assertRefusedUnchanged(
            fine,
            lambda: fine.with_user(self.head).write({"company_id": self.other_company.id}),
            UserError,  # AccessError is one
            "res\\.company|sale\\.conduct\\.fine",
        )
        self.assertEqual(fine.company_id, self.env.company)
        admin = self.role_users["regulation_admin"]
        rule = (
            self.env["sale.conduct.rule"]
            .with_user(admin)
            .create(
                {
                    "code": "FE1",
                    "name": "Four eyes rule",
                    "amount_type": "fixed",
                    "amount": 5,
                    "company_id": self.env.company.id,
                }
            )
        )
        with self.assertRaisesMessage(AccessError, "sale\\.conduct\\.rule"):
            rule.write({"company_id": self.other_company.id})
        rule.invalidate_recordset()
        self.assertEqual(rule.sudo().company_id, self.env.company)
        # a band moved onto another company's rule
        other_rule = self.env["sale.conduct.rule"].create(
            {
                "code": "FE2",
                "name": "Elsewhere",
                "amount_type": "band",
                "company_id": self.other_company.id,
            }
        )
        band = self.rule_late.band_ids[:1].with_user(admin)
        with self.assertRaisesMessage(AccessError, "sale\\.conduct\\.rule"):
            band.write({"rule_id": other_rule.id})
        band.invalidate_recordset()
        self.assertEqual(band.sudo().rule_id, self.rule_late)
        with self.assertRaisesMessage(AccessError, "sale\\.conduct\\.rule"):
            self.env["sale.conduct.rule.band"].with_user(admin).create(
                {"rule_id": other_rule.id, "lower_minutes": 0, "upper_minutes": 5, "amount": 1}
            )
        self.assertFalse(other_rule.band_ids)
