import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

const openApp = () => [
    ...stepUtils.goToAppSteps(
        "sales_dept_regulation.menu_sales_regulation_root",
        "Open the Sales Regulation app"
    ),
    {
        content: "The app shows its customers",
        trigger: ".o_action_manager .o_view_controller",
    },
    {
        content: "The app's menu bar is in Chinese for a Chinese user",
        trigger: ".o_main_navbar .o_menu_brand:contains(销售部规章)",
    },
];

registry.category("web_tour.tours").add("sales_dept_regulation_open_app", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "Only the administrator has a Configuration menu",
            trigger: ".o_main_navbar:not(:has([data-menu-xmlid='sales_dept_regulation.menu_sales_regulation_config']))",
        },
    ],
});

registry.category("web_tour.tours").add("sales_dept_regulation_open_app_admin", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "Open Configuration",
            trigger: "[data-menu-xmlid='sales_dept_regulation.menu_sales_regulation_config']",
            run: "click",
        },
        {
            content: "Open the roles",
            trigger: "[data-menu-xmlid='sales_dept_regulation.res_groups_menu_role']",
            run: "click",
        },
        {
            content: "The roles list shows the department head",
            trigger: ".o_list_view .o_data_cell:contains(部长)",
        },
    ],
});
