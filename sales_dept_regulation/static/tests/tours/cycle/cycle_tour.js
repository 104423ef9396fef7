import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";

// 张伟 (Department Head) opens the delay analysis from the 计划 menu: the late
// orders by the month they were due and their cause, the demo's 生产延误 among
// them, then the late orders themselves.
registry.category("web_tour.tours").add("sales_dept_regulation_cycle", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("sales_dept_regulation.menu_sales_regulation_root", "打开销售部规章"),
        {
            content: "Open 计划",
            trigger: ".o_main_navbar [data-menu-xmlid='sales_dept_regulation.menu_plan']",
            run: "click",
        },
        {
            trigger: "[data-menu-xmlid='sales_dept_regulation.sale_order_cycle_causes_menu']",
            run: "click",
        },
        {
            content: "The late orders by cause and month due",
            trigger: ".o_pivot_view .o_pivot table th:contains(生产延误)",
            run() {
                checkChinese("延误分析（透视表）");
            },
        },
        {
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The late orders, the demo's with its cause",
            trigger: ".o_list_view .o_data_row:contains(生产延误)",
            run() {
                checkChinese("延误分析（列表）");
            },
        },
    ],
});
