import {registry} from "@web/core/registry";

// The clerk finds the signed contract in the catalogue and records where the
// paper original is kept. Only name attributes are used: the user reads Chinese.
registry.category("web_tour.tours").add("sales_dept_regulation_archive_file", {
    steps: () => [
        {
            content: "Search the contract in the catalogue",
            trigger: ".o_list_view .o_searchview_input",
            run: "edit SDR-TOUR-ORDER",
        },
        {
            content: "Search it",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "Open the filed contract",
            trigger: ".o_list_view .o_data_row:only-child td[name='title']",
            run: "click",
        },
        {
            content: "Cabinet",
            trigger: ".o_form_view div[name='cabinet'] input",
            run: "edit A",
        },
        {
            content: "Shelf",
            trigger: ".o_form_view div[name='shelf'] input",
            run: "edit 2",
        },
        {
            content: "Box",
            trigger: ".o_form_view div[name='box'] input",
            run: "edit 7",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved, the label can be printed",
            trigger: ".o_form_button_save:not(:visible)",
        },
        {
            content: "Room to record the label's download (the buffer keeps 250 entries)",
            trigger: ".o_form_view .o_statusbar_buttons button:contains(打印标签)",
            run: () => performance.clearResourceTimings(),
        },
        {
            content: "Print the label (its button, as the clerk reads it)",
            trigger: ".o_form_view .o_statusbar_buttons button:contains(打印标签)",
            run: "click",
        },
        {
            content: "The label is downloaded, with no error",
            trigger: "body:not(:has(.o_error_dialog)) .o_form_view div[name='cabinet'] input",
            run: async () => {
                // the download leaves nothing on the page: wait for its request
                const downloaded = () =>
                    performance
                        .getEntriesByType("resource")
                        .some((entry) => entry.name.includes("/report/download"));
                for (let wait = 0; wait < 100 && !downloaded(); wait++) {
                    await new Promise((resolve) => setTimeout(resolve, 100));
                }
                if (!downloaded()) {
                    throw new Error("The label was not downloaded.");
                }
            },
        },
    ],
});

// The borrower draws the signature on the approved loan and saves it.
registry.category("web_tour.tours").add("sales_dept_regulation_archive_sign", {
    steps: () => [
        {
            content: "Open the signature pad",
            trigger: ".o_form_view div[name='signature'] .o_signature",
            run: "click",
        },
        {
            content: "Sign on the pad",
            trigger: ".modal canvas.o_web_sign_signature",
            run: "click",
        },
        {
            content: "Adopt the signature",
            trigger: ".modal:has(canvas.o_web_sign_signature) footer button.btn-primary:not([disabled])",
            run: "click",
        },
        {
            content: "The drawn signature is on the loan",
            trigger: "body:not(:has(.modal)) .o_form_view div[name='signature'] img.o_signature",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_button_save:not(:visible)",
        },
    ],
});

// The clerk records the return: Record Return opens its dialog, where the
// condition is required.
registry.category("web_tour.tours").add("sales_dept_regulation_archive_return", {
    steps: () => [
        {
            content: "Record the return",
            trigger: ".o_form_view button[name='action_open_return']",
            run: "click",
        },
        {
            content: "The condition of the returned document (required): in good condition",
            trigger: ".modal div[name='return_condition'].o_required_modifier input[data-value=good]",
            run: "click",
        },
        {
            content: "Record the return",
            trigger: ".modal footer button[name='action_return']",
            run: "click",
        },
        {
            content: "Returned: the dialog closed, the loan reads 已归还",
            trigger:
                "body:not(:has(.modal)) .o_form_view:not(:has(button[name='action_open_return'])) .o_statusbar_status:has(.o_arrow_button_current:contains(已归还))",
        },
    ],
});

// A scanner types the label's code fast and ends with Enter, as keydown events
// on the page: the barcode service turns them into one scan.
function scan(code) {
    for (const key of [...code, "Enter"]) {
        document.body.dispatchEvent(
            new KeyboardEvent("keydown", {key, bubbles: true, cancelable: true})
        );
    }
}

function checkNumber(anchor, code) {
    if (anchor.textContent.trim() !== code) {
        throw new Error(`The form shows ${anchor.textContent} instead of ${code}`);
    }
}

// The clerk scans a label on the catalogue: the document's form opens. Then
// the scanner types into the search box: the exact number opens it too.
registry.category("web_tour.tours").add("sales_dept_regulation_archive_scan", {
    steps: () => {
        let code = "";
        return [
            {
                content: "A label of no document the clerk may see",
                trigger: ".o_list_view .o_data_row td[name='name']",
                run() {
                    scan("NOPE/0000");
                },
            },
            {
                content: "says so, and the catalogue stays",
                trigger: ".o_notification:contains(没有您可查看的档案编号为 NOPE/0000 的文件)",
            },
            {
                content: "The labelled paper is in the catalogue",
                trigger: ".o_list_view .o_data_row:has(td[name='title']:contains(SDR Scan Paper)) td[name='name']",
                run() {
                    code = this.anchor.textContent.trim();
                    scan(code);
                },
            },
            {
                content: "Its form opens, with its archive number",
                trigger: ".o_form_view div[name='name'] span",
                run() {
                    checkNumber(this.anchor, code);
                },
            },
            {
                content: "Back to the catalogue",
                trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb .breadcrumb-item:first-child a",
                run: "click",
            },
            {
                content: "The scanner types into the search box",
                trigger: ".o_list_view .o_searchview_input",
                async run(helpers) {
                    await helpers.edit(code);
                },
            },
            {
                content: "and presses Enter",
                trigger: ".o_searchview_input",
                run: "press Enter",
            },
            {
                content: "The form opens again",
                trigger: ".o_form_view div[name='name'] span",
                run() {
                    checkNumber(this.anchor, code);
                },
            },
            {
                content: "Back to the catalogue",
                trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb .breadcrumb-item:first-child a",
                run: "click",
            },
            {
                content: "Its kanban view",
                trigger: ".o_list_view .o_switch_view.o_kanban",
                run: "click",
            },
            {
                content: "A scan on the kanban",
                trigger: ".o_kanban_view .o_kanban_record",
                run() {
                    scan(code);
                },
            },
            {
                content: "opens the form too",
                trigger: ".o_form_view div[name='name'] span",
                run() {
                    checkNumber(this.anchor, code);
                },
            },
        ];
    },
});
