import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";

const TILE = ".o_sdr_dashboard_tile";

const openHome = () => [
    // on a phone the apps are in the side menu (goToAppSteps opens it on a desktop only)
    {
        isActive: ["mobile"],
        content: "Open the side menu",
        trigger: ".o_main_navbar .o_menu_toggle",
        run: "click",
    },
    {
        isActive: ["mobile"],
        content: "Show all the apps",
        trigger: ".o_app_menu_sidebar .o_sidebar_topbar a.btn-primary",
        run: "click",
    },
    ...stepUtils.goToAppSteps(
        "sales_dept_regulation.menu_sales_regulation_root",
        "Open the Sales Regulation app"
    ),
    {
        content: "The app opens on the home, with the tiles of the user's roles",
        trigger: `.o_kanban_view ${TILE}`,
        run() {
            checkChinese("the home");
        },
    },
];

// Any role: the home shows its tiles in Chinese, and a tile opens its list.
registry.category("web_tour.tours").add("sales_dept_regulation_dashboard_home", {
    url: "/odoo",
    steps: () => [
        ...openHome(),
        {
            content: "Open the first tile",
            trigger: `.o_kanban_record:first ${TILE}`,
            run: "click",
        },
        {
            content: "The tile opens its list, named after the tile",
            trigger: ".o_action_manager .o_view_controller:not(.o_kanban_view.o_sdr_dashboard)",
            run() {
                checkChinese("the list a tile opens");
            },
        },
    ],
});

// The Regulation Administrator adds a tile by clicking: a name, one of the
// addon's lists, a filter built in the domain editor, the roles; then sees it
// on the home.
registry.category("web_tour.tours").add("sales_dept_regulation_dashboard_add_tile", {
    url: "/odoo",
    steps: () => [
        ...openHome(),
        {
            content: "Open Configuration",
            trigger: "[data-menu-xmlid='sales_dept_regulation.menu_sales_regulation_config']",
            run: "click",
        },
        {
            content: "Open the home's tiles",
            trigger:
                "[data-menu-xmlid='sales_dept_regulation.sale_regulation_dashboard_tile_menu_config']",
            run: "click",
        },
        {
            content: "The tiles are listed in Chinese",
            trigger: ".o_list_view .o_data_row",
            run() {
                checkChinese("the list of tiles");
            },
        },
        {
            content: "Add a tile",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Name it",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit 设累计上限的规范",
        },
        {
            content: "Open the lists a tile may open",
            trigger: ".o_form_view .o_field_widget[name=action_key] .o_select_menu_toggler",
            run: "click",
        },
        {
            content: "The lists are offered by their Chinese names",
            trigger: ".o_select_menu_menu .o_select_menu_item:contains(待签字)",
        },
        {
            content: "Choose the conduct rules",
            trigger: ".o_select_menu_menu .o_select_menu_item:contains(规范手册)",
            run: "click",
        },
        {
            content: "The filter editor offers the list's fields: add a condition",
            trigger: ".o_form_view .o_field_widget[name=domain] a:contains(新规则)",
            run: "click",
        },
        {
            content: "Choose the field of the condition",
            trigger: ".o_form_view .o_field_widget[name=domain] .o_model_field_selector",
            run: "click",
        },
        {
            content: "Search it by its label",
            trigger: ".o_model_field_selector_popover_search input",
            run: "edit 累计上限",
        },
        {
            content: "Pick 设累计上限",
            trigger: ".o_model_field_selector_popover_item_name:contains(设累计上限)",
            run: "click",
        },
        {
            content: "The condition reads in Chinese",
            trigger: ".o_form_view .o_field_widget[name=domain] .o_model_field_selector:contains(设累计上限)",
            run() {
                checkChinese("the tile form");
            },
        },
        {
            content: "Show it to the Regulation Administrator",
            trigger: ".o_form_view .o_field_widget[name=group_ids] input",
            run: "edit 规章管理员",
        },
        {
            content: "Pick the role",
            trigger: ".o-autocomplete--dropdown-menu .dropdown-item:contains(规章管理员)",
            run: "click",
        },
        ...stepUtils.saveForm(),
        {
            content: "Back to the home",
            trigger: "[data-menu-xmlid='sales_dept_regulation.sale_regulation_dashboard_tile_menu']",
            run: "click",
        },
        {
            content: "The new tile is on the home",
            trigger: `.o_kanban_view ${TILE}:contains(设累计上限的规范)`,
            run: "click",
        },
        {
            content: "It opens the rules with a repeat limit",
            trigger: ".o_list_view .o_data_row",
            run() {
                checkChinese("the list of the new tile");
            },
        },
    ],
});
