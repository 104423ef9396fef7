import {registry} from "@web/core/registry";
import {checkChinese, englishTextNodes} from "@sales_dept_regulation/../tests/tours/chinese_check";
import {drawSignature} from "@sales_dept_regulation/../tests/tours/contract/contract_sign_tour";
import {checkDialogChinese, openApp, openMenu} from "@sales_dept_regulation/../tests/tours/tour_steps";

// The contract's path as the demo users walk it, in Chinese, from the app's
// menu: 王芳 writes and submits, 张伟, 陈静 and 赵强 sign in turn from 待签字,
// a manager restarts the signatures (confirmation, then the reason).

const CUSTOMER = "广州远泰模具制品厂";
const CONTRACT_NUMBER = "HT-2026-031";

// 待签字 as a signer sees it: no 新建, the contract of 王芳 waiting for him
const openToSign = () => [
    ...openApp(),
    openMenu("sales_dept_regulation.sale_order_menu_to_sign"),
    {
        content: "待签字 lists the contract waiting for this signer",
        trigger: `.o_list_view .o_data_row:contains(${CUSTOMER})`,
        run() {
            if (document.querySelector(".o_list_button_add")) {
                throw new Error("待签字 has a 新建 button");
            }
            checkChinese("待签字");
        },
    },
    {
        content: "Open the contract",
        trigger: `.o_list_view .o_data_row:contains(${CUSTOMER}) td.o_data_cell`,
        run: "click",
    },
];

// the signing steps: steps 1, 2, 3 and one 签字人 column, headed 签字步骤
function checkSigningSteps() {
    const table = document.querySelector(".o_form_view .o_review");
    if (!table) {
        throw new Error("no signing steps table");
    }
    const headings = [...table.querySelectorAll("th")].map((th) => th.textContent.trim());
    if (headings.filter((heading) => heading === "签字人").length !== 1) {
        throw new Error(`one 签字人 column expected: ${headings.join(" | ")}`);
    }
    const steps = [...table.querySelectorAll("td[name=td_sequence]")].map((td) =>
        td.textContent.trim()
    );
    if (steps.join(",") !== "1,2,3") {
        throw new Error(`steps 1, 2, 3 expected: ${steps.join(",")}`);
    }
    const title = document.querySelector(".o_form_view .o_info_btn").textContent.trim();
    if (title !== "签字步骤") {
        throw new Error(`the table is headed ${title}`);
    }
}

registry.category("web_tour.tours").add("sales_dept_regulation_contract_write_zh", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        openMenu("sales_dept_regulation.sale_order_menu_contract_home"),
        {
            content: "The list of quotations and contracts is in Chinese",
            trigger: ".o_breadcrumb:contains(报价单与合同)",
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
                checkChinese("报价单与合同");
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
            run: "edit 远泰",
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
            content: "The contract fields show, marked as required",
            trigger: ".o_form_view .o_required_modifier[name=sdr_contract_ref]",
            run() {
                for (const name of [
                    "sdr_contract_ref",
                    "payment_term_id",
                    "sdr_contract_delivery_date",
                    "sdr_contract_delivery_method",
                ]) {
                    if (!document.querySelector(`.o_required_modifier[name=${name}]`)) {
                        throw new Error(`${name} is not marked as required`);
                    }
                }
                checkChinese("新合同");
            },
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
            content: "Save with the contract number missing",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The contract number is marked, 其他信息 is not",
            trigger: ".o_form_view .o_field_invalid[name=sdr_contract_ref]",
            run() {
                const otherInfo = document.querySelector(
                    ".o_notebook .nav-link[name=other_information]"
                );
                if (otherInfo.classList.contains("o_page_invalid")) {
                    throw new Error("其他信息 is marked invalid with nothing wrong in it");
                }
                checkChinese("保存失败的新合同");
            },
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
            content: "The payment terms are chosen",
            trigger: ".o_required_modifier[name=payment_term_id] input:value(30 天)",
        },
        {
            content: "Contract number",
            trigger: ".o_required_modifier[name=sdr_contract_ref] input",
            run: `edit ${CONTRACT_NUMBER}`,
        },
        {
            content: "Delivery date",
            trigger: ".o_required_modifier[name=sdr_contract_delivery_date] input",
            run: "edit 2030-12-01 08:00:00",
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
            content: "The amount reads 人民币…",
            trigger: ".o_field_widget[name=sdr_amount_in_words]:contains(人民币)",
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
        },
        {
            content: "The chatter says who submitted it",
            trigger: ".o-mail-Message:contains(等待 部长 签字，由 王芳 提交)",
            run() {
                checkChinese("已提交的合同", {chatter: true});
            },
        },
    ],
});

// From the contract's 签字 button: the signing dialog with a comment and a drawn
// signature, signed; the chatter names the signer and his step.
export const signSteps = (comment, name, step) => [
    {
        content: "Sign",
        trigger: ".o_form_view button[name=validate_tier]",
        run: "click",
    },
    {
        content: "The signing dialog is in Chinese",
        trigger: ".modal div[name=comment] input",
        run(helpers) {
            checkDialogChinese("签字对话框");
            return helpers.edit(comment);
        },
    },
    {
        content: "Open the signature pad",
        trigger: ".modal div[name=sdr_signature] .o_signature",
        run: "click",
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
        content: "The drawn signature is in the dialog",
        trigger: ".modal div[name=sdr_signature] img.o_signature",
    },
    {
        content: "Sign",
        trigger: ".modal-footer button[name=add_comment]",
        run: "click",
    },
    {
        content: "The chatter names the signer and the step",
        trigger: `body:not(:has(.modal)) .o-mail-Message:contains(${name} 已签字（${step}）)`,
        run() {
            checkChinese("已签字的合同", {chatter: true});
        },
    },
];

// One tour per signer: the chatter line names him and his step.
for (const [login, name, step] of [
    ["zhangwei", "张伟", "部长"],
    ["chenjing", "陈静", "副经理"],
    ["zhaoqiang", "赵强", "总经理"],
]) {
    registry.category("web_tour.tours").add(`sales_dept_regulation_contract_sign_${login}`, {
        url: "/odoo",
        steps: () => [
            ...openToSign(),
            {
                content: "The contract waits for this signer",
                trigger: ".o_form_view button[name=validate_tier]",
                run() {
                    checkSigningSteps();
                    checkChinese("待签的合同", {chatter: true});
                },
            },
            ...signSteps("已核对，同意", name, step),
        ],
    });
}

// 陈静 restarts the signatures 张伟 gave: a confirmation, then the reason.
registry.category("web_tour.tours").add("sales_dept_regulation_contract_restart_zh", {
    url: "/odoo",
    steps: () => [
        ...openToSign(),
        {
            content: "重新签字 is apart from 签字",
            trigger: ".o_form_view .o_statusbar_buttons button[name=restart_validation]",
            run: "click",
        },
        {
            content: "A confirmation first",
            trigger: ".modal:contains(全部签字将作废) .modal-footer .btn-primary",
            run(helpers) {
                checkDialogChinese("重新签字确认");
                return helpers.click();
            },
        },
        {
            content: "Then the reason",
            trigger: ".modal div[name=comment] input",
            run(helpers) {
                checkDialogChinese("重新签字原因");
                return helpers.edit("客户要求把数量改为5台");
            },
        },
        {
            content: "Restart",
            trigger: ".modal-footer button[name=add_comment]",
            run: "click",
        },
        {
            content: "The chatter says who restarted and why",
            trigger:
                "body:not(:has(.modal)) .o-mail-Message:contains(陈静 已将):contains(客户要求把数量改为5台)",
            run() {
                checkChinese("重新签字后的合同", {chatter: true});
            },
        },
    ],
});

// 孙磊, the Regulation Administrator, reads the signers' configuration in
// Chinese: the list, a signer's form and its more options.
registry.category("web_tour.tours").add("sales_dept_regulation_contract_signers_config_zh", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        openMenu("sales_dept_regulation.menu_sales_regulation_config"),
        {
            content: "Open 签字人",
            trigger: ".dropdown-menu [data-menu-xmlid='sales_dept_regulation.tier_definition_menu_sale']",
            run: "click",
        },
        {
            content: "The signers' list is in Chinese",
            trigger: ".o_list_view .o_data_row:contains(合同：部长签字)",
            run() {
                checkChinese("签字人列表");
            },
        },
        {
            content: "Open the Department Head's signature",
            trigger: ".o_list_view .o_data_row:contains(合同：部长签字) td.o_data_cell",
            run: "click",
        },
        {
            content: "The signer's form is in Chinese",
            trigger: ".o_form_view .o_notebook",
            run() {
                checkChinese("签字人表单");
            },
        },
        {
            content: "Its more options",
            trigger: ".o_notebook .nav-link[name=options]",
            run: "click",
        },
        {
            content: "The more options are in Chinese",
            trigger: ".o_notebook .nav-link[name=options].active",
            run() {
                checkChinese("签字人表单：更多选项");
            },
        },
    ],
});
