# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The trust boundary of samples and mould fees (issue 22): the money
invariants, four eyes on fee exceptions, record rules on the record as
written, what R&D reads and bad input. Each route is taken as the user, with
plain ORM calls, asserting the refusal and that nothing changed."""

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import new_test_user, tagged

from ...models.sample.sale_sample_request import MONEY_GROUPS
from ..common import MODULE
from .sample_common import SampleCommon

SAMPLE_MODELS = ["sale.sample.request", "sale.market.budget", "sale.mould.fee.rule"]


@tagged("post_install", "-at_install")
class TestSampleTrust(SampleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dgm = cls.role_users["deputy_general_manager"]
        cls.gm = cls.role_users["general_manager"]
        cls.admin = cls.role_users["regulation_admin"]
        # a potential C customer: fees charged in full
        cls.charged_customer = cls._customer("Prospect C", "potential", cls._grade("potential_c"))
        cls.waived_customer = cls._customer("Formal B", "formal", cls._grade("formal_b"))

    def _fee_order(self, mould_cost=3200.0):
        request = self._request(self.charged_customer, mould_cost=mould_cost)
        request.with_user(self.salesperson).action_submit()
        request.with_user(self.salesperson).action_create_fee_order()
        return request, request.sudo().fee_order_id

    def _prices(self, order):
        return [(line.product_id.id, line.price_unit, line.discount) for line in order.order_line]

    # ------------------------------------------------------------
    # 1. Money invariants
    # ------------------------------------------------------------

    def test_fee_order_charges_the_decision_unless_the_department_head_lowers_it(self):
        request, order = self._fee_order()
        self.assertEqual(request.sudo().charged_amount, 3200.0)
        before = self._prices(order)
        line = order.order_line
        as_sales = order.with_user(self.salesperson)
        for label, route in (
            ("price", lambda: line.with_user(self.salesperson).write({"price_unit": 0.01})),
            ("discount", lambda: line.with_user(self.salesperson).write({"discount": 99.99})),
            ("quantity", lambda: line.with_user(self.salesperson).write({"product_uom_qty": 0.01})),
            ("removed", lambda: line.with_user(self.salesperson).unlink()),
            (
                "through the order",
                lambda: as_sales.write(
                    {"order_line": [Command.update(line.id, {"price_unit": 0.01})]}
                ),
            ),
            (
                "a negative line",
                lambda: as_sales.write(
                    {
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": line.product_id.id,
                                    "product_uom_qty": 1,
                                    "price_unit": -3199.99,
                                }
                            )
                        ]
                    }
                ),
            ),
            ("prices updated from the pricelist", lambda: as_sales.action_update_prices()),
        ):
            with self.subTest(route=label):
                with self.assertRaisesMessage(UserError, "only the Department Head lowers it"):
                    route()
                self.assertEqual(self._prices(order), before)
        self.assertFalse(request.sudo().fee_lowered_by_id)
        # a higher price is no lowering
        line.with_user(self.salesperson).write({"price_unit": 3300.0})
        line.with_user(self.salesperson).write({"price_unit": 3200.0})
        self.assertFalse(request.sudo().fee_lowered_by_id)
        # the Department Head lowers it: recorded on the request and in the order's chatter
        line.with_user(self.head).write({"price_unit": 2000.0})
        money = request.sudo()
        self.assertEqual(money.fee_lowered_amount, 2000.0)
        self.assertEqual(money.fee_lowered_by_id, self.head)
        self.assertEqual(money.charged_amount, 3200.0)  # the decision itself stays
        self.assertIn("lowered from", order.message_ids[0].body)
        # below what the Department Head allowed, the salesperson is refused again
        with self.assertRaisesMessage(UserError, "only the Department Head lowers it"):
            line.with_user(self.salesperson).write({"price_unit": 1999.0})
        self.assertEqual(line.price_unit, 2000.0)
        order.action_confirm()
        request.with_user(self.rd_user).action_accept()
        self.assertEqual(request.state, "accepted")

    def test_confirmed_fee_order_cancelled_only_by_the_department_head(self):
        request, order = self._fee_order()
        order.action_confirm()
        request.with_user(self.rd_user).action_accept()
        as_sales = order.with_user(self.salesperson)
        for label, route in (
            ("cancel", as_sales.action_cancel),
            ("state written", lambda: as_sales.write({"state": "cancel"})),
            ("back to a quotation", lambda: as_sales.write({"state": "draft"})),
        ):
            with self.subTest(route=label):
                with self.assertRaisesMessage(UserError, "only the Department Head cancels it"):
                    route()
                self.assertEqual(order.state, "sale")
        order.with_user(self.head).action_cancel()
        self.assertEqual(order.state, "cancel")

    def test_mould_gate_checks_the_amount_confirmed(self):
        request, order = self._fee_order()
        order.action_confirm()
        # a price lowered past every guard (here in SQL): the gate reads the amount
        self.env.cr.execute(
            "UPDATE sale_order_line SET price_unit = 0.01 WHERE order_id = %s", [order.id]
        )
        order.order_line.invalidate_recordset(["price_unit"])
        with self.assertRaisesMessage(UserError, "confirmed for less than the fee decided"):
            request.with_user(self.rd_user).action_accept()
        self.assertEqual(request.state, "submitted")
        # and the refusal tells R&D no amount
        with self.assertRaises(UserError) as caught:
            request.with_user(self.rd_user).action_accept()
        self.assertNotIn("3,200", str(caught.exception))
        self.assertNotIn("0.01", str(caught.exception))

    def test_confirmation_refused_below_the_decision(self):
        request, order = self._fee_order()
        self.env.cr.execute(
            "UPDATE sale_order_line SET price_unit = 0.01 WHERE order_id = %s", [order.id]
        )
        order.order_line.invalidate_recordset(["price_unit"])
        with self.assertRaisesMessage(UserError, "charges less than the fee decided"):
            order.with_user(self.salesperson).action_confirm()
        self.assertEqual(order.state, "draft")

    def test_waiver_stays_drawn_once_the_sample_is_made(self):
        budget = self._budget(1000)
        sent = self._request(self.waived_customer, mould_cost=1000)
        sent.with_user(self.salesperson).action_submit()
        self.assertEqual(sent.sudo().budget_amount, 1000.0)
        rd = sent.with_user(self.rd_user)
        rd.action_accept()
        rd.action_made()
        rd.action_send()
        sent.with_user(self.salesperson).action_cancel("Customer withdrew")
        self.assertEqual(sent.state, "cancelled")
        self.assertEqual(budget.consumed_amount, 1000.0)
        self.assertEqual(budget.remaining_amount, 0.0)
        # the next request finds nothing left: charged, not waived a second time
        second = self._request(self.waived_customer, mould_cost=1000)
        second.with_user(self.salesperson).action_submit()
        self.assertEqual(second.sudo().charged_amount, 1000.0)
        self.assertFalse(second.sudo().budget_id)
        # the amount cannot drop below what the made sample spent
        with self.assertRaisesMessage(ValidationError, "cannot be lower"):
            budget.with_user(self.admin).write({"amount": 500})
        self.assertEqual(budget.amount, 1000.0)

    def test_team_budget_for_its_members_only(self):
        other_team = self.env["crm.team"].create({"name": "Export Team"})
        self._budget(5000, team_id=other_team.id)
        count = self.Request.search_count([])
        with self.assertRaisesMessage(ValidationError, "not a member of the sales team"):
            self._request(self.waived_customer, team_id=other_team.id)
        self.assertEqual(self.Request.search_count([]), count)
        draft = self._request(self.waived_customer)
        with self.assertRaisesMessage(ValidationError, "not a member of the sales team"):
            draft.with_user(self.salesperson).write({"team_id": other_team.id})
        self.assertNotEqual(draft.team_id, other_team)
        # a member left the team after writing the draft: not drawn at submission
        own_team = self.env["crm.team"].create(
            {"name": "Home Team", "member_ids": [Command.set(self.salesperson.ids)]}
        )
        self._budget(5000, team_id=own_team.id)
        member_draft = self._request(self.waived_customer, team_id=own_team.id)
        own_team.member_ids = [Command.clear()]
        with self.assertRaisesMessage(ValidationError, "not a member of the sales team"):
            member_draft.with_user(self.salesperson).action_submit()
        self.assertEqual(member_draft.state, "draft")
        self.assertFalse(member_draft.sudo().budget_id)

    # ------------------------------------------------------------
    # 2. Four eyes
    # ------------------------------------------------------------

    def test_nobody_decides_their_own_fee_exception(self):
        request = self._request(self.charged_customer)
        request.with_user(self.salesperson).action_submit()
        # the Department Head asks for the exception himself
        request.with_user(self.head).action_request_exception("Key account")
        review = request.review_ids
        self.assertEqual(review.requested_by, self.head)
        self.assertEqual(review.status, "pending")
        self.assertNotIn(self.head, review.reviewer_ids)
        self.assertNotIn(self.salesperson, review.reviewer_ids)
        self.assertIn(self.dgm, review.reviewer_ids)
        self.assertIn(self.gm, review.reviewer_ids)
        as_head = request.with_user(self.head)
        for label, route in (
            ("validate", as_head.validate_tier),
            ("reject", as_head.reject_tier),
            ("salesperson validates", request.with_user(self.salesperson).validate_tier),
        ):
            with self.subTest(route=label):
                with self.assertRaisesMessage(UserError, "your own"):
                    route()
                self.assertEqual(review.status, "pending")
                self.assertEqual(request.exception_state, "requested")
        # nor through the engine's own models
        with self.assertRaises(AccessError):
            review.with_user(self.head).write({"status": "approved", "done_by": self.head.id})
        with self.assertRaises(AccessError):
            self.env["comment.wizard"].with_user(self.head).create(
                {
                    "res_model": request._name,
                    "res_id": request.id,
                    "review_ids": [Command.set(review.ids)],
                    "validate_reject": "validate",
                    "comment": "Mine",
                }
            ).add_comment()
        self.assertEqual(review.status, "pending")
        self.assertEqual(request.sudo().charged_amount, 1000.0)
        # another Department Head is no next level: his Validate changes nothing
        other_head = new_test_user(
            self.env, login="sdr_head_2", groups=f"{MODULE}.group_role_department_head"
        )
        request.with_user(other_head).validate_tier()
        self.assertEqual(review.status, "pending")
        # the Deputy General Manager decides
        request.with_user(self.dgm).validate_tier()
        self.assertEqual(review.status, "approved")
        self.assertEqual(review.done_by, self.dgm)
        self.assertEqual(request.exception_state, "approved")
        self.assertEqual(request.sudo().charged_amount, 0.0)

    def test_deputy_general_managers_exception_decided_by_the_general_manager(self):
        request = self._request(self.charged_customer)
        request.with_user(self.salesperson).action_submit()
        request.with_user(self.dgm).action_request_exception("Trade fair")
        review = request.review_ids
        self.assertIn(self.gm, review.reviewer_ids)
        self.assertNotIn(self.dgm, review.reviewer_ids)
        self.assertNotIn(self.head, review.reviewer_ids)
        with self.assertRaisesMessage(UserError, "your own"):
            request.with_user(self.dgm).validate_tier()
        request.with_user(self.head).validate_tier()  # not his to decide: nothing changes
        self.assertEqual(review.status, "pending")
        request.with_user(self.gm).validate_tier()
        self.assertEqual(request.exception_state, "approved")

    def test_salespersons_exception_decided_by_the_department_head(self):
        request = self._request(self.charged_customer)
        request.with_user(self.salesperson).action_submit()
        request.with_user(self.salesperson).action_request_exception("Strategic prospect")
        self.assertIn(self.head, request.review_ids.reviewer_ids)
        self.assertNotIn(self.salesperson, request.review_ids.reviewer_ids)
        request.with_user(self.head).reject_tier()
        self.assertEqual(request.exception_state, "refused")

    # ------------------------------------------------------------
    # 3. Record rules on the record as written, company checks
    # ------------------------------------------------------------

    def test_records_not_moved_into_a_foreign_company(self):
        foreign = self.env["res.company"].create({"name": "Foreign Co"})
        budget = self._budget(1000)
        rule = self.env["sale.mould.fee.rule"].create(
            {"customer_stage": "formal", "grade_id": False, "policy": "charge"}
        )
        for record in (budget, rule):
            with self.subTest(model=record._name):
                with self.assertRaises(AccessError):
                    record.with_user(self.admin).write({"company_id": foreign.id})
                self.assertEqual(record.company_id, self.company)
                with self.assertRaises(AccessError):
                    record.with_user(self.admin).copy({"company_id": foreign.id})
        self.assertFalse(self.Budget.search([("company_id", "=", foreign.id)]))
        # a salesperson's draft moved there too
        draft = self._request(self.charged_customer)
        with self.assertRaises(UserError):
            draft.with_user(self.salesperson).write({"company_id": foreign.id})
        self.assertEqual(draft.company_id, self.company)

    def test_every_sample_model_checks_its_company(self):
        for name in SAMPLE_MODELS:
            model = self.env[name]
            self.assertTrue(model._check_company_auto, name)
            for field in model._fields.values():
                if (
                    field.type in ("many2one", "many2many")
                    and field.store
                    and not field.related
                    and field.name not in ("company_id", "create_uid", "write_uid")
                    and "company_id" in self.env[field.comodel_name]._fields
                ):
                    with self.subTest(model=name, field=field.name):
                        self.assertTrue(field.check_company)

    # ------------------------------------------------------------
    # 4. R&D reads no money and no fee order
    # ------------------------------------------------------------

    def test_rd_reads_no_money_and_no_fee_order(self):
        # allowed to export: still no money in the export
        self.rd_user.group_ids += self.env.ref("base.group_allow_export")
        request, order = self._fee_order()
        order.action_confirm()
        money_fields = [
            name for name, field in self.Request._fields.items() if field.groups == MONEY_GROUPS
        ]
        self.assertIn("fee_order_id", money_fields)
        self.assertIn("fee_lowered_amount", money_fields)
        rd = request.with_user(self.rd_user)
        Rd = self.Request.with_user(self.rd_user)
        with self.assertRaises(AccessError):
            rd.action_view_fee_order()
        with self.assertRaises(AccessError):
            order.with_user(self.rd_user).read(["name"])
        for name in money_fields:
            with self.subTest(field=name):
                with self.assertRaises(AccessError):
                    rd.read([name])
                with self.assertRaises(AccessError):
                    Rd.search_read([("id", "=", request.id)], [name])
                with self.assertRaises(AccessError):
                    Rd.read_group([], [name], [name])
                with self.assertRaises(AccessError):
                    Rd.formatted_read_group([], [name], ["__count"])
                with self.assertRaises(AccessError):
                    Rd.formatted_read_group([], ["state"], [f"{name}:count_distinct"])
                with self.assertRaises(AccessError):
                    rd.export_data([name])
                with self.assertRaises(AccessError):
                    Rd.search([(name, "!=", False)])
        # every field R&D reads carries neither an amount nor the order's id
        values = rd.read(list(Rd.fields_get()))[0]
        # (the request's own id may equal the order's: both count from the same start)
        self.assertNotIn(
            order.id, [v for name, v in values.items() if isinstance(v, int) and name != "id"]
        )
        self.assertFalse(set(money_fields) & set(values))

    # ------------------------------------------------------------
    # 5. Bad input
    # ------------------------------------------------------------

    def test_bad_ids_refused_with_a_clear_message(self):
        Rule = self.env["sale.mould.fee.rule"].with_user(self.admin)
        Budget = self.Budget.with_user(self.admin)
        rules, budgets = Rule.search_count([]), Budget.search_count([])
        grade = self._grade("formal_c").id
        for vals in (
            {"customer_stage": "formal", "grade_id": grade, "product_categ_id": 0},
            {"customer_stage": "formal", "grade_id": grade, "product_categ_id": 2**31 + 5},
            {"customer_stage": "formal", "grade_id": 2**31 + 5},
            {"customer_stage": "formal", "grade_id": grade, "company_id": 2**31 + 5},
        ):
            with self.subTest(vals=vals):
                with self.assertRaisesMessage(ValidationError, "no record has this id"):
                    Rule.create(dict(vals, policy="charge"))
        self.assertEqual(Rule.search_count([]), rules)
        month = {"period_type": "month", "date_from": "2031-01-01", "amount": 5}
        for team_id in (2**31 + 5, -1, 0):
            with self.subTest(team_id=team_id):
                with self.assertRaisesMessage(ValidationError, "no record has this id"):
                    Budget.create(dict(month, team_id=team_id))
        self.assertEqual(Budget.search_count([]), budgets)
        budget = self._budget(100)
        with self.assertRaisesMessage(ValidationError, "no record has this id"):
            budget.with_user(self.admin).write({"team_id": 2**31 + 5})
        self.assertFalse(budget.team_id)
        with self.assertRaisesMessage(ValidationError, "no record has this id"):
            self._request(self.charged_customer, partner_id=2**31 + 5)
        with self.assertRaisesMessage(ValidationError, "no record has this id"):
            self._request(self.charged_customer, drawing_ids=[Command.set([2**31 + 5])])
        Wizard = self.env["sale.sample.reason.wizard"].with_user(self.salesperson)
        for request_id in (2**31 + 5, 0):
            with self.assertRaisesMessage(ValidationError, "no record has this id"):
                Wizard.create({"request_id": request_id, "action": "cancel", "reason": "x"})
        # in the user's language: the field's label
        with self.assertRaisesMessage(ValidationError, "销售团队"):
            Budget.with_context(lang="zh_CN").create(dict(month, team_id=2**31 + 5))
        # a record id beyond any record, through the methods the addon exposes
        huge = 2**40
        Sales = self.Request.with_user(self.salesperson)
        Rd = self.Request.with_user(self.rd_user)
        Head = self.Request.with_user(self.head)
        for label, call in (
            ("submit", lambda: Sales.browse(huge).action_submit()),
            ("cancel", lambda: Sales.browse(huge).action_cancel("x")),
            ("exception", lambda: Sales.browse(huge).action_request_exception("x")),
            ("fee order", lambda: Sales.browse(huge).action_create_fee_order()),
            ("view fee order", lambda: Sales.browse(huge).action_view_fee_order()),
            ("feedback", lambda: Sales.browse(huge).action_feedback("approved")),
            ("close", lambda: Sales.browse(huge).action_close()),
            ("accept", lambda: Rd.browse(huge).action_accept()),
            ("made", lambda: Rd.browse(huge).action_made()),
            ("send", lambda: Rd.browse(huge).action_send()),
            ("override", lambda: Head.browse(huge).action_override_mould_gate("x")),
            ("validate", lambda: Head.browse(huge).validate_tier()),
            ("reject", lambda: Head.browse(huge).reject_tier()),
            ("budget", lambda: Budget.browse(huge).write({"amount": 1})),
            ("rule", lambda: Rule.browse(huge).write({"note": "x"})),
        ):
            with self.subTest(call=label):
                # MissingError or AccessError: both a UserError, none a server error
                with self.assertRaises(UserError):
                    call()

    def test_fee_products_are_services(self):
        goods = self.env["product.product"].create({"name": "Mould steel", "type": "consu"})
        service = self.env["product.product"].create({"name": "Mould work", "type": "service"})
        settings_admin = new_test_user(
            self.env,
            login="sdr_settings_admin",
            groups=f"{MODULE}.group_role_regulation_admin,base.group_system",
        )
        for field in ("sdr_sample_mould_product_id", "sdr_sample_fee_product_id"):
            with self.subTest(field=field):
                before = self.company[field]
                with self.assertRaisesMessage(ValidationError, "must be services"):
                    self.env["res.config.settings"].with_user(settings_admin).create(
                        {field: goods.id}
                    ).execute()
                self.assertEqual(self.company[field], before)
                with self.assertRaisesMessage(ValidationError, "must be services"):
                    self.company.with_user(settings_admin).write({field: goods.id})
                self.assertEqual(self.company[field], before)
                with self.assertRaisesMessage(ValidationError, "no record has this id"):
                    self.env["res.config.settings"].with_user(settings_admin).create(
                        {field: 2**31 + 5}
                    ).execute()
                self.assertEqual(self.company[field], before)
        self.env["res.config.settings"].with_user(settings_admin).create(
            {"sdr_sample_mould_product_id": service.id}
        ).execute()
        self.assertEqual(self.company.sdr_sample_mould_product_id, service)
        # a product turned into goods after it was chosen: no fee order with it
        service.type = "consu"
        request = self._request(self.charged_customer)
        request.with_user(self.salesperson).action_submit()
        with self.assertRaisesMessage(UserError, "must be services"):
            request.with_user(self.salesperson).action_create_fee_order()
        self.assertFalse(request.sudo().fee_order_id)
