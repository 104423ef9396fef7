import {stepUtils} from "@web_tour/tour_utils";
import {englishTextNodes} from "@sales_dept_regulation/../tests/tours/chinese_check";

// Steps the addon's tours (and its bridges') share, on a desktop screen.

const APP_MENU = "sales_dept_regulation.menu_sales_regulation_root";

// the app, from the home screen of apps
export const openApp = () => stepUtils.goToAppSteps(APP_MENU, "Open the Sales Regulation app");

// a menu of the app's menu bar
export const openMenu = (xmlid) => ({
    content: `Open the menu ${xmlid}`,
    trigger: `.o_main_navbar [data-menu-xmlid='${xmlid}']`,
    run: "click",
});

// a dialog is outside the action: checkChinese does not read it
export function checkDialogChinese(where) {
    const english = englishTextNodes(document.querySelector(".modal"));
    if (english.length) {
        throw new Error(`English words on ${where}: ${english.join(" | ")}`);
    }
}
