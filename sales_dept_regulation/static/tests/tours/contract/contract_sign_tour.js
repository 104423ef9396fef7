import {registry} from "@web/core/registry";

// A stroke drawn with the mouse on the signature pad (the pad opens in
// drawing mode; a click alone leaves too little ink to count as a signature).
export async function drawSignature() {
    const canvas = document.querySelector(".modal canvas.o_web_sign_signature");
    const rect = canvas.getBoundingClientRect();
    const middle = rect.height / 2;
    const pointer = (type, x, y, buttons) =>
        new PointerEvent(type, {
            bubbles: true,
            cancelable: true,
            isPrimary: true,
            pointerId: 1,
            pointerType: "mouse",
            button: 0,
            buttons,
            clientX: rect.left + x,
            clientY: rect.top + y,
        });
    canvas.dispatchEvent(pointer("pointerdown", 10, middle, 1));
    for (let step = 1; step <= 20; step++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        canvas.dispatchEvent(
            pointer("pointermove", 10 + step * 12, middle + (step % 2 ? 15 : -15), 1)
        );
    }
    canvas.dispatchEvent(pointer("pointerup", 250, middle, 0));
}

// One signer signs the contract open in the form: Sign, comment, draw, adopt,
// confirm.
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
            content: "Draw a signature on the pad",
            trigger: ".modal canvas.o_web_sign_signature",
            run: drawSignature,
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
