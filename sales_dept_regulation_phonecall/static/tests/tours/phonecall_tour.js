import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";

registry.category("web_tour.tours").add("sales_dept_regulation_phonecall_log", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "sales_dept_regulation.menu_sales_regulation_root",
            "Open the Sales Regulation app"
        ),
        {
            content: "Open Telemarketing",
            trigger: "[data-menu-xmlid='sales_dept_regulation_phonecall.menu_telemarketing']",
            run: "click",
        },
        {
            content: "Open the call log",
            trigger: "[data-menu-xmlid='sales_dept_regulation_phonecall.crm_phonecall_menu']",
            run: "click",
        },
        {
            content: "The demo calls of the month are listed",
            trigger: ".o_list_view .o_data_row",
            run() {
                checkChinese("通话记录");
            },
        },
        {
            content: "Log a new call",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "What the call was about",
            trigger: ".o_field_widget[name=name] input",
            run: "edit 咨询种植体模具报价",
        },
        {
            content: "The customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit 华信",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(上海华信医疗器械有限公司)",
            run: "click",
        },
        {
            content: "Where the customer heard of us",
            trigger: ".o_field_widget[name=source_id] input",
            run: "edit 展会",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(展会)",
            run: "click",
        },
        {
            content: "The result of the call",
            trigger: ".o_field_widget[name=sdr_call_result] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_item:contains(无意向)",
            run: "click",
        },
        {
            content: "The form is in Chinese",
            trigger: "body:not(:has(.o_select_menu_item)) .o_form_view .o_field_widget[name=sdr_call_result]",
            run() {
                checkChinese("通话表单");
            },
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Open Telemarketing again",
            trigger: "[data-menu-xmlid='sales_dept_regulation_phonecall.menu_telemarketing']",
            run: "click",
        },
        {
            content: "Open her KPIs",
            trigger: "[data-menu-xmlid='sales_dept_regulation_phonecall.sale_telemarketing_kpi_menu']",
            run: "click",
        },
        {
            content: "Her month, counted in the pivot",
            trigger: ".o_pivot .o_pivot_header_cell_closed:contains(李娜), .o_pivot th:contains(李娜)",
            run() {
                checkChinese("电话营销指标");
            },
        },
    ],
});
