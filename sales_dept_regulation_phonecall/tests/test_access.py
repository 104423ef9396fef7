# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .phonecall_common import PhonecallCommon


@tagged("post_install", "-at_install")
class TestPhonecallAccess(PhonecallCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # her call to the salesperson's customer, another telemarketer's call to
        # another customer
        cls.own_call = cls.env["crm.phonecall"].create(
            {
                "name": "SDR own call",
                "user_id": cls.telemarketer.id,
                "partner_id": cls.customer.id,
                "source_id": cls.source.id,
                "state": "done",
                "sdr_call_result": "no_answer",
                "date": "2026-03-03 02:00:00",
            }
        )
        cls.other_call = cls.env["crm.phonecall"].create(
            {
                "name": "SDR other call",
                "user_id": cls.telemarketer_2.id,
                "partner_id": cls.other_customer.id,
                "source_id": cls.source.id,
                "state": "done",
                "sdr_call_result": "no_answer",
                "date": "2026-03-04 02:00:00",
            }
        )
        cls.calls = cls.own_call | cls.other_call
        # the export route, as a user allowed to export
        (cls.telemarketer | cls.salesperson | cls.department_head).write(
            {"group_ids": [Command.link(cls.env.ref("base.group_allow_export").id)]}
        )
        cls.domain = [("id", "in", cls.calls.ids)]

    def _visible(self, user, model="crm.phonecall", domain=None):
        return self.env[model].with_user(user).search(domain or self.domain)

    def _kpi_domain(self):
        return [("user_id", "in", (self.telemarketer | self.telemarketer_2).ids)]

    def test_telemarketer_her_own_calls(self):
        Call = self.env["crm.phonecall"].with_user(self.telemarketer)
        self.assertEqual(self._visible(self.telemarketer), self.own_call)
        new = Call.create({"name": "New call", "source_id": self.source.id, "state": "open"})
        new.write({"name": "Renamed"})
        self.own_call.with_user(self.telemarketer).write({"description": "Called back"})
        with self.assertRaises(AccessError):
            self.other_call.with_user(self.telemarketer).write({"description": "Not mine"})
        with self.assertRaises(AccessError):
            Call.create(
                {
                    "name": "For another",
                    "user_id": self.telemarketer_2.id,
                    "source_id": self.source.id,
                }
            )
        with self.assertRaises(AccessError, msg="calls are cancelled, never deleted"):
            new.unlink()
        groups = Call._read_group(self.domain, ["user_id"], ["__count"])
        self.assertEqual(groups, [(self.telemarketer, 1)])
        rows = (
            self.calls.with_user(self.telemarketer)
            .search(self.domain)
            .export_data(["name", "source_id", "sdr_call_result"])["datas"]
        )
        self.assertEqual(rows, [["SDR own call", "SDR Trade Show", "No Answer"]])
        # OCA's analysis of the calls follows them
        report = self.env["crm.phonecall.report"].with_user(self.telemarketer)
        self.assertEqual(
            report._read_group([("id", "in", self.calls.ids)], ["user_id"], ["__count"]),
            [(self.telemarketer, 1)],
        )
        # her KPIs only
        kpis = self._visible(self.telemarketer, "sale.telemarketing.kpi", self._kpi_domain())
        self.assertEqual(kpis.user_id, self.telemarketer)
        self.assertEqual(len(kpis.export_data(["call_count"])["datas"]), 1)
        with self.assertRaises(AccessError):
            self.env["sale.telemarketing.kpi"].with_user(self.telemarketer).create({})

    def test_salesperson_reads_her_customers_calls(self):
        Call = self.env["crm.phonecall"].with_user(self.salesperson)
        self.assertEqual(self._visible(self.salesperson), self.own_call)
        with self.assertRaises(AccessError):
            self.own_call.with_user(self.salesperson).write({"description": "Not hers"})
        with self.assertRaises(AccessError):
            self.own_call.with_user(self.salesperson).unlink()
        self.assertEqual(
            Call._read_group(self.domain, ["partner_id"], ["__count"]), [(self.customer, 1)]
        )
        self.assertEqual(
            self._visible(self.salesperson).export_data(["name"])["datas"], [["SDR own call"]]
        )
        # her own call (no telemarketer: no source needed), hers to edit
        own = Call.create({"name": "Salesperson's call", "partner_id": self.customer.id})
        own.write({"description": "Visit next week"})
        with self.assertRaises(AccessError):
            self.env["sale.telemarketing.kpi"].with_user(self.salesperson).search([])

    def test_department_head_reads_the_department(self):
        head = self.department_head
        self.assertEqual(self._visible(head), self.calls)
        with self.assertRaises(AccessError):
            self.own_call.with_user(head).write({"description": "Not his"})
        with self.assertRaises(AccessError):
            self.own_call.with_user(head).unlink()
        groups = dict(
            self.env["crm.phonecall"]
            .with_user(head)
            ._read_group(self.domain, ["user_id"], ["__count"])
        )
        self.assertEqual(groups, {self.telemarketer: 1, self.telemarketer_2: 1})
        self.assertEqual(len(self._visible(head).export_data(["name"])["datas"]), 2)
        report = self.env["crm.phonecall.report"].with_user(head)
        self.assertEqual(report.search_count([("id", "in", self.calls.ids)]), 2)
        kpis = self._visible(head, "sale.telemarketing.kpi", self._kpi_domain())
        self.assertEqual(kpis.user_id, self.telemarketer | self.telemarketer_2)
        groups = dict(
            self.env["sale.telemarketing.kpi"]
            .with_user(head)
            ._read_group(self._kpi_domain(), ["user_id"], ["call_count:sum"])
        )
        self.assertEqual(groups, {self.telemarketer: 1, self.telemarketer_2: 1})
        self.assertEqual(len(kpis.export_data(["user_id", "month", "call_count"])["datas"]), 2)

    def test_plain_sales_user_keeps_oca_rights(self):
        # no role of the addon: OCA's rights (every call readable, no rule)
        self.assertEqual(self._visible(self.sales_user), self.calls)
        with self.assertRaises(AccessError):
            self.env["sale.telemarketing.kpi"].with_user(self.sales_user).search([])

    def test_other_company_calls_hidden(self):
        other = self.env["res.company"].create({"name": "SDR Other Company"})
        self.telemarketer.write({"company_ids": [Command.link(other.id)]})
        self.other_call.company_id = other
        self.assertEqual(self._visible(self.department_head), self.own_call)
