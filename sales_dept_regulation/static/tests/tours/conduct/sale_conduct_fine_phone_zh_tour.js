import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";

// On a phone, 张伟 (the demo Department Head) records a fine from the app's menu:
// tapping 员工 opens the employees he may choose among, not an access error.
registry.category("web_tour.tours").add("sales_dept_regulation_conduct_fine_phone_zh", {
    url: "/odoo",
    steps: () => [
        {
            // a demo user's first login: OdooBot's welcome chat covers a phone's screen
            content: "Close OdooBot's welcome",
            trigger: ".o-mail-ChatWindow-header .oi-close",
            run: "click",
        },
        ...stepUtils.toggleHomeMenu(),
        {
            content: "Open the Sales Regulation app",
            trigger: '.o_app[data-menu-xmlid="sales_dept_regulation.menu_sales_regulation_root"]',
            run: "click",
        },
        {
            content: "Open the app's menu",
            trigger: "body:not(:has(.o_burger_menu)) .o_main_navbar .o_menu_toggle",
            run: "click",
        },
        {
            content: "罚款 > 全部罚款",
            trigger: "[data-menu-xmlid='sales_dept_regulation.sale_conduct_fine_menu']",
            run: "click",
        },
        {
            content: "The fines, in Chinese",
            trigger: ".o_action_manager .o_kanban_view .o_kanban_record:contains(无故迟到)",
            run() {
                checkChinese("the fines");
            },
        },
        {
            content: "新建",
            trigger: ".o_control_panel .o-kanban-button-new",
            run: "click",
        },
        {
            content: "Tap 员工",
            trigger: ".o_form_editable .o_field_widget[name=employee_id] input",
            run: "click",
        },
        {
            content: "Choose 李娜 among the employees",
            trigger: ".modal .o_kanban_record:contains(李娜)",
            run: "click",
        },
        {
            content: "Tap 规定",
            trigger: "body:not(:has(.modal)) .o_field_widget[name=rule_id] input",
            run: "click",
        },
        {
            content: "She did not use the standard phone greeting",
            trigger: ".modal .o_kanban_record:contains(未使用标准电话用语)",
            run: "click",
        },
        {
            content: "The new fine, in Chinese",
            trigger: "body:not(:has(.modal)) .o_field_widget[name=amount] input:value(20.00)",
            run() {
                checkChinese("the new fine");
            },
        },
        ...stepUtils.saveForm(),
        {
            content: "The fine is recorded for 李娜",
            trigger: ".o_form_saved .o_field_widget[name=employee_id] input:value(李娜)",
        },
    ],
});
