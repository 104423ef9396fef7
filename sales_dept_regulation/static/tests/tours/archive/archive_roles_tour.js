import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";

// The archive's main path of each role, as the demo user on the demo data,
// from the app's menu, clicking what a person reads (in Chinese).

const APP = "sales_dept_regulation.menu_sales_regulation_root";

const openApp = () => [
    {
        content: "The web client is loaded (slow on a busy machine)",
        trigger: ".o_main_navbar .o_navbar_apps_menu button:enabled",
        timeout: 30000,
    },
    ...stepUtils.goToAppSteps(APP, "打开销售部规章"),
    {
        content: "The home page of tiles",
        trigger: ".o_kanban_view.o_sdr_dashboard .o_sdr_dashboard_tile",
        run: () => checkChinese("the home page"),
    },
];

// on a phone the apps are in the menu behind the burger button
const openAppOnPhone = () => [
    {
        content: "The menu button (the burger on a phone)",
        trigger: ".o_main_navbar .o_menu_toggle, .o_main_navbar .o_navbar_apps_menu button:enabled",
        timeout: 30000,
        run: "click",
    },
    {
        content: "All the apps, if the menu shows the current one",
        trigger: `.o_app[data-menu-xmlid='${APP}'], .o_app_menu_sidebar .o_sidebar_topbar`,
        run() {
            if (!document.querySelector(`.o_app[data-menu-xmlid='${APP}']`)) {
                document.querySelector(".o_app_menu_sidebar .o_sidebar_topbar a").click();
            }
        },
    },
    {
        content: "打开销售部规章",
        trigger: `.o_app[data-menu-xmlid='${APP}']`,
        run: "click",
    },
    {
        content: "The home page of tiles",
        trigger: ".o_kanban_view.o_sdr_dashboard .o_sdr_dashboard_tile",
        run: () => checkChinese("the home page"),
    },
];

const openMenu = (section, item) => [
    {
        content: `Menu ${section}`,
        trigger: `.o_main_navbar [data-menu-xmlid='sales_dept_regulation.${section}']`,
        run: "click",
    },
    {
        content: `Menu ${item}`,
        trigger: `.dropdown-menu [data-menu-xmlid='sales_dept_regulation.${item}']`,
        run: "click",
    },
];

const openTile = (name) => ({
    content: `The tile ${name}`,
    trigger: `.o_sdr_dashboard_tile:has(.o_sdr_dashboard_name:contains(${name}))`,
    run: "click",
});

const saved = (where) => [
    {
        content: "Save",
        trigger: ".o_form_view .o_form_button_save",
        run: "click",
    },
    {
        content: "Saved with no error: the request has its number",
        trigger:
            "body:not(:has(.o_error_dialog)) .o_form_view .o_field_widget[name=name]:contains(JY/)",
        run: () => checkChinese(where),
    },
];

// 王芳 (salesperson): asks to borrow a paper from its catalogue entry, then a
// confidential paper she cannot see, by its exact title, from 借阅 > 新建.
registry.category("web_tour.tours").add("sales_dept_regulation_archive_borrow_zh", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        ...openMenu("menu_archive", "menu_archive_catalogue"),
        {
            content: "The catalogue lists the papers she may see",
            trigger: ".o_list_view .o_data_row td[name=title]:contains(华东区学术推广活动方案)",
            run() {
                checkChinese("the catalogue");
                this.anchor.click();
            },
        },
        {
            content: "The paper's form: ask to borrow it",
            trigger: ".o_form_view button[name=action_request_loan]",
            run() {
                checkChinese("the document form");
                this.anchor.click();
            },
        },
        {
            content: "Why she borrows it",
            trigger: ".o_form_view .o_field_widget[name=purpose] textarea",
            run: "edit 准备客户拜访资料",
        },
        ...saved("the loan request"),
        ...openMenu("menu_archive", "menu_archive_loans"),
        {
            content: "Her loans: a new request",
            trigger: ".o_list_view .o_list_button_add",
            run() {
                checkChinese("the loans");
                this.anchor.click();
            },
        },
        {
            content: "A confidential paper she cannot see, by its exact title (pasted or committed by the input method at once)",
            trigger: ".o_form_view .o_field_widget[name=document_id] input",
            run() {
                this.anchor.focus();
                this.anchor.value = "年度价格底线表";
                this.anchor.dispatchEvent(new InputEvent("input", {bubbles: true}));
            },
        },
        {
            content: "It is offered as restricted",
            trigger: ".o-autocomplete--dropdown-item:contains(年度价格底线表):contains(受限)",
            run: "click",
        },
        {
            content: "Why she borrows it",
            trigger: ".o_form_view .o_field_widget[name=purpose] textarea",
            run: "edit 核对报价底线",
        },
        ...saved("the request for a confidential paper"),
    ],
});

// 张伟 (Department Head): decides the confidential loan waiting for him, from
// his home tile.
registry.category("web_tour.tours").add("sales_dept_regulation_archive_decide_zh", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        openTile("待审批的机密借阅"),
        {
            content: "The loan 王芳 asked for",
            trigger: ".o_list_view .o_data_row td[name=document_id]:contains(重点客户合作协议)",
            run() {
                checkChinese("the loans to decide");
                this.anchor.click();
            },
        },
        {
            content: "Approve it",
            trigger: ".o_form_view .o_statusbar_buttons button[name=validate_tier]",
            run() {
                checkChinese("the loan to decide");
                this.anchor.click();
            },
        },
        {
            content: "Approved",
            trigger:
                "body:not(:has(.o_error_dialog)) .o_form_view .o_statusbar_status:has(.o_arrow_button_current:contains(已批准))",
            run: () => checkChinese("the approved loan"),
        },
    ],
});

// 刘洋 (Sales Clerk) on a phone: hands over an approved loan and takes back a
// lent paper, from the cards of his home tiles.
registry.category("web_tour.tours").add("sales_dept_regulation_archive_handover_phone", {
    url: "/odoo",
    steps: () => [
        ...openAppOnPhone(),
        openTile("待交付的借阅"),
        {
            content: "The approved loan's card: confirm the handover",
            trigger:
                ".o_kanban_view .o_kanban_record:contains(2026 年度销售政策) button[name=action_sign_out]",
            run() {
                checkChinese("the loans to hand over");
                this.anchor.click();
            },
        },
        {
            content: "Handed over: no card left to hand over",
            trigger:
                "body:not(:has(.o_error_dialog)) .o_kanban_view:not(:has(button[name=action_sign_out]))",
        },
        {
            content: "Back home",
            trigger: ".o_breadcrumb .o_back_button a, .o_breadcrumb .breadcrumb-item:first-child a, .o_back_button",
            run: "click",
        },
        openTile("待归还的借阅"),
        {
            content: "The lent paper's card: record its return",
            trigger:
                ".o_kanban_view .o_kanban_record:contains(第一季度销售例会纪要) button[name=action_open_return]",
            run() {
                checkChinese("the loans to take back");
                this.anchor.click();
            },
        },
        {
            content: "The return dialog asks the condition, marked as required: in good condition",
            trigger: ".modal .o_required_modifier[name=return_condition] input[data-value=good]",
            run(helpers) {
                const english = document
                    .querySelector(".modal")
                    .innerText.match(/\b[A-Za-z]*[a-z][A-Za-z]{2,}\b/);
                if (english) {
                    throw new Error(`English words in the return dialog: ${english[0]}`);
                }
                return helpers.click();
            },
        },
        {
            content: "Record the return",
            trigger: ".modal footer button[name=action_return]",
            run: "click",
        },
        {
            content: "Returned: the dialog closed, no card left to take back",
            trigger:
                "body:not(:has(.modal, .o_error_dialog)) .o_kanban_view:not(:has(.o_kanban_record:contains(第一季度销售例会纪要)))",
            run: () => checkChinese("the loans taken back"),
        },
    ],
});
