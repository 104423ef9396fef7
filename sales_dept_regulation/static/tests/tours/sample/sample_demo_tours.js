import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";

// The samples' main paths as the demo users walk them, on the demo data, in
// Chinese: from the app's menu to the landing page, then by clicking.
const APP = "sales_dept_regulation.menu_sales_regulation_root";
const landingPage = () => [
    {
        content: "The landing page shows the user's tiles, in Chinese",
        trigger: ".o_sdr_dashboard .o_sdr_dashboard_tile",
        run() {
            checkChinese("the landing page");
        },
    },
];
const openApp = () => [
    ...stepUtils.goToAppSteps(APP, "Open the Sales Regulation app"),
    ...landingPage(),
];
// on a phone the apps are in the side menu, under All Apps
const openAppOnPhone = () => [
    {
        content: "Open the side menu",
        trigger: ".o_main_navbar .o_menu_toggle",
        run: "click",
    },
    {
        content: "Show all the apps",
        trigger: ".o_app_menu_sidebar .o_sidebar_topbar a.btn-primary",
        run: "click",
    },
    {
        content: "Open the Sales Regulation app",
        trigger: `.o_app_menu_sidebar .o_app[data-menu-xmlid="${APP}"]`,
        run: "click",
    },
    ...landingPage(),
];

// 王芳 files a sample request for her formal C customer: the rule charges half.
registry.category("web_tour.tours").add("sales_dept_regulation_sample_demo_file", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "Open the Samples menu",
            trigger: ".o_main_navbar [data-menu-xmlid='sales_dept_regulation.menu_sale_sample']",
            run: "click",
        },
        {
            content: "Open the sample requests",
            trigger: "[data-menu-xmlid='sales_dept_regulation.menu_sale_sample_request']",
            run: "click",
        },
        {
            content: "The requests list, in Chinese",
            trigger: ".o_list_view .o_data_row",
            run() {
                checkChinese("the sample requests list");
            },
        },
        {
            content: "New request",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit 康达",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(北京康达牙科材料有限公司)",
            run: "click",
        },
        {
            content: "The customer's grade shows, the form is in Chinese",
            trigger: ".o_field_widget[name=partner_grade_id]:contains(C)",
            run() {
                checkChinese("the new sample request");
            },
        },
        {
            content: "Describe the new product",
            trigger: ".o_field_widget[name=product_description] textarea",
            run: "edit 正畸保持器",
        },
        {
            content: "The delivery date wanted",
            trigger: ".o_field_widget[name=delivery_date] input",
            run: "edit 2030-01-15",
        },
        {
            content: "A new mould is needed",
            trigger: ".o_field_widget[name=mould_needed] input",
            run: "click",
        },
        {
            content: "Its estimated cost",
            trigger: ".o_field_widget[name=mould_cost] input",
            run: "edit 20000",
        },
        {
            content: "The sample fee",
            trigger: ".o_field_widget[name=sample_fee] input",
            run: "edit 800",
        },
        {
            content: "Shape and dimensions",
            trigger: ".o_field_widget[name=shape_dimensions] textarea",
            run: "edit 上颌全牙列，厚 1 mm",
        },
        {
            content: "Physical properties",
            trigger: ".o_field_widget[name=physical_properties] textarea",
            run: "edit 透明 PETG 膜片",
        },
        {
            content: "Function",
            trigger: ".o_field_widget[name=function_requirements] textarea",
            run: "edit 贴合牙面，佩戴舒适",
        },
        {
            content: "Submit",
            trigger: ".o_form_view button[name=action_submit]",
            run: "click",
        },
        {
            content: "The request is submitted",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(已提交)",
        },
        {
            content: "Open the fee decision",
            trigger: ".o_notebook .nav-link[name=fee]",
            run: "click",
        },
        {
            content: "The decision says what is charged of what",
            trigger: ".o_field_widget[name=decision_note]:contains(按规则收取 50%):contains(10,400.00):contains(20,800.00)",
            run() {
                checkChinese("the submitted request's fee decision");
            },
        },
    ],
});

// 张伟 decides the fee exception waiting for him, from his landing page, then
// reads the month's sample statistics.
registry.category("web_tour.tours").add("sales_dept_regulation_sample_demo_exception", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "The fee exceptions to decide: one",
            trigger:
                ".o_sdr_dashboard_tile:contains(待决定的样品费用例外):has(.o_sdr_dashboard_count:contains(1))",
            run: "click",
        },
        {
            content: "The tile's list shows the request, in Chinese",
            trigger: ".o_list_view .o_data_row:contains(上海华信医疗器械有限公司)",
            run() {
                checkChinese("the fee exceptions to decide");
            },
        },
        {
            content: "Open it",
            trigger: ".o_list_view .o_data_row:contains(上海华信医疗器械有限公司) .o_data_cell",
            run: "click",
        },
        {
            content: "Read the fee decision and the reason",
            trigger: ".o_notebook .nav-link[name=fee]",
            run: "click",
        },
        {
            content: "The exception's reason is shown, in Chinese",
            trigger: ".o_field_widget[name=exception_reason]:contains(首套模具)",
            run() {
                checkChinese("the request with its fee exception");
            },
        },
        {
            content: "Approve the exception",
            trigger: ".o_form_view button[name=validate_tier]",
            run: "click",
        },
        {
            content: "The fee is waived",
            trigger: ".o_field_widget[name=decision_note]:contains(例外已获批准)",
            run() {
                checkChinese("the request with its approved exception");
            },
        },
        {
            content: "Open the Samples menu",
            trigger: ".o_main_navbar [data-menu-xmlid='sales_dept_regulation.menu_sale_sample']",
            run: "click",
        },
        {
            content: "Open the sample statistics",
            trigger: "[data-menu-xmlid='sales_dept_regulation.menu_sale_sample_statistics']",
            run: "click",
        },
        {
            content: "The statistics count the samples, in Chinese",
            trigger: ".o_pivot th.o_pivot_measure_row:contains(计数)",
            run() {
                checkChinese("the sample statistics");
            },
        },
    ],
});

// 周杰 (R&D), on a phone: takes the request waiting for R&D from his landing
// page, makes the sample and ships it.
registry.category("web_tour.tours").add("sales_dept_regulation_sample_demo_rd_phone", {
    url: "/odoo",
    steps: () => [
        ...openAppOnPhone(),
        {
            content: "The samples to accept",
            trigger:
                ".o_sdr_dashboard_tile:contains(待接收的样品申请):has(.o_sdr_dashboard_count:contains(2))",
            run: "click",
        },
        {
            content: "A card per request, in Chinese, no fee on it",
            trigger: ".o_kanban_view .o_kanban_record:contains(北京康达牙科材料有限公司)",
            run() {
                if (document.querySelector(".o_kanban_record [name=charged_amount]")) {
                    throw new Error("R&D sees a fee on the card");
                }
                checkChinese("the samples to accept, on a phone");
            },
        },
        {
            content: "Open the request",
            trigger: ".o_kanban_view .o_kanban_record:contains(北京康达牙科材料有限公司)",
            run: "click",
        },
        {
            content: "The requirements, no fee, in Chinese",
            trigger:
                ".o_form_view:not(:has(.nav-link[name=fee])) .o_field_widget[name=shape_dimensions]:contains(U 形)",
            run() {
                checkChinese("the request for R&D, on a phone");
            },
        },
        {
            content: "Accept it",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_accept]",
            run: "click",
        },
        {
            content: "Accepted",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_made]",
            run: "click",
        },
        {
            content: "Made: ship it",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_send]",
            run: "click",
        },
        {
            content: "The sample is shipped",
            trigger: ".o_form_view .o_statusbar_status:contains(已寄出)",
            run() {
                checkChinese("the shipped request, on a phone");
            },
        },
    ],
});
