import {registry} from "@web/core/registry";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";

const ROOT = "sales_dept_regulation.menu_sales_regulation_root";
const WORK_LOGS = "sales_dept_regulation.sale_work_log_menu";

// On a phone (390x844): 王芳 opens the app from the apps menu, 工作日志 from the
// app's menu, writes today's log (calls, outcome) and submits it.
registry.category("web_tour.tours").add("sales_dept_regulation_visit_work_log_phone", {
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
            content: "Open 工作日志",
            trigger: `.o_app_menu_sidebar [data-menu-xmlid='${WORK_LOGS}']`,
            run: "click",
        },
        {
            content: "Her logs are cards, in Chinese",
            trigger: ".o_kanban_view .o_kanban_record",
            run() {
                checkChinese("工作日志（手机）");
            },
        },
        {
            content: "Write today's log",
            trigger: ".o_control_panel .o-kanban-button-new",
            run: "click",
        },
        {
            content: "The new log is in Chinese",
            trigger: ".o_form_view div[name='call_count'] input",
            run() {
                checkChinese("新工作日志（手机）");
            },
        },
        {
            content: "Calls of the day",
            trigger: ".o_form_view div[name='call_count'] input",
            run: "edit 5",
        },
        {
            content: "Outcomes",
            trigger: ".o_form_view div[name='outcome'] textarea",
            run: "edit 华信同意下周试用新款注射器",
        },
        {
            content: "Next steps",
            trigger: ".o_form_view div[name='next_steps'] textarea",
            run: "edit 周一送样品到华信",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Submit",
            trigger: ".o_form_view .o_form_saved button[name='action_submit'], .o_form_view button[name='action_submit']",
            run: "click",
        },
        {
            content: "The log is submitted and frozen",
            trigger: ".o_form_view:not(:has(button[name='action_submit'])) div[name='outcome'] span:contains(华信同意下周试用新款注射器)",
            run() {
                checkChinese("已提交的工作日志（手机）");
            },
        },
    ],
});
