import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

const tours = registry.category("web_tour.tours");

// 1. The telemarketer fills in the after-sales request form.
tours.add("sales_dept_regulation_after_sales_request", {
    steps: () => [
        {
            content: "New request",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Title",
            trigger: ".o_field_widget[name=name] input",
            run: "edit 泵漏水",
        },
        {
            content: "Customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tour AS Customer",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour AS Customer)",
            run: "click",
        },
        {
            content: "Phone, formatted by the server",
            trigger: ".o_field_widget[name=after_sales_phone] input",
            run: "edit 13812345678",
        },
        {
            content: "Description",
            trigger: ".o_field_html[name=description] .odoo-editor-editable",
            run: "editor 使用两天后泵漏水",
        },
        ...stepUtils.saveForm(),
        {
            content: "The request waits for the Department Head",
            trigger: ".o_form_saved .o_statusbar_status .o_arrow_button_current:contains(待经理确认)",
        },
        {
            content: "The phone number is formatted",
            trigger: ".o_field_widget[name=after_sales_phone] input:value(+86 138 1234 5678)",
        },
    ],
});

// 2. The Department Head confirms it: it goes to the technical department.
tours.add("sales_dept_regulation_after_sales_confirm", {
    steps: () => [
        {
            content: "Confirm the request",
            trigger: "button[name=action_confirm_after_sales]",
            run: "click",
        },
        {
            content: "Handed to the technical department",
            trigger: ".o_field_widget[name=team_id] input:value(技术部)",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(新建)",
        },
    ],
});

// 3. A technician records the service status and the result, then closes it.
tours.add("sales_dept_regulation_after_sales_close", {
    steps: () => [
        {
            content: "Open the after-sales page",
            trigger: ".o_notebook .nav-link:contains(售后)",
            run: "click",
        },
        {
            content: "Service status",
            trigger: ".o_field_widget[name=after_sales_service_status] .o_select_menu_toggler",
            run: "click",
        },
        {
            trigger: ".o_select_menu_item:contains(已解决)",
            run: "click",
        },
        {
            content: "Result",
            trigger: ".o_field_widget[name=after_sales_result] textarea",
            run: "edit 已上门更换密封圈",
        },
        ...stepUtils.saveForm(),
        {
            content: "Close it: Done is a folded stage, under More",
            trigger: ".o_statusbar_status .dropdown-toggle.o_first",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains(已完成)",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status .o_arrow_button_current:contains(已完成)",
        },
        ...stepUtils.saveForm(),
    ],
});

// 4. The salesperson reads the feedback.
tours.add("sales_dept_regulation_after_sales_feedback", {
    steps: () => [
        {
            content: "The closing is in the chatter",
            trigger: ".o-mail-Message:contains(已完成)",
        },
        {
            content: "Open the after-sales page",
            trigger: ".o_notebook .nav-link:contains(售后)",
            run: "click",
        },
        {
            content: "The result is there",
            trigger: ".o_field_widget[name=after_sales_result] textarea:value(已上门更换密封圈)",
        },
    ],
});
