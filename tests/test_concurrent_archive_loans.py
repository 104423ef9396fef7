# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

"""Two salespeople request the same document at the same moment: one loan is
created, the other request gets a clear refusal, never a server error.

Two threads, each with its own database cursor (as two HTTP workers), start
their request together; the partial unique index on the active loans decides,
and the loser's IntegrityError becomes a ValidationError.
"""

import os
import threading
from datetime import timedelta

from figures import report

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.exceptions import ValidationError
from odoo.modules.registry import Registry
from odoo.tools import config

RUNS = 5


def setup(registry):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"lang": "en_US"})
        group = env.ref("sales_dept_regulation.group_role_salesperson")
        users = env["res.users"].create(
            [
                {
                    "name": f"Race Borrower {n}",
                    "login": f"race_archive_borrower_{os.getpid()}_{n}",
                    "group_ids": [Command.set([group.id])],
                }
                for n in range(2)
            ]
        )
        category = env["sale.archive.category"].create(
            {"name": "Race Papers", "code": "RACE", "retention_years": 1}
        )
        documents = env["sale.archive.document"].create(
            [{"title": f"Race paper {n}", "category_id": category.id} for n in range(RUNS)]
        )
        return users.ids, category.id, documents.ids


def cleanup(registry, user_ids, category_id, document_ids):
    with registry.cursor() as cr:
        cr.execute("DELETE FROM sale_archive_loan WHERE document_id = ANY(%s)", [document_ids])
        cr.execute(
            "DELETE FROM mail_message WHERE model = 'sale.archive.document' AND res_id = ANY(%s)",
            [document_ids],
        )
        cr.execute("DELETE FROM sale_archive_document WHERE id = ANY(%s)", [document_ids])
        cr.execute(
            "DELETE FROM ir_sequence WHERE id = "
            "(SELECT sequence_id FROM sale_archive_category WHERE id = %s)",
            [category_id],
        )
        cr.execute("DELETE FROM sale_archive_category WHERE id = %s", [category_id])
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["res.users"].browse(user_ids).write({"active": False})


def race(registry, user_ids, document_id):
    barrier = threading.Barrier(len(user_ids), timeout=60)
    outcomes = [None] * len(user_ids)

    def request(number, uid):
        try:
            with registry.cursor() as cr:
                env = api.Environment(cr, uid, {"lang": "en_US"})
                Loan = env["sale.archive.loan"]
                today = fields.Date.context_today(Loan)
                barrier.wait()
                try:
                    Loan.create(
                        {
                            "document_id": document_id,
                            "purpose": "Prepare the visit",
                            "due_date": today + timedelta(days=3),
                        }
                    )
                    cr.commit()
                    outcomes[number] = "created"
                except ValidationError as exc:
                    cr.rollback()
                    outcomes[number] = "refused" if "one loan at a time" in str(exc) else repr(exc)
        except Exception as exc:  # noqa: BLE001 - anything else is a server error
            outcomes[number] = f"server error: {exc!r}"

    threads = [threading.Thread(target=request, args=(n, uid)) for n, uid in enumerate(user_ids)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    with registry.cursor() as cr:
        cr.execute(
            "SELECT count(*) FROM sale_archive_loan WHERE document_id = %s AND state = 'requested'",
            [document_id],
        )
        loans = cr.fetchone()[0]
    return sorted(str(outcome) for outcome in outcomes), loans


def test_two_simultaneous_requests_one_wins():
    registry = Registry(config["db_name"][0])
    user_ids, category_id, document_ids = setup(registry)
    try:
        results = [race(registry, user_ids, document_id) for document_id in document_ids]
    finally:
        cleanup(registry, user_ids, category_id, document_ids)
    report(
        f"archive: {RUNS} races of two simultaneous loan requests of one document: "
        + "; ".join(f"{'/'.join(outcomes)} -> {loans} loan" for outcomes, loans in results)
    )
    for outcomes, loans in results:
        assert outcomes == ["created", "refused"], outcomes
        assert loans == 1
