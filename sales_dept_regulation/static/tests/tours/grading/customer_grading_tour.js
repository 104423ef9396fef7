import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("sales_dept_regulation_lock_grade", {
    steps: () => [
        {
            content: "Open the Grading tab of the customer",
            trigger: ".o_notebook .nav-link[name='customer_grading']",
            run: "click",
        },
        {
            content: "Lock the grade",
            trigger: "button.o_sdr_lock_grade",
            run: "click",
        },
        {
            content: "Choose the grade",
            trigger: ".modal div[name='grade_id'] input",
            run: "edit TourGrade",
        },
        {
            content: "Pick it in the dropdown",
            trigger: ".o-autocomplete--dropdown-item:contains(TourGrade)",
            run: "click",
        },
        {
            content: "Give the mandatory reason",
            trigger: ".modal div[name='reason'] textarea",
            run: "edit Strategic key account",
        },
        {
            content: "Confirm",
            trigger: ".modal button[name='action_lock']",
            run: "click",
        },
        {
            content: "The grade shows as locked",
            trigger: "button.o_sdr_unlock_grade",
        },
        {
            content: "The history shows the lock with its reason",
            trigger: ".o_sdr_grade_history .o_data_row:contains(Strategic key account)",
        },
    ],
});
