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

// The clerk records the return: the condition, then Record Return.
registry.category("web_tour.tours").add("sales_dept_regulation_archive_return", {
    steps: () => [
        {
            content: "The condition of the returned document",
            trigger: ".o_form_view div[name='return_condition'] .o_select_menu_toggler",
            run: "click",
        },
        {
            content: "In good condition",
            trigger: ".o_select_menu_item:contains(完好)",
            run: "click",
        },
        {
            content: "Record the return",
            trigger: ".o_form_view button[name='action_return']",
            run: "click",
        },
        {
            content: "Returned",
            trigger: ".o_form_view:not(:has(button[name='action_return'])) .o_statusbar_status",
        },
    ],
});
