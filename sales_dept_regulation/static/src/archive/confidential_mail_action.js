import { toRaw } from "@odoo/owl";
import { registerMessageAction } from "@mail/core/common/message_actions";
import { ConfirmationDialog } from "@web/core/confirmation_dialog/confirmation_dialog";
import { _t } from "@web/core/l10n/translation";
import { session } from "@web/session";

// mails received or sent by Odoo's mailers; a message a user sent from the
// chatter is a comment of subtype "Discussions" (the server checks it all again)
const MAIL_TYPES = ["email", "email_outgoing"];

/**
 * "File as confidential" (000 §档案管理): shown on mails in the chatter of a
 * record the user may edit, when she holds one of the department's roles —
 * from what the page already knows (the session, the thread's write access):
 * no query per message.
 */
export function canFileAsConfidential({ message, thread, store }) {
    return Boolean(
        session.sdr_file_confidential_mail &&
            thread &&
            thread.model &&
            !["discuss.channel", "mail.box"].includes(thread.model) &&
            thread.hasWriteAccess &&
            (MAIL_TYPES.includes(message.message_type) ||
                (message.message_type === "comment" && store.mt_comment?.eq(message.subtype_id)))
    );
}

registerMessageAction("sdr-file-confidential", {
    condition: canFileAsConfidential,
    icon: "fa fa-archive",
    name: _t("File as Confidential"),
    onSelected: ({ message: msg, store, thread: thr }) => {
        const message = toRaw(msg);
        const thread = toRaw(thr);
        const { dialog, notification, orm } = store.env.services;
        dialog.add(ConfirmationDialog, {
            title: _t("File as Confidential"),
            body: _t(
                "The mail is printed to PDF and filed in the archive as a confidential document, with its attachments; then it is deleted from this chatter. Continue?"
            ),
            confirmLabel: _t("File in the Archive"),
            confirm: async () => {
                const number = await orm.call(
                    "mail.message",
                    "action_archive_file_confidential",
                    [[message.id]]
                );
                message.delete();
                notification.add(_t("The mail was filed in the archive as %s.", number), {
                    type: "success",
                });
                await thread.fetchNewMessages();
                await thread.fetchThreadData(["attachments"]);
            },
            cancel: () => {},
        });
    },
    sequence: 115,
});
