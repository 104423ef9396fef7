import {registry} from "@web/core/registry";
import {drawSignature} from "@sales_dept_regulation/../tests/tours/contract/contract_sign_tour";

// On a phone: To Sign opens as cards; the signer signs from the card.
registry.category("web_tour.tours").add("sales_dept_regulation_contract_sign_phone", {
    url: "/odoo/action-sales_dept_regulation.sale_order_action_to_sign",
    steps: () => [
        {
            content: "The contract waiting for this signer is a card",
            trigger: ".o_kanban_view .o_kanban_record button[name=validate_tier]",
            run: "click",
        },
        {
            content: "Open the signature pad",
            trigger: ".modal div[name='sdr_signature'] .o_signature",
            run: "click",
        },
        {
            content: "Draw a signature on the pad",
            trigger: ".modal canvas.o_web_sign_signature",
            run: drawSignature,
        },
        {
            content: "Adopt the signature",
            trigger:
                ".modal:has(canvas.o_web_sign_signature) footer button.btn-primary:not([disabled])",
            run: "click",
        },
        {
            content: "The drawn signature is in the wizard",
            trigger: ".modal div[name='sdr_signature'] img.o_signature",
        },
        {
            content: "Sign",
            trigger: ".modal button[name='add_comment']",
            run: "click",
        },
        {
            content: "The signing dialog closed: the signature is given",
            trigger: "body:not(:has(.modal)) .o_kanban_view",
        },
    ],
});
