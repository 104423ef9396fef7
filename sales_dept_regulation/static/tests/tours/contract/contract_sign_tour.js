import {registry} from "@web/core/registry";

// One signer signs the contract open in the form: Validate, comment, draw
// (auto-drawn from the signer's name), adopt, confirm.
registry.category("web_tour.tours").add("sales_dept_regulation_contract_sign", {
    steps: () => [
        {
            content: "The contract waits for this signer",
            trigger: ".o_form_view button[name='validate_tier']",
            run: "click",
        },
        {
            content: "Leave a comment",
            trigger: ".modal div[name='comment'] input",
            run: "edit Checked and signed",
        },
        {
            content: "Open the signature pad",
            trigger: ".modal div[name='sdr_signature'] .o_signature",
            run: "click",
        },
        {
            content: "Sign on the pad",
            trigger: ".modal canvas.o_web_sign_signature",
            run: "click",
        },
        {
            content: "Adopt the signature",
            trigger: ".modal:has(canvas.o_web_sign_signature) footer button.btn-primary:not([disabled])",
            run: "click",
        },
        {
            content: "The drawn signature is in the wizard",
            trigger: ".modal div[name='sdr_signature'] img.o_signature",
        },
        {
            content: "Sign",
            trigger: ".modal-footer button[name='add_comment']",
            run: "click",
        },
        {
            content: "The signature is recorded on the contract",
            trigger:
                "body:not(:has(.modal)):not(:has(button[name='validate_tier'])) .o_form_view .o_notebook a[name='sdr_signatures']",
        },
    ],
});
