import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("sales_dept_regulation_conduct_fine_late", {
    url: "/odoo/action-sales_dept_regulation.sale_conduct_fine_action",
    steps: () => [
        {
            content: "Record a new fine",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the employee",
            trigger: ".o_field_widget[name=employee_id] input",
            run: "edit Tour Seller",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Seller)",
            run: "click",
        },
        {
            content: "Choose the lateness rule",
            trigger: ".o_field_widget[name=rule_id] input",
            run: "edit C02",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(C02)",
            run: "click",
        },
        {
            content: "Late by 11 minutes",
            trigger: ".o_field_widget[name=minutes_late] input",
            run: "edit 11",
        },
        {
            content: "Leave the minutes field",
            trigger: ".o_field_widget[name=description] textarea",
            run: "click",
        },
        {
            content: "The rule book sets 50",
            trigger: ".o_field_widget[name=amount] input:value(50.00)",
        },
        ...stepUtils.saveForm(),
        {
            content: "The saved fine shows 50",
            trigger: ".o_form_saved .o_field_widget[name=amount] input:value(50.00)",
        },
    ],
});
