# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from lxml import etree

from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged
from odoo.tools import format_amount

from ..common import MODULE
from .sample_common import SampleCommon


@tagged("post_install", "-at_install")
class TestSampleDayOne(SampleCommon):
    """What a department sees on its screens: the fee decision in words, no
    button that always fails, the count in the statistics, tiles that open."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        cls.formal_c = cls._customer("Formal C Clinic", "formal", cls._grade("formal_c"))
        cls.formal_a = cls._customer("Formal A Clinic", "formal", cls._grade("formal_a"))

    def _submitted(self, partner, **vals):
        request = self._request(partner, **vals)
        request.with_user(self.salesperson).with_context(lang="zh_CN").action_submit()
        return request

    def _amount(self, value):
        return format_amount(self.env, value, self.company.currency_id)

    # ------------------------------------------------------------
    # point 9: the decision says what was decided
    # ------------------------------------------------------------

    def test_half_charged_decision_says_what_of_what(self):
        request = self._submitted(self.formal_c, mould_cost=20000.0, sample_fee=800.0)
        self.assertEqual((request.fee_amount, request.charged_amount), (20800.0, 10400.0))
        note = request.decision_note
        self.assertIn("按规则收取 50%", note)
        self.assertIn(self._amount(10400.0), note)
        self.assertIn(self._amount(20800.0), note)
        self.assertNotIn("按规则免收", note)

    def test_waived_decision_says_waived_in_full(self):
        request = self._submitted(self.formal_a, mould_cost=1000.0)
        self.assertEqual(request.charged_amount, 0.0)
        self.assertIn("按规则全额免收", request.decision_note)
        self.assertIn(self._amount(1000.0), request.decision_note)

    def test_charged_decision_says_charged_in_full(self):
        formal_d = self._customer("Formal D Clinic", "formal", self._grade("formal_d"))
        request = self._submitted(formal_d, mould_cost=1000.0)
        self.assertEqual(request.charged_amount, 1000.0)
        self.assertIn("按规则全额收取", request.decision_note)

    # ------------------------------------------------------------
    # point 12: no Restart Validation on a sample, for anyone
    # ------------------------------------------------------------

    def test_no_restart_button_and_restart_refused(self):
        request = self._submitted(self.formal_c, mould_cost=1000.0)
        request.with_user(self.salesperson).action_request_exception("First order of a clinic")
        self.assertTrue(request.review_ids)
        for user in (self.salesperson, self.rd_user, self.head):
            with self.subTest(user=user.login):
                arch = request.with_user(user).get_view(view_type="form")["arch"]
                doc = etree.fromstring(arch)
                self.assertFalse(doc.xpath("//button[@name='restart_validation']"))
                self.assertFalse(doc.xpath("//button[@name='request_validation']"))
                with self.assertRaises(UserError):
                    request.with_user(user).restart_validation()
        self.assertTrue(request.review_ids, "the exception still waits for its decision")

    # ------------------------------------------------------------
    # point 12: statistics count, phone cards
    # ------------------------------------------------------------

    def test_statistics_open_with_the_count(self):
        action = self.env.ref(f"{MODULE}.sale_sample_request_action_statistics")
        self.assertTrue(action.view_mode.startswith("pivot"))
        arch = self.Request.get_view(view_type="pivot")["arch"]
        self.assertEqual(etree.fromstring(arch).get("display_quantity"), "1")
        graph = etree.fromstring(self.Request.get_view(view_type="graph")["arch"])
        self.assertFalse(graph.xpath("//field[@type='measure']"), "the graph counts samples")

    def test_phone_opens_cards_without_money_for_rd(self):
        action = self.env.ref(f"{MODULE}.sale_sample_request_action")
        self.assertIn("kanban", action.view_mode.split(","))
        self.assertEqual(action.mobile_view_mode, "kanban")
        rd_arch = self.Request.with_user(self.rd_user).get_view(view_type="kanban")["arch"]
        self.assertNotIn("charged_amount", rd_arch)
        sales_arch = self.Request.with_user(self.salesperson).get_view(view_type="kanban")["arch"]
        self.assertIn("charged_amount", sales_arch)

    # ------------------------------------------------------------
    # point 10: each sample tile to who may open it, counting what it opens
    # ------------------------------------------------------------

    def test_sample_tiles_visible_open_and_count(self):
        deciding = self._submitted(self.formal_c, mould_cost=1000.0)
        deciding.with_user(self.salesperson).action_request_exception("First order")
        self._submitted(self.formal_c, sample_fee=100.0, mould_needed=False)
        Tile = self.env["sale.regulation.dashboard.tile"]
        tiles = {
            "dashboard_tile_samples_to_accept": {"rd_engineer"},
            "dashboard_tile_samples_to_make": {"rd_engineer"},
            "dashboard_tile_samples_to_send": {"rd_engineer"},
            "dashboard_tile_sample_fee_exceptions": {
                "department_head",
                "deputy_general_manager",
                "general_manager",
            },
        }
        # the Regulation Administrator reads every tile to configure them (the
        # dashboard's own rule): the roles here are those the tiles are for
        users = dict(self.role_users, rd_engineer=self.rd_user)
        del users["regulation_admin"]
        for xmlid, roles in tiles.items():
            tile = self.env.ref(f"{MODULE}.{xmlid}")
            for role, user in users.items():
                with self.subTest(tile=xmlid, role=role):
                    visible = Tile.with_user(user).search([("id", "=", tile.id)])
                    self.assertEqual(bool(visible), role in roles)
                    if not visible:
                        continue
                    action = visible.action_open()
                    records = self.env[action["res_model"]].with_user(user).search(action["domain"])
                    self.assertEqual(visible.count, len(records))
        head_tile = self.env.ref(f"{MODULE}.dashboard_tile_sample_fee_exceptions")
        self.assertEqual(head_tile.with_user(self.head).count, 1)
        self.assertEqual(
            self.env.ref(f"{MODULE}.dashboard_tile_samples_to_accept")
            .with_user(self.rd_user)
            .count,
            self.Request.with_user(self.rd_user).search_count([("state", "=", "submitted")]),
        )

    def test_demo_rd_engineer(self):
        user = self.env.ref(f"{MODULE}.user_demo_rd_engineer", raise_if_not_found=False)
        if not user:
            self.skipTest("the demo data is not installed")
        roles = self.env.ref(f"{MODULE}.res_groups_privilege_sales_regulation").group_ids
        self.assertEqual(
            user.all_group_ids & roles, self.env.ref(f"{MODULE}.group_role_rd_engineer")
        )
        self.assertEqual((user.login, user.lang, user.tz), ("zhoujie", "zh_CN", "Asia/Shanghai"))
        self.assertEqual(user.company_ids, self.env.ref(f"{MODULE}.company_demo_jianshi"))
        self.assertFalse(user.sdr_rd_money_warning)

    # ------------------------------------------------------------
    # point 13: the R&D role with rights that show money
    # ------------------------------------------------------------

    def test_user_form_warns_rd_with_sales_rights(self):
        rd_group = self.env.ref(f"{MODULE}.group_role_rd_engineer")
        salesman = self.env.ref("sales_team.group_sale_salesman")
        Users = self.env["res.users"].with_context(lang="zh_CN")
        form_user = Users.new({"group_ids": [(6, 0, [rd_group.id, salesman.id])]})
        self.assertIn("研发工程师", form_user.sdr_rd_money_warning)
        self.assertIn(salesman.full_name, form_user.sdr_rd_money_warning)
        self.assertFalse(Users.new({"group_ids": [(6, 0, [rd_group.id])]}).sdr_rd_money_warning)
        self.assertFalse(Users.new({"group_ids": [(6, 0, [salesman.id])]}).sdr_rd_money_warning)
        view = self.env.ref(f"{MODULE}.res_users_view_form_rd_money_warning")
        self.assertIn("sdr_rd_money_warning", view.arch_db)

    def test_rd_with_sales_rights_still_reads_no_fee(self):
        rd_seller = new_test_user(
            self.env,
            login="sdr_rd_seller",
            groups=f"{MODULE}.group_role_rd_engineer,sales_team.group_sale_salesman",
        )
        self.assertTrue(rd_seller.sdr_rd_money_warning)
        request = self._submitted(self.formal_c, mould_cost=1000.0)
        request.with_user(self.salesperson).action_create_fee_order()
        as_rd = request.with_user(rd_seller)
        self.assertEqual(as_rd.read(["state"])[0]["state"], "submitted")
        for fname in ("charged_amount", "fee_amount", "decision_note", "fee_order_id"):
            with self.subTest(field=fname), self.assertRaises(AccessError):
                as_rd.read([fname])
        with self.assertRaises(AccessError):
            as_rd.action_view_fee_order()
        self.assertFalse(
            self.env["sale.order"].with_user(rd_seller).search([("origin", "=", request.name)]),
            "the fee order is the salesperson's, not the R&D engineer's",
        )
