# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""The queries of the web client's calls on a plain quotation and a plain ticket.

Run in an `odoo shell` on one database (see test_web_route_queries.py), with and
without the addon: the same users (a Sales and Helpdesk user; on the addon's
database the second one also holds the Salesperson role), the same customer,
product and helpdesk team, the same calls with the field specifications the web
client builds from each user's own form and list views. Each call is made twice,
the second one counted, from empty record caches (a request of the web client
starts with them; the registry's caches stay warm, as in a running server).
Everything is rolled back. Prints one line: ROUTES {json}.
"""

import json
import time

from lxml import etree

from odoo import Command

ADDON_ROLE = "sales_dept_regulation.group_role_salesperson"


def specification(env, model, node):
    """The field specification the web client sends for the view ``node``."""
    model_fields = env[model]._fields
    spec = {}
    for field_node in node.iter("field"):
        # fields of a sub-view belong to its own specification
        if any(parent.tag == "field" for parent in field_node.iterancestors()):
            continue
        field = model_fields.get(field_node.get("name"))
        if field is None:
            continue
        if field.type == "one2many" and field_node.find("list") is not None:
            spec[field.name] = {
                "fields": specification(env, field.comodel_name, field_node.find("list"))
            }
        elif field.type in ("many2one", "many2many", "one2many"):
            spec[field.name] = {"fields": {"display_name": {}}}
        else:
            spec[field.name] = {}
    spec.setdefault("display_name", {})
    return spec


def view_spec(env, model, view_type):
    views = env[model].get_views([(False, view_type)])
    return specification(env, model, etree.fromstring(views["views"][view_type]["arch"]))


def counted(env, call):
    """(queries, milliseconds) of ``call`` from empty record caches."""
    env.invalidate_all()
    before, start = env.cr.sql_log_count, time.perf_counter()
    call()
    env.flush_all()
    return env.cr.sql_log_count - before, round((time.perf_counter() - start) * 1000, 1)


def routes(env, partner, product, team):
    """{route: (queries, ms)} of one quotation and one ticket through the web client's calls."""
    Order, Ticket = env["sale.order"], env["helpdesk.ticket"]
    order_form = view_spec(env, "sale.order", "form")
    order_list = view_spec(env, "sale.order", "list")
    ticket_form = view_spec(env, "helpdesk.ticket", "form")
    ticket_list = view_spec(env, "helpdesk.ticket", "list")
    created = {}

    def create_order():
        values = {
            "partner_id": partner.id,
            "order_line": [Command.create({"product_id": product.id, "product_uom_qty": 2})],
        }
        created["order"] = Order.browse(Order.web_save(values, order_form)[0]["id"])

    def create_ticket():
        values = {"name": "Printer", "description": "<p>Jammed</p>", "team_id": team.id}
        created["ticket"] = Ticket.browse(Ticket.web_save(values, ticket_form)[0]["id"])

    calls = {
        "sale.order onchange": lambda: Order.onchange({}, [], order_form),
        "sale.order web_save (create)": create_order,
        "sale.order web_read": lambda: created["order"].web_read(order_form),
        "sale.order web_save (write)": lambda: created["order"].web_save(
            {"client_order_ref": "PO-1"}, order_form
        ),
        "sale.order action_confirm": lambda: created["order"].action_confirm(),
        "sale.order web_search_read": lambda: Order.web_search_read([], order_list, limit=80),
        "helpdesk.ticket onchange": lambda: Ticket.onchange({}, [], ticket_form),
        "helpdesk.ticket web_save (create)": create_ticket,
        "helpdesk.ticket web_read": lambda: created["ticket"].web_read(ticket_form),
        "helpdesk.ticket web_save (write)": lambda: created["ticket"].web_save(
            {"description": "<p>Jammed again</p>"}, ticket_form
        ),
        "helpdesk.ticket web_search_read": lambda: Ticket.web_search_read(
            [], ticket_list, limit=80
        ),
    }
    for call in calls.values():
        counted(env, call)  # the first call fills the registry's caches
    return {name: counted(env, call) for name, call in calls.items()}


def main(env):
    groups = [
        env.ref("sales_team.group_sale_salesman"),
        env.ref("helpdesk_mgmt.group_helpdesk_user"),
    ]
    role = env.ref(ADDON_ROLE, raise_if_not_found=False)
    users = {}
    for label, extra in (("plain", []), ("salesperson", [role] if role else [])):
        users[label] = env["res.users"].create(
            {
                "name": f"Route {label}",
                "login": f"route_{label}",
                "group_ids": [Command.set([group.id for group in groups + extra])],
            }
        )
    product = env["product.product"].create({"name": "Route Bolt", "list_price": 10.0})
    team = env["helpdesk.ticket.team"].create(
        {"name": "Route IT", "user_ids": [Command.set([u.id for u in users.values()])]}
    )
    env.flush_all()
    result = {}
    for label, user in users.items():
        # a customer of her own: each user reads only her own orders
        partner = env["res.partner"].create({"name": f"Route Customer {label}", "is_company": True})
        user_env = env(user=user.id, context={"lang": "en_US", "tz": "UTC"})
        result[label] = routes(
            user_env, *(record.with_env(user_env) for record in (partner, product, team))
        )
    env.cr.rollback()
    print("ROUTES " + json.dumps(result))


main(env)  # noqa: F821 (the odoo shell's environment)
