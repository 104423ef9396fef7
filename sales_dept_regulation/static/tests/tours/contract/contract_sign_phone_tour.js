import {registry} from "@web/core/registry";
import {checkChinese, englishTextNodes} from "@sales_dept_regulation/../tests/tours/chinese_check";
import {drawSignature} from "@sales_dept_regulation/../tests/tours/contract/contract_sign_tour";

const ROOT = "sales_dept_regulation.menu_sales_regulation_root";
const TO_SIGN = "sales_dept_regulation.sale_order_menu_to_sign";
// the demo contract of 王芳 waiting for 张伟
const CUSTOMER = "上海华信医疗器械有限公司";

// On a phone (390x844): 张伟 opens the app from the apps menu, 待签字 from the
// app's menu, and signs the demo contract from its card.
registry.category("web_tour.tours").add("sales_dept_regulation_contract_sign_phone", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the menu",
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            content: "All the apps",
            trigger: ".o_app_menu_sidebar .o_sidebar_topbar a.btn-primary",
            run: "click",
        },
        {
            content: "Open the Sales Regulation app",
            trigger: `.o_app_menu_sidebar .o_app[data-menu-xmlid='${ROOT}']`,
            run: "click",
        },
        {
            content: "The app is open",
            trigger: "body:not(:has(.o_app_menu_sidebar)) .o_action_manager .o_view_controller",
        },
        {
            content: "Open the app's menu",
            trigger: ".o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            content: "Open 待签字",
            trigger: `.o_app_menu_sidebar [data-menu-xmlid='${TO_SIGN}']`,
            run: "click",
        },
        {
            content: "The contract waiting for this signer is a card, in Chinese",
            trigger: `.o_kanban_view .o_kanban_record:contains(${CUSTOMER}) button[name=validate_tier]`,
            run() {
                if (document.querySelector(".o-kanban-button-new, .o_list_button_add")) {
                    throw new Error("待签字 has a 新建 button");
                }
                checkChinese("待签字（手机）");
            },
        },
        {
            content: "Sign from the card",
            trigger: `.o_kanban_view .o_kanban_record:contains(${CUSTOMER}) button[name=validate_tier]`,
            run: "click",
        },
        {
            content: "The signing dialog is in Chinese",
            trigger: ".modal div[name='sdr_signature'] .o_signature",
            run(helpers) {
                const english = englishTextNodes(document.querySelector(".modal"));
                if (english.length) {
                    throw new Error(`English words on the signing dialog: ${english.join(" | ")}`);
                }
                return helpers.click();
            },
        },
        {
            content: "Draw a signature on the pad",
            trigger: ".modal canvas.o_web_sign_signature",
            run: drawSignature,
        },
        {
            content: "Adopt the signature",
            trigger:
                ".modal:has(canvas.o_web_sign_signature) footer button.btn-primary:not([disabled])",
            run: "click",
        },
        {
            content: "The drawn signature is in the wizard",
            trigger: ".modal div[name='sdr_signature'] img.o_signature",
        },
        {
            content: "Sign",
            trigger: ".modal button[name='add_comment']",
            run: "click",
        },
        {
            content: "The signing dialog closed: the card no longer waits for him",
            trigger: `body:not(:has(.modal)) .o_kanban_view:not(:has(.o_kanban_record:contains(${CUSTOMER}) button[name=validate_tier]))`,
            run() {
                checkChinese("待签字（手机，已签字）");
            },
        },
    ],
});
