import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";

// The Department Head opens the weekly review of a salesperson of the demo from
// the menu, reads it and prints it.
registry.category("web_tour.tours").add("sales_dept_regulation_weekly_review", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "sales_dept_regulation.menu_sales_regulation_root",
            "Open the Sales Regulation app"
        ),
        {
            content: "Open the plans menu",
            trigger: ".o_main_navbar [data-menu-xmlid='sales_dept_regulation.menu_plan']",
            run: "click",
        },
        {
            content: "Open the weekly review",
            trigger: ".dropdown-item[data-menu-xmlid='sales_dept_regulation.sale_weekly_review_menu']",
            run: "click",
        },
        {
            content: "Choose the salesperson",
            trigger: ".o_form_view .o_field_widget[name='user_id'] input",
            run: "edit 王芳",
        },
        {
            content: "Pick 王芳",
            trigger: ".o-autocomplete--dropdown-menu .dropdown-item:contains(王芳)",
            run: "click",
        },
        {
            content: "Her week is shown, section by section",
            trigger: ".o_sdr_weekly_review h3:contains(王芳)",
            run() {
                checkChinese("the weekly review");
            },
        },
        {
            content: "Room to record the review's download (the buffer keeps 250 entries)",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_print']",
            run: () => performance.clearResourceTimings(),
        },
        {
            content: "Print it",
            trigger: ".o_form_view .o_statusbar_buttons button[name='action_print']:contains(打印)",
            run: "click",
        },
        {
            content: "The review is downloaded, with no error",
            trigger: "body:not(:has(.o_error_dialog)) .o_sdr_weekly_review",
            run: async () => {
                // the download leaves nothing on the page: wait for its request
                const downloaded = () =>
                    performance
                        .getEntriesByType("resource")
                        .some((entry) => entry.name.includes("/report/download"));
                for (let wait = 0; wait < 100 && !downloaded(); wait++) {
                    await new Promise((resolve) => setTimeout(resolve, 100));
                }
                if (!downloaded()) {
                    throw new Error("The weekly review was not downloaded.");
                }
            },
        },
    ],
});
