import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";
import {checkChinese, englishTextNodes} from "@sales_dept_regulation/../tests/tours/chinese_check";

// An e-mail address is the customer's data, not an untranslated label.
const EMAIL = /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/;

function checkChineseBesidesEmails(where) {
    const english = englishTextNodes(document.querySelector(".o_action_manager")).filter(
        (text) => !EMAIL.test(text)
    );
    if (english.length) {
        throw new Error(`English words on ${where}: ${english.join(" | ")}`);
    }
}

// 王芳 (the demo salesperson) keeps her customer file from the screens: she
// enters a new customer from 客户 > 新建 and sees its grade, records a visit with
// its summary, and creates another customer from a quotation's customer field.
registry.category("web_tour.tours").add("sales_dept_regulation_customer_file_zh", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "sales_dept_regulation.menu_sales_regulation_root",
            "Open the Sales Regulation app"
        ),
        {
            content: "客户 opens with its 新建 button",
            trigger: "[data-menu-xmlid='sales_dept_regulation.menu_sales_regulation_customers']",
            run: "click",
        },
        {
            content: "Show the department's own customers (Odoo's demo contacts have English names)",
            trigger: ".o_control_panel:has(.o_list_button_add) .o_searchview_input",
            run: "edit 有限公司",
        },
        {
            trigger: ".o_searchview_autocomplete .o-dropdown-item:contains(名称)",
            run: "click",
        },
        {
            trigger:
                ".o_list_view:not(:has(.o_data_row:contains(Acme))) .o_data_row:contains(上海华信医疗器械有限公司)",
            run() {
                checkChineseBesidesEmails("the customers");
            },
        },
        {
            content: "新建",
            trigger: ".o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "The customer's name",
            trigger: ".o_form_editable .o_field_widget[name=name] input",
            run: "edit 杭州明德口腔器材有限公司",
        },
        {
            content: "Its phone",
            trigger: ".o_form_editable .o_field_widget[name=phone] input",
            run: "edit +86 571 5555 0909",
        },
        {
            content: "Open the Grading tab",
            trigger: ".o_notebook .nav-link[name='customer_grading']",
            run: "click",
        },
        {
            content: "预计年采购额",
            trigger: ".o_field_widget[name=customer_expected_volume] input",
            run: "edit 600000",
        },
        {
            content: "意向程度",
            trigger: ".o_field_widget[name=customer_interest_level] .o_select_menu_toggler",
            run: "click",
        },
        {
            content: "高",
            trigger: ".o_select_menu_item:contains(高)",
            run: "click",
        },
        {
            content: "The new customer's form is in Chinese",
            trigger: "body:not(:has(.o_select_menu_item)) .o_field_widget[name=customer_interest_level]",
            run() {
                checkChinese("the new customer's form");
            },
        },
        ...stepUtils.saveForm(),
        {
            content: "Saved, the prospect is graded A",
            trigger: ".o_form_saved .o_field_widget[name=customer_grade_id]:contains(A)",
        },
        {
            content: "记录拜访",
            trigger: ".o_form_saved button.o_sdr_log_visit",
            run: "click",
        },
        {
            content: "Write what the visit was about",
            trigger: ".modal .o_field_widget[name=note] textarea",
            run: "edit 拜访采购部，对方计划五月试用样品。",
        },
        {
            content: "Record the visit",
            trigger: ".modal button[name=action_log_visit]",
            run: "click",
        },
        {
            content: "The chatter shows the visit's summary",
            trigger: ".o-mail-Message:contains(拜访采购部，对方计划五月试用样品。)",
            run() {
                checkChinese("the customer after the visit");
            },
        },
        {
            content: "Go to the quotations",
            trigger: "[data-menu-xmlid='sales_dept_regulation.sale_order_menu_contract_home']",
            run: "click",
        },
        {
            content: "New quotation",
            trigger: ".o_list_view .o_list_button_add",
            run: "click",
        },
        {
            content: "Type a customer not yet in the file",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit 温州新华医疗用品厂",
        },
        {
            content: "The customer field offers 创建",
            trigger: ".o-autocomplete--dropdown-item.o_m2o_dropdown_option_create:contains(创建)",
            run() {
                checkChinese("the new quotation");
                this.anchor.click();
            },
        },
        {
            content: "The new customer is the quotation's",
            trigger: ".o_field_widget[name=partner_id] input:value(温州新华医疗用品厂)",
        },
        ...stepUtils.saveForm(),
    ],
});
