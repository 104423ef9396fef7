import {registry} from "@web/core/registry";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";
import {signSteps} from "@sales_dept_regulation/../tests/tours/contract/contract_demo_tours";
import {
    CONTRACT_NUMBER,
    CUSTOMER,
    committedDeliveryDay,
} from "@sales_dept_regulation_credit/../tests/tours/credit_tours";
import {checkDialogChinese, openApp, openMenu} from "@sales_dept_regulation/../tests/tours/tour_steps";

// Issue 26's story, after credit_tours.js (王芳's contract HT-2026-088 of 华信,
// committed three days ago, stopped for credit; 赵强 approved the exception):
// 王芳 submits it, 张伟, 陈静 and 赵强 sign in turn, 王芳 confirms it and
// records the delivery (late), then the delay cause; 张伟 finds the cause in
// the month's delay analysis. Each tour starts at the app's menu.

const CAUSE = "运输延误";
const CAUSE_NOTE = "物流公司车辆故障，晚到三天";
const MONTHS = "一月 二月 三月 四月 五月 六月 七月 八月 九月 十月 十一月 十二月".split(" ");

// the list of the menu, searched for the contract number as a user would (the
// demo has another contract of 华信 waiting for signatures), then the contract
const openContractFrom = (menuXmlid, where) => [
    ...openApp(),
    openMenu(menuXmlid),
    {
        content: `${where} lists contracts`,
        trigger: `.o_list_view .o_data_row:contains(${CUSTOMER})`,
        run() {
            checkChinese(where);
        },
    },
    {
        content: "Search the contract number",
        trigger: ".o_searchview_input",
        run: `edit ${CONTRACT_NUMBER}`,
    },
    {
        trigger: ".o_searchview_input",
        run: "press Enter",
    },
    {
        content: "Only the contract is left",
        trigger: `.o_searchview_facet:contains(${CONTRACT_NUMBER})`,
    },
    {
        trigger: `.o_list_view tbody:not(:has(.o_data_row:nth-child(2))) .o_data_row:contains(${CUSTOMER}) td.o_data_cell`,
        run: "click",
    },
    {
        content: "The contract is open",
        trigger: `.o_form_view .o_field_widget[name=sdr_contract_ref] :contains(${CONTRACT_NUMBER}), .o_form_view .o_field_widget[name=sdr_contract_ref] input:value(${CONTRACT_NUMBER})`,
    },
];

registry.category("web_tour.tours").add("sdr_credit_story_submit_zh", {
    url: "/odoo",
    steps: () => [
        ...openContractFrom("sales_dept_regulation.sale_order_menu_contract_home", "报价单与合同"),
        {
            content: "The contract says the General Manager approved the exception",
            trigger: ".o_sdr_credit_banner:contains(总经理已批准例外)",
            run() {
                checkChinese("已批准例外的合同");
            },
        },
        {
            content: "Submit for signature",
            trigger: ".o_form_view button[name=request_validation]",
            run: "click",
        },
        {
            content: "The contract waits for the Department Head",
            trigger: ".o-mail-Message:contains(等待 部长 签字，由 王芳 提交)",
            run() {
                checkChinese("已提交的合同", {chatter: true});
            },
        },
    ],
});

// One tour per signer, from his 待签字: he sees the customer's credit and the
// exception before he signs.
for (const [login, name, step] of [
    ["zhangwei", "张伟", "部长"],
    ["chenjing", "陈静", "副经理"],
    ["zhaoqiang", "赵强", "总经理"],
]) {
    registry.category("web_tour.tours").add(`sdr_credit_story_sign_${login}`, {
        url: "/odoo",
        steps: () => [
            ...openContractFrom("sales_dept_regulation.sale_order_menu_to_sign", "待签字"),
            {
                content: "The signer sees the credit and the approved exception",
                trigger:
                    ".o_form_view .o_field_widget[name=sdr_credit_exception_state]:contains(已批准)",
                run() {
                    if (!document.querySelector(".o_form_view [name=sdr_credit_rating]")) {
                        throw new Error("the signer does not see the customer's credit rating");
                    }
                    checkChinese("待签的合同（资信例外）", {chatter: true});
                },
            },
            ...signSteps("资信例外已批准，同意", name, step),
        ],
    });
}

// 王芳 confirms the effective contract (the demo company does not confirm on
// the last signature), records the delivered quantity, and the order is late:
// she records why.
registry.category("web_tour.tours").add("sdr_credit_story_deliver_zh", {
    url: "/odoo",
    steps: () => [
        ...openContractFrom("sales_dept_regulation.sale_order_menu_contract_home", "报价单与合同"),
        {
            content: "All signatures given",
            trigger: ".o_form_view .o-mail-Message:contains(签字已全部完成)",
            run() {
                checkChinese("已生效的合同", {chatter: true});
            },
        },
        {
            content: "Confirm the order",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_confirm]",
            run: "click",
        },
        {
            content: "The order is confirmed: the delivered quantity shows",
            trigger: ".o_form_view .o_field_widget[name=order_line] td[name=qty_delivered]",
            run() {
                // the signed lines stay as signed: no line added or removed
                const lines = document.querySelector(".o_form_view .o_field_widget[name=order_line]");
                if (lines.querySelector(".o_field_x2many_list_row_add, .o_list_record_remove")) {
                    throw new Error("lines can be added to or removed from a signed contract");
                }
                checkChinese("已确认的销售订单");
            },
        },
        {
            content: "Record the delivered mould",
            trigger: ".o_field_widget[name=order_line] .o_data_row:contains(种植体注塑模具) td[name=qty_delivered]",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=order_line] .o_data_row td[name=qty_delivered] input",
            run(helpers) {
                // the delivered quantity alone is open on the line
                const row = this.anchor.closest(".o_data_row");
                for (const name of ["product_uom_qty", "price_unit"]) {
                    if (row.querySelector(`td[name=${name}] input`)) {
                        throw new Error(`${name} is editable on a signed contract`);
                    }
                }
                return helpers.edit("1");
            },
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the mould is delivered",
            trigger:
                ".o_form_saved .o_field_widget[name=order_line] .o_data_row td[name=qty_delivered]:contains(1.00)",
        },
        {
            content: "其他信息 shows when it was delivered",
            trigger: ".o_notebook .nav-link[name=other_information]",
            run: "click",
        },
        {
            content: "The server recorded the delivery date",
            trigger: ".o_form_saved .o_field_widget[name=sdr_delivered_date]:not(:empty)",
            run() {
                checkChinese("已交货的订单（其他信息）");
            },
        },
        {
            content: "Delay cause",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_sdr_delay_cause]",
            run: "click",
        },
        {
            content: "The cause",
            trigger: ".modal .o_field_widget[name=cause_id] input",
            run: `edit ${CAUSE}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item:contains(${CAUSE})`,
            run: "click",
        },
        {
            content: "What happened",
            trigger: ".modal .o_field_widget[name=note] textarea",
            run: `edit ${CAUSE_NOTE}`,
        },
        {
            content: "Record",
            trigger: ".modal .o_field_widget[name=cause_id] input:value(运输延误)",
            run() {
                checkDialogChinese("延误原因");
                document.querySelector(".modal-footer button[name=action_confirm]").click();
            },
        },
        {
            content: "The order shows its cause",
            trigger: `body:not(:has(.modal)) .o_form_view .o_field_widget[name=sdr_delay_cause_id]:contains(${CAUSE})`,
            run() {
                checkChinese("已记录延误原因的订单", {chatter: true});
            },
        },
    ],
});

// 张伟 opens the month's delay analysis: the cause's row counts the order in
// the column of the month it was due (every month side by side, so a contract
// due late last month still shows on the first days of this one).
registry.category("web_tour.tours").add("sdr_credit_story_analysis_zh", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        openMenu("sales_dept_regulation.menu_plan"),
        {
            content: "计划 → 订单周期 → 延误分析",
            trigger: "[data-menu-xmlid='sales_dept_regulation.sale_order_cycle_causes_menu']",
            run: "click",
        },
        {
            content: "The cause's row and the month due's column",
            trigger: `.o_pivot_view .o_pivot table tbody th:contains(${CAUSE})`,
            run() {
                checkChinese("延误分析（透视表）");
                // the server names the months (十二月 2026), not the browser
                const committed = committedDeliveryDay();
                const due = `${MONTHS[committed.month - 1]} ${committed.year}`;
                const table = document.querySelector(".o_pivot_view .o_pivot table");
                // the last header row above the measures: one cell per month due
                const headerRows = [...table.querySelectorAll("thead tr")];
                const monthRow = headerRows[headerRows.length - 2];
                const months = [...monthRow.querySelectorAll("th")].filter(
                    (th) => !th.rowSpan || th.rowSpan === 1
                );
                const column = months.findIndex((th) => th.textContent.trim() === due);
                if (column < 0) {
                    throw new Error(
                        `no column ${due}: ${months.map((th) => th.textContent.trim()).join(" | ")}`
                    );
                }
                const row = [...table.querySelectorAll("tbody tr")].find((tr) =>
                    tr.querySelector("th").textContent.includes(CAUSE)
                );
                const count = row.querySelectorAll("td")[column].textContent.trim();
                if (count !== "1") {
                    throw new Error(`${CAUSE} in ${due}: ${count}, 1 expected`);
                }
            },
        },
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The late contract of 华信, with its cause",
            trigger: `.o_list_view .o_data_row:contains(${CUSTOMER}):contains(${CAUSE})`,
            run() {
                checkChinese("延误分析（列表）");
            },
        },
    ],
});
