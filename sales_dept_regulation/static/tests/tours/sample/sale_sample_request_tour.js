import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("sales_dept_regulation_sample_submit", {
    url: "/odoo/action-sales_dept_regulation.sale_sample_request_action/new",
    steps: () => [
        {
            content: "Choose the B-grade prospect",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit Tour Prospect B",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(Tour Prospect B)",
            run: "click",
        },
        {
            content: "Describe the new product",
            trigger: ".o_field_widget[name=product_description] textarea",
            run: "edit 新款瓶盖",
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
            run: "edit 1000",
        },
        {
            content: "Shape and dimensions",
            trigger: ".o_field_widget[name=shape_dimensions] textarea",
            run: "edit 圆形 50 x 120 mm",
        },
        {
            content: "Physical properties",
            trigger: ".o_field_widget[name=physical_properties] textarea",
            run: "edit PP 材质",
        },
        {
            content: "Function",
            trigger: ".o_field_widget[name=function_requirements] textarea",
            run: "edit 密封",
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
            content: "Half of the fee is charged",
            trigger: ".o_field_widget[name=charged_amount]:contains(500.00)",
        },
        {
            content: "The decision says the rule charges half of the fee",
            trigger: ".o_field_widget[name=decision_note]:contains(按规则收取 50%):contains(500.00)",
        },
    ],
});

registry.category("web_tour.tours").add("sales_dept_regulation_sample_rd", {
    steps: () => [
        {
            content: "R&D sees the requirements but no fee",
            trigger: ".o_form_view:not(:has(.nav-link[name=fee])) .o_field_widget[name=shape_dimensions]",
        },
        {
            content: "Accept the request",
            trigger: ".o_form_view button[name=action_accept]",
            run: "click",
        },
        {
            content: "Mark the sample made",
            trigger: ".o_form_view button[name=action_made]",
            run: "click",
        },
        {
            content: "Send it",
            trigger: ".o_form_view button[name=action_send]",
            run: "click",
        },
        {
            content: "The sample is sent",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains(已寄出)",
        },
    ],
});

registry.category("web_tour.tours").add("sales_dept_regulation_sample_statistics", {
    url: "/odoo/action-sales_dept_regulation.sale_sample_request_action_statistics",
    steps: () => [
        {
            content: "The month's statistics count the samples",
            trigger: ".o_pivot th.o_pivot_measure_row:contains(计数)",
        },
        {
            content: "and show the days to send",
            trigger: ".o_pivot th.o_pivot_measure_row:contains(至寄出天数)",
        },
        {
            content: "The month of the sample has its row",
            trigger: ".o_pivot tbody tr:nth-child(2) .o_pivot_header_cell_closed",
        },
    ],
});
