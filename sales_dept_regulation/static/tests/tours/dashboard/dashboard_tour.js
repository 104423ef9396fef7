import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("sales_dept_regulation_dashboard", {
    url: "/odoo",
    steps: () => [
        ...stepUtils.goToAppSteps(
            "sales_dept_regulation.menu_sales_regulation_root",
            "Open the Sales Regulation app"
        ),
        {
            content: "The app opens on the landing page: one draft fine waits",
            trigger: ".o_sdr_dashboard_tile:contains(待确认的罚款):has(.o_sdr_dashboard_count:contains(1))",
            run: "click",
        },
        {
            content: "The tile opens the fine it counts",
            trigger: ".o_list_view .o_data_row:contains(Tile Seller)",
        },
        {
            content: "and nothing else",
            trigger: ".o_list_view:not(:has(.o_data_row:nth-child(2)))",
        },
    ],
});
