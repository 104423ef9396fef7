import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";

const PLANS = "sales_dept_regulation.menu_plan";

const openPlanMenu = (xmlid) => [
    {
        content: "Open 计划",
        trigger: `.o_main_navbar [data-menu-xmlid='${PLANS}']`,
        run: "click",
    },
    {
        trigger: `[data-menu-xmlid='sales_dept_regulation.${xmlid}']`,
        run: "click",
    },
];

// 张伟 (Department Head) opens the demo's approved plan of the year, then the
// achievement of the department against it, in the pivot and the graph.
registry.category("web_tour.tours").add("sales_dept_regulation_plan", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps("sales_dept_regulation.menu_sales_regulation_root", "打开销售部规章"),
        ...openPlanMenu("sale_plan_menu"),
        {
            content: "The plan of the year is in force",
            trigger: ".o_list_view .o_data_row:contains(年度销售计划):contains(已批准)",
            run() {
                checkChinese("销售计划列表");
            },
        },
        {
            trigger: ".o_list_view .o_data_row:contains(年度销售计划) .o_data_cell[name=name]",
            run: "click",
        },
        {
            content: "Its months per salesperson and region, its quarters and the GM's approval",
            trigger: ".o_form_view div[name=line_ids] .o_data_row:contains(王芳)",
            run() {
                checkChinese("销售计划");
            },
        },
        {
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_revise]",
        },
        ...openPlanMenu("sale_plan_achievement_menu"),
        {
            content: "Plan beside achievement per salesperson",
            trigger: ".o_pivot_view .o_pivot table th:contains(王芳)",
            run() {
                checkChinese("计划达成（透视表）");
            },
        },
        {
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            trigger: ".o_graph_view .o_graph_renderer canvas",
            run() {
                checkChinese("计划达成（图表）");
            },
        },
    ],
});
