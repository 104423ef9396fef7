import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_utils";
import {checkChinese} from "@sales_dept_regulation/../tests/tours/chinese_check";
import {openApp} from "@sales_dept_regulation/../tests/tours/tour_steps";

const tours = registry.category("web_tour.tours");
// the request the three tours follow, from the call to the closing
const TITLE = "输液泵报警失灵";

// from the landing page, through a tile, to the request filed in the first tour
const openFromTile = (tile, who) => [
    ...openApp(),
    {
        content: "The landing page leads with the after-sales work",
        trigger: `.o_sdr_dashboard_tile:contains(${tile})`,
        run() {
            checkChinese(`${who}的首页`);
        },
    },
    {
        trigger: `.o_sdr_dashboard_tile:contains(${tile})`,
        run: "click",
    },
    {
        content: "The tile's list holds the request",
        trigger: `.o_data_row:contains(${TITLE})`,
        run() {
            checkChinese(`${who}的${tile}列表`);
        },
    },
    {
        trigger: `.o_data_row:contains(${TITLE}) .o_data_cell[name=name]`,
        run: "click",
    },
    {
        trigger: `.o_form_view .o_field_widget[name=name] input:value(${TITLE})`,
        run() {
            checkChinese(`${who}打开的售后申请`);
        },
    },
];

// 1. 李娜 (telemarketer) files the customer's call: 售后 > 申请 > 新建.
tours.add("sales_dept_regulation_after_sales_file", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "Her landing page counts her open requests",
            trigger: ".o_sdr_dashboard_tile:contains(我的未结售后申请)",
            run() {
                checkChinese("李娜的首页");
            },
        },
        {
            content: "After-Sales menu",
            trigger: "[data-menu-xmlid='sales_dept_regulation.menu_after_sales']",
            run: "click",
        },
        {
            content: "Requests",
            trigger: "[data-menu-xmlid='sales_dept_regulation.menu_after_sales_requests']",
            run: "click",
        },
        {
            content: "The demo requests are listed",
            trigger: ".o_list_view .o_data_row",
            run() {
                checkChinese("售后申请列表");
            },
        },
        {
            content: "New request",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The title has its label; the form is in Chinese",
            trigger: ".o_form_view .o_form_label:contains(标题)",
            run() {
                checkChinese("新建售后申请");
            },
        },
        {
            trigger: ".o_field_widget[name=name] input",
            run: `edit ${TITLE}`,
        },
        {
            content: "Customer",
            trigger: ".o_field_widget[name=partner_id] input",
            run: "edit 康达",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(北京康达牙科材料有限公司)",
            run: "click",
        },
        {
            content: "The customer's phone is filled in",
            trigger: ".o_field_widget[name=after_sales_phone] input:value(+86 10 5555 0202)",
        },
        {
            content: "Channel: a phone call",
            trigger: ".o_field_widget[name=channel_id] input",
            run: "edit 电话",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains(电话)",
            run: "click",
        },
        {
            content: "Description",
            trigger: ".o_field_html[name=description] .odoo-editor-editable",
            run: "editor 客户来电：输液泵报警后无法消音。",
        },
        ...stepUtils.saveForm(),
        {
            content: "The request waits for the Department Head",
            trigger: ".o_form_saved .o_statusbar_status:has(.o_arrow_button_current:contains(待经理确认))",
            run() {
                checkChinese("已提交的售后申请");
            },
        },
    ],
});

// 2. 张伟 (Department Head) confirms it from his landing page.
tours.add("sales_dept_regulation_after_sales_confirm", {
    url: "/odoo",
    steps: () => [
        ...openFromTile("待确认的售后申请", "张伟"),
        {
            content: "Confirm and hand it to the technical department",
            trigger: "button[name=action_confirm_after_sales]",
            run: "click",
        },
        {
            content: "Handed to the technical department",
            trigger: ".o_form_saved .o_field_widget[name=team_id] input:value(技术部)",
            run() {
                checkChinese("已确认的售后申请");
            },
        },
    ],
});

// 3. 李强 (Technical Staff) takes it and closes it with the outcome and a word.
tours.add("sales_dept_regulation_after_sales_close", {
    url: "/odoo",
    steps: () => [
        ...openFromTile("待处理的售后申请", "李强"),
        {
            content: "Take the request",
            trigger: "button[name=assign_to_me]",
            run: "click",
        },
        {
            trigger: ".o_form_saved .o_field_widget[name=user_id] input:value(李强)",
        },
        {
            content: "Close it",
            trigger: "button[name=action_open_after_sales_close]",
            run: "click",
        },
        {
            content: "The closing asks the outcome",
            trigger: ".modal .o_field_widget[name=service_status] label:contains(已解决)",
            run() {
                checkChinese("关闭售后申请");
            },
        },
        {
            trigger: ".modal .o_field_widget[name=service_status] label:contains(已解决)",
            run: "click",
        },
        {
            content: "and what was done",
            trigger: ".modal .o_field_widget[name=result] textarea",
            run: "edit 已电话指导客户重置报警设置，设备恢复正常。",
        },
        {
            trigger: ".modal button[name=action_close]",
            run: "click",
        },
        {
            content: "Closed",
            trigger: "body:not(:has(.modal)) .o_statusbar_status:has(.o_arrow_button_current:contains(已完成))",
            run() {
                checkChinese("已关闭的售后申请");
            },
        },
    ],
});

// 4. On a phone (390x844): 李强 takes the demo request the Department Head
// confirmed and closes it. Only the first header button shows on a phone; the
// others are under the "more" menu.
const PHONE_TITLE = "监护仪开机报警";
// on a phone the apps are in the side menu, under All Apps
const openAppOnPhone = () => [
    {
        content: "The side menu",
        trigger: ".o_main_navbar .o_menu_toggle",
        run: "click",
    },
    {
        content: "All apps",
        trigger: ".o_app_menu_sidebar .o_sidebar_topbar a.btn-primary",
        run: "click",
    },
    {
        content: "打开销售部规章",
        trigger:
            ".o_app_menu_sidebar li.o_app[data-menu-xmlid='sales_dept_regulation.menu_sales_regulation_root']",
        run: "click",
    },
];
tours.add("sales_dept_regulation_after_sales_close_phone", {
    url: "/odoo",
    steps: () => [
        ...openAppOnPhone(),
        {
            content: "The technician's tile on his landing page",
            trigger: ".o_sdr_dashboard_tile:contains(待处理的售后申请)",
            run() {
                checkChinese("李强手机上的首页");
            },
        },
        {
            trigger: ".o_sdr_dashboard_tile:contains(待处理的售后申请)",
            run: "click",
        },
        {
            content: "The confirmed request is listed",
            trigger: `.o_data_row:contains(${PHONE_TITLE}), .o_kanban_record:contains(${PHONE_TITLE})`,
            run() {
                checkChinese("李强手机上的待处理售后申请");
            },
        },
        {
            trigger: `.o_data_row:contains(${PHONE_TITLE}) .o_data_cell[name=name], .o_kanban_record:contains(${PHONE_TITLE})`,
            run: "click",
        },
        {
            content: "Closing comes first on a phone",
            trigger: ".o_statusbar_buttons button[name=action_open_after_sales_close]",
            run() {
                checkChinese("李强手机上的售后申请");
            },
        },
        {
            content: "Take it: under the more menu",
            trigger: ".o_statusbar_buttons button:has(.oi-ellipsis-v)",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu button[name=assign_to_me]",
            run: "click",
        },
        {
            trigger: ".o_form_saved .o_field_widget[name=user_id] input:value(李强)",
        },
        {
            trigger: ".o_statusbar_buttons button[name=action_open_after_sales_close]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=service_status] label:contains(已提供临时方案)",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=result] textarea",
            run: "edit 远程指导客户关闭报警音，待原厂配件到货后上门更换。",
        },
        {
            trigger: ".modal button[name=action_close]",
            run: "click",
        },
        {
            content: "Closed",
            trigger: "body:not(:has(.modal)) .o_form_saved:not(:has(button[name=action_open_after_sales_close]))",
            run() {
                checkChinese("李强手机上关闭的售后申请");
            },
        },
    ],
});

// 5. 孙磊 (Regulation Administrator) sets the grade C response time from the
// app's configuration.
tours.add("sales_dept_regulation_after_sales_sla_config", {
    url: "/odoo",
    steps: () => [
        ...openApp(),
        {
            content: "His landing page",
            trigger: ".o_action_manager .o_view_controller",
            run() {
                checkChinese("孙磊的首页");
            },
        },
        {
            content: "Configuration",
            trigger: "[data-menu-xmlid='sales_dept_regulation.menu_sales_regulation_config']",
            run: "click",
        },
        {
            content: "After-Sales SLA Rules",
            trigger: "[data-menu-xmlid='sales_dept_regulation.helpdesk_sla_menu_after_sales']",
            run: "click",
        },
        {
            content: "The rules of his company, by grade",
            trigger: ".o_list_view .o_data_row:contains(C 级：响应)",
            run() {
                checkChinese("售后服务时限规则列表");
            },
        },
        {
            trigger: ".o_list_view .o_data_row:contains(C 级：响应) .o_data_cell[name=name]",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=hours] input",
            run() {
                checkChinese("售后服务时限规则");
            },
        },
        {
            trigger: ".o_form_view .o_field_widget[name=hours] input",
            run: "edit 6",
        },
        ...stepUtils.saveForm(),
    ],
});
