import { useEnv } from "@odoo/owl";
import { RPCError } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { useBus, useService } from "@web/core/utils/hooks";
import { KanbanController } from "@web/views/kanban/kanban_controller";
import { kanbanView } from "@web/views/kanban/kanban_view";
import { ListController } from "@web/views/list/list_controller";
import { listView } from "@web/views/list/list_view";

const MODEL = "sale.archive.document";

/**
 * A scanned archive label opens its document. Two ways a scan arrives:
 * - the barcode service's bus, when the focus is not in a text field;
 * - the search box, when the scanner types into it and presses Enter: the
 *   code becomes a search on the archive number, and an exact match opens.
 * The server looks the number up with the user's own rights.
 */
export function useArchiveScan() {
    const env = useEnv();
    const orm = useService("orm");
    const action = useService("action");
    const notification = useService("notification");
    const barcode = useService("barcode");
    const ui = useService("ui");

    async function open(code, quiet) {
        let result;
        try {
            result = await orm.call(MODEL, "action_open_by_archive_number", [code, !quiet]);
        } catch (error) {
            if (error instanceof RPCError && error.exceptionName === "odoo.exceptions.UserError") {
                // a scanner goes on with the next label: no dialog to close
                notification.add(error.data.message, { type: "danger" });
                return;
            }
            throw error;
        }
        if (result) {
            await action.doAction(result);
        }
    }

    useBus(barcode.bus, "barcode_scanned", (ev) => {
        // not behind a dialog: the scan is for what the dialog shows
        if (ui.activeElement === document) {
            open(ev.detail.barcode, false);
        }
    });

    const searchModel = env.searchModel;
    useBus(searchModel, "update", () => {
        const searches = searchModel.query.filter((item) => "autocompleteValue" in item);
        if (searches.length !== 1) {
            return;
        }
        const item = searchModel.searchItems[searches[0].searchItemId];
        const value = searches[0].autocompleteValue.value;
        if (item?.fieldName === "name" && typeof value === "string" && value.trim()) {
            // a search by hand that matches no number exactly stays a search
            open(value, true);
        }
    });
}

export class ArchiveDocumentListController extends ListController {
    setup() {
        super.setup();
        useArchiveScan();
    }
}

export class ArchiveDocumentKanbanController extends KanbanController {
    setup() {
        super.setup();
        useArchiveScan();
    }
}

registry.category("views").add("sale_archive_document_list", {
    ...listView,
    Controller: ArchiveDocumentListController,
});
registry.category("views").add("sale_archive_document_kanban", {
    ...kanbanView,
    Controller: ArchiveDocumentKanbanController,
});
