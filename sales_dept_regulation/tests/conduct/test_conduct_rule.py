# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .conduct_common import ConductCommon


@tagged("post_install", "-at_install")
class TestConductRule(ConductCommon):
    def test_shipped_rules_have_the_seed_figures(self):
        self.assertEqual(self.rule_neglect.amount_type, "fixed")
        self.assertEqual(self.rule_neglect.amount, 100)
        self.assertEqual(self.rule_neglect.repeat_limit, 3)
        self.assertEqual(self.rule_speaker.amount, 20)
        self.assertEqual(
            self.env.ref("sales_dept_regulation.conduct_rule_phone_greeting").amount, 20
        )
        self.assertEqual(self.rule_leak.amount_type, "company")
        self.assertEqual(self.rule_late.amount_type, "band")
        self.assertEqual(len(self.rule_late.band_ids), 3)
        self.assertEqual(self.rule_neglect.currency_id, self.company.currency_id)

    def test_band_boundaries(self):
        expected = {1: 20, 10: 20, 11: 50, 60: 50}
        for minutes, amount in expected.items():
            with self.subTest(minutes=minutes):
                fine = self.fine(self.rule_late, minutes_late=minutes)
                self.assertEqual(fine.amount, amount)
                self.assertEqual(fine.rule_amount, amount)
                self.assertFalse(fine.is_manual_amount)

    def test_over_60_minutes_is_per_company_rules(self):
        with self.assertRaisesText(ValidationError, "per company rules"):
            self.fine(self.rule_late, minutes_late=61)
        with self.assertRaisesText(ValidationError, "per company rules"):
            self.fine(self.rule_late, minutes_late=61, amount=80)
        fine = self.fine(
            self.rule_late, minutes_late=61, amount=80, amount_reason="Missed the meeting"
        )
        self.assertTrue(fine.is_manual_amount)
        self.assertEqual(fine.amount, 80)

    def test_zero_negative_or_missing_minutes_refused(self):
        for minutes in (0, -5):
            with (
                self.subTest(minutes=minutes),
                self.assertRaisesMessage(
                    ValidationError, "minutes late cannot be negative|is set by minutes late"
                ),
            ):
                self.fine(self.rule_late, minutes_late=minutes)
        with self.assertRaisesText(ValidationError, "minutes"):
            self.fine(self.rule_late)

    def test_per_company_rules_needs_amount_and_reason(self):
        with self.assertRaisesMessage(ValidationError, "set per company rules"):
            self.fine(self.rule_leak)
        with self.assertRaisesMessage(ValidationError, "set per company rules"):
            self.fine(self.rule_leak, amount_reason="Sent the price list out")
        with self.assertRaisesMessage(ValidationError, "set per company rules"):
            self.fine(self.rule_leak, amount=500)
        fine = self.fine(self.rule_leak, amount=500, amount_reason="Sent the price list out")
        self.assertEqual(fine.amount, 500)

    def test_bands_must_not_overlap_or_be_empty(self):
        rule = self.env["sale.conduct.rule"].create(
            {"code": "T1", "name": "Test", "amount_type": "band"}
        )
        Band = self.env["sale.conduct.rule.band"]
        Band.create({"rule_id": rule.id, "lower_minutes": 0, "upper_minutes": 10, "amount": 5})
        with self.assertRaisesText(ValidationError, "overlap"):
            Band.create(
                {
                    "rule_id": rule.id,
                    "lower_minutes": 10,
                    "lower_inclusive": True,
                    "upper_minutes": 20,
                    "amount": 7,
                }
            )
        # (10, 20] touches [.., 10] without overlapping
        Band.create({"rule_id": rule.id, "lower_minutes": 10, "upper_minutes": 20, "amount": 7})
        with self.assertRaisesText(ValidationError, "no minute"):
            Band.create(
                {
                    "rule_id": rule.id,
                    "lower_minutes": 30,
                    "upper_minutes": 31,
                    "upper_inclusive": False,
                    "amount": 9,
                }
            )

    def test_rule_change_does_not_touch_recorded_fines(self):
        fine = self.fine(self.rule_speaker)
        self.rule_speaker.amount = 30
        self.assertEqual(fine.amount, 20)
