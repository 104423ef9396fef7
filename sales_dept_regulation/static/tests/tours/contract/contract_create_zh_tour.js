import {registry} from "@web/core/registry";
import {checkChinese, englishTextNodes} from "@sales_dept_regulation/../tests/tours/chinese_check";

// 王芳 writes a quotation from 报价单与合同, makes it a formal contract, fills
// the contract fields the form marks as required, and submits it for signature.
registry.category("web_tour.tours").add("sales_dept_regulation_contract_create_zh", {
    url: "/odoo/sdr-contracts",
    steps: () => [
        {
            content: "The list of quotations and contracts is in Chinese",
            trigger: ".o_list_view .o_list_button_add",
            run() {
                // the check itself sees an English word left on the screen
                const probe = document.createElement("span");
                probe.textContent = "Request Validation";
                document.querySelector(".o_action_manager").appendChild(probe);
                const caught = englishTextNodes(document.querySelector(".o_action_manager"));
                probe.remove();
                if (!caught.includes("Request Validation")) {
                    throw new Error("the English check does not see English words");
                }
                checkChinese("the list of quotations and contracts");
            },
        },
        {
            content: "New quotation",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit 瑞丰",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(宁波瑞丰塑料制品有限公司)",
            run: "click",
        },
        {
            content: "Tick Formal Contract",
            trigger: ".o_field_widget[name=is_contract] input",
            run: "click",
        },
        {
            content: "The contract fields show, marked as required",
            trigger: ".o_form_view .o_required_modifier[name=client_order_ref]",
            run() {
                for (const name of [
                    "client_order_ref",
                    "payment_term_id",
                    "commitment_date",
                    "sdr_delivery_method",
                ]) {
                    if (!document.querySelector(`.o_required_modifier[name=${name}]`)) {
                        throw new Error(`${name} is not marked as required`);
                    }
                }
                checkChinese("the contract form");
            },
        },
        {
            content: "Contract number",
            trigger: ".o_required_modifier[name=client_order_ref] input",
            run: "edit HT-ZH-001",
        },
        {
            content: "Payment terms",
            trigger: ".o_required_modifier[name=payment_term_id] input",
            run: "edit 月结",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(月结三十天)",
            run: "click",
        },
        {
            content: "Delivery date",
            trigger: ".o_required_modifier[name=commitment_date] input",
            run: "edit 2030-12-01 08:00:00",
        },
        {
            content: "Delivery method",
            trigger: ".o_required_modifier[name=sdr_delivery_method] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_item:contains(我方送货)",
            run: "click",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Submit for signature",
            trigger: ".o_form_saved button[name=request_validation]",
            run: "click",
        },
        {
            content: "The contract waits for the Department Head, in Chinese",
            trigger: ".o_form_view .alert-warning:contains(等待)",
            run() {
                checkChinese("the submitted contract");
            },
        },
    ],
});

// The sales clerk opens the contract her filing activity points to: she reads
// it, in Chinese, without editing it.
registry.category("web_tour.tours").add("sales_dept_regulation_contract_clerk_zh", {
    steps: () => [
        {
            content: "The signed contract opens, read-only",
            trigger:
                ".o_form_view .o_field_widget[name=partner_id]:not(:has(input)):contains(宁波瑞丰塑料制品有限公司)",
        },
        {
            content: "Its contract information is in Chinese",
            trigger: ".o_form_view .o_field_widget[name=sdr_amount_in_words]",
            run() {
                checkChinese("the contract the clerk files");
            },
        },
    ],
});
