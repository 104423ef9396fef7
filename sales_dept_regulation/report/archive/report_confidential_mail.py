# Copyright 2026 The sales_dept_regulation Authors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

import re

from lxml import html as lxml_html
from markupsafe import Markup

from odoo import api, models
from odoo.tools import html_sanitize, is_html_empty

# what makes the PDF engine fetch something from elsewhere
_FETCHING_ATTRIBUTES = ("src", "srcset", "background", "poster")
_CSS_URL = re.compile(r"url\s*\(", re.IGNORECASE)


def printable_body(body):
    """The mail's body as the chatter shows it (sanitized HTML: nothing the
    sender wrote runs), sanitized again here, and without what would have the
    PDF engine fetch a remote address (tracking images, remote styles): the
    server never calls the sender's servers back."""
    if is_html_empty(body):
        return Markup("")
    clean = html_sanitize(body, sanitize_attributes=True, sanitize_style=True, strip_classes=True)
    if not clean:
        return Markup("")
    root = lxml_html.fragment_fromstring(clean, create_parent="div")
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in _FETCHING_ATTRIBUTES:
            value = element.get(attribute)
            if value is not None and not value.strip().startswith("data:"):
                del element.attrib[attribute]
        if _CSS_URL.search(element.get("style") or ""):
            del element.attrib["style"]
    return Markup(lxml_html.tostring(root, encoding="unicode"))


class ReportConfidentialMail(models.AbstractModel):
    _name = "report.sales_dept_regulation.report_confidential_mail"
    _description = "Confidential Mail Printout"

    @api.model
    def _get_report_values(self, docids, data=None):
        messages = self.env["mail.message"].browse(docids)
        return {
            "doc_ids": messages.ids,
            "doc_model": "mail.message",
            "docs": messages,
            "bodies": {message.id: printable_body(message.body) for message in messages},
            "origins": {
                message.id: message._archive_origin_label(
                    self.env[message.model].browse(message.res_id)
                )
                for message in messages
                if message.model in self.env and message.res_id
            },
        }
