import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";

// 王芳 files the customer's confidential mail on her contract from the chatter
// (000 §档案管理: printed, filed, deleted from the mailbox), as the demo user on
// the demo data, in Chinese.

const MAIL = ".o-mail-Message:has(.o-mail-Message-body:contains(采购底价))";

registry.category("web_tour.tours").add("sales_dept_regulation_confidential_mail_zh", {
    steps: () => [
        {
            content: "The web client is loaded (slow on a busy machine)",
            trigger: ".o_main_navbar .o_navbar_apps_menu button:enabled",
            timeout: 30000,
        },
        ...stepUtils.goToAppSteps("sales_dept_regulation.menu_sales_regulation_root", "打开销售部规章"),
        {
            content: "The home page of tiles",
            trigger: ".o_kanban_view.o_sdr_dashboard .o_sdr_dashboard_tile",
            run: () => checkChinese("the home page"),
        },
        {
            content: "报价与合同",
            trigger: ".o_main_navbar [data-menu-xmlid='sales_dept_regulation.sale_order_menu_contract_home']",
            run: "click",
        },
        {
            content: "Search the contract by its reference",
            trigger: ".o_list_view:has(.o_data_row) .o_searchview_input",
            run: "edit HX-2026-018",
        },
        {
            content: "Search it",
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "The quotations and contracts",
            trigger: ".o_list_view .o_data_row:only-child",
            run: () => checkChinese("the quotations and contracts"),
        },
        {
            content: "Open the contract",
            trigger: ".o_list_view .o_data_row:only-child td[name='name']",
            run: "click",
        },
        {
            content: "The customer's mail in the chatter",
            trigger: `.o_form_view ${MAIL}`,
            run: () => checkChinese("the contract and its chatter"),
        },
        {
            content: "Its actions",
            trigger: MAIL,
            run: `hover && click ${MAIL} [title='展开']`,
        },
        {
            content: "归档为机密邮件",
            trigger: `.o-mail-Message-moreMenu .dropdown-item:contains(归档为机密邮件), ${MAIL} [title='归档为机密邮件']`,
            run: "click",
        },
        {
            content: "The confirmation",
            trigger: ".modal .modal-footer .btn-primary:contains(归入档案)",
            run: () => checkChinese("the confirmation"),
        },
        {
            content: "归入档案",
            trigger: ".modal .modal-footer .btn-primary:contains(归入档案)",
            run: "click",
        },
        {
            content: "The note of the filing replaces the mail",
            trigger: `body:not(:has(${MAIL})) .o-mail-Message-body:contains(一封机密邮件已归入档案)`,
            run: () => checkChinese("the chatter after the filing"),
        },
    ],
});
