import {registry} from "@web/core/registry";
import {formatDateTime} from "@web/core/l10n/dates";
import {user} from "@web/core/user";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";
import {checkDialogChinese, openApp, openMenu} from "@sales_dept_regulation/../tests/tours/tour_steps";

// Credit before the contract, as the demo users walk it in Chinese: 王芳 writes a
// contract of 华信, whose credit assessment expired; the contract is stopped, she
// asks for an exception; 赵强 (General Manager) approves it from 资信例外.
// The delivery date committed to 华信 is three days ago: the story of issue 26
// (credit_contract_story_tour.js) goes on to deliver this contract late.

export const CUSTOMER = "上海华信医疗器械有限公司";
export const CONTRACT_NUMBER = "HT-2026-088";
// days before today of the committed delivery date: the Python test reads it back
export const COMMITTED_DAYS_AGO = 3;

/** The committed delivery date: three days before the user's today, at
 * 10:00 her time (the server counts days in the salesperson's time zone,
 * whatever the browser's). */
export function committedDeliveryDay() {
    return luxon.DateTime.now()
        .setZone(user.tz || "default")
        .minus({days: COMMITTED_DAYS_AGO})
        .set({hour: 10, minute: 0, second: 0, millisecond: 0});
}

/** committedDeliveryDay() as the user types it: her date format (2026/12/05
 * 10:00:00 in Chinese), in the browser's time, which the client converts. */
function committedDeliveryDate() {
    return formatDateTime(committedDeliveryDay().setZone("default"));
}

registry.category("web_tour.tours").add("sales_dept_regulation_credit_stopped_zh", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        openMenu("sales_dept_regulation.sale_order_menu_contract_home"),
        {
            trigger: ".o_breadcrumb:contains(报价单与合同)",
        },
        {
            content: "New quotation",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit 华信",
        },
        {
            trigger: `.o-autocomplete--dropdown-item:contains(${CUSTOMER})`,
            run: "click",
        },
        {
            content: "Tick 正式合同",
            trigger: ".o_field_widget[name=is_contract] input",
            run: "click",
        },
        {
            content: "Add a product",
            trigger: ".o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".o_data_row div[name=product_template_id] input",
            run: "edit 种植体",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(种植体注塑模具)",
            run: "click",
        },
        {
            content: "Payment terms",
            trigger: ".o_required_modifier[name=payment_term_id] input",
            run: "edit 30 天",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(30 天)",
            run: "click",
        },
        {
            trigger: ".o_required_modifier[name=payment_term_id] input:value(30 天)",
        },
        {
            content: "Contract number",
            trigger: ".o_required_modifier[name=sdr_contract_ref] input",
            run: `edit ${CONTRACT_NUMBER}`,
        },
        {
            content: "Delivery date: three days ago",
            trigger: ".o_required_modifier[name=sdr_contract_delivery_date] input",
            run(helpers) {
                return helpers.edit(committedDeliveryDate());
            },
        },
        {
            content: "Delivery arrangement",
            trigger:
                ".o_required_modifier[name=sdr_contract_delivery_method] .o_select_menu_toggler",
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
            content: "The contract says the customer's credit assessment expired",
            trigger: ".o_form_saved .o_sdr_credit_banner:contains(资信评估已过期)",
            run() {
                if (!document.querySelector(".o_form_view [name=sdr_credit_rating]")) {
                    throw new Error("the customer's credit is not shown on the contract");
                }
                checkChinese("被资信拦下的合同");
            },
        },
        {
            content: "Submit for signature",
            trigger: ".o_form_saved button[name=request_validation]",
            run: "click",
        },
        {
            content: "The server refuses: the assessment expired",
            trigger: ".modal:contains(资信评估已过期)",
            run() {
                checkDialogChinese("资信拦截提示");
            },
        },
        {
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Ask the General Manager for an exception",
            trigger: ".o_form_view:not(:has(.modal)) button[name=action_sdr_credit_exception]",
            run: "click",
        },
        {
            content: "The reason",
            trigger: ".modal .o_field_widget[name=reason] textarea",
            run: "edit 老客户，近三年回款及时，新评估本周完成",
        },
        {
            trigger: ".modal button[name=action_request]",
            run() {
                checkDialogChinese("申请资信例外");
                this.anchor.click();
            },
        },
        {
            content: "The exception waits for the General Manager",
            trigger: ".o_form_view .o_field_widget[name=problem]:contains(资信评估已过期)",
            run() {
                checkChinese("资信例外", {chatter: true});
            },
        },
    ],
});

registry.category("web_tour.tours").add("sales_dept_regulation_credit_exception_gm_zh", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        openMenu("sales_dept_regulation.menu_sales_regulation_customer_grading"),
        {
            content: "资信例外 in the 资信 section of 客户分级",
            trigger: ".dropdown-item[data-menu-xmlid='sales_dept_regulation_credit.sale_credit_exception_menu']",
            run: "click",
        },
        {
            content: "资信例外 lists the exception to decide",
            trigger: `.o_list_view .o_data_row:contains(${CUSTOMER})`,
            run() {
                checkChinese("待决定的资信例外");
            },
        },
        {
            trigger: `.o_list_view .o_data_row:contains(${CUSTOMER}) td.o_data_cell`,
            run: "click",
        },
        {
            content: "Approve",
            trigger: ".o_form_view button[name=validate_tier]",
            run() {
                checkChinese("资信例外（总经理）", {chatter: true});
                this.anchor.click();
            },
        },
        {
            content: "Approved",
            trigger:
                ".o_form_view:not(:has(button[name=validate_tier])) .o-mail-Message-trackingNew:contains(已批准)",
            run() {
                checkChinese("已批准的资信例外", {chatter: true});
            },
        },
    ],
});
