import {registry} from "@web/core/registry";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";

const ROOT = "sales_dept_regulation.menu_sales_regulation_root";
const FORECASTS = "sales_dept_regulation.sale_forecast_menu";
const ACCURACY = "sales_dept_regulation.sale_forecast_accuracy_menu";

const openAppMenu = () => [
    {
        content: "Open the app's menu",
        trigger: ".o_main_navbar .o_menu_toggle",
        run: "click",
    },
];

// On a phone (390x844): 王芳 opens her draft forecast of next month (the demo's)
// from the app's menu, submits it, then reads her forecasts' accuracy.
registry.category("web_tour.tours").add("sales_dept_regulation_forecast_phone", {
    url: "/odoo",
    steps: () => [
        ...openAppMenu(),
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
        ...openAppMenu(),
        {
            content: "Open 销售预测",
            trigger: `.o_app_menu_sidebar [data-menu-xmlid='${FORECASTS}']`,
            run: "click",
        },
        {
            content: "Her forecasts, in Chinese",
            trigger: ".o_list_view .o_data_row:contains(草稿)",
            run() {
                checkChinese("销售预测（手机）");
            },
        },
        {
            content: "Open the draft of next month",
            trigger: ".o_list_view .o_data_row:contains(草稿) td.o_data_cell",
            run: "click",
        },
        {
            content: "The draft, its customer line, in Chinese",
            trigger: ".o_form_view .o_field_widget[name=line_ids] .o_data_row:contains(上海华信医疗器械有限公司)",
            run() {
                checkChinese("预测草稿（手机）");
            },
        },
        {
            content: "Submit it",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_submit]",
            run: "click",
        },
        {
            content: "Submitted: frozen, in Chinese",
            trigger:
                ".o_form_view:not(:has(button[name=action_submit])) .o_statusbar_status:contains(已提交)",
            run() {
                checkChinese("已提交的预测（手机）");
            },
        },
        ...openAppMenu(),
        {
            content: "Open 预测准确率",
            trigger: `.o_app_menu_sidebar [data-menu-xmlid='${ACCURACY}']`,
            run: "click",
        },
        {
            content: "Her accuracy by month, in Chinese",
            trigger: ".o_pivot th.o_pivot_measure_row:contains(准确率)",
            run() {
                checkChinese("预测准确率（手机）");
            },
        },
    ],
});
