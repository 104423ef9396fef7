// The check every Chinese tour runs on each screen it visits: no English word
// left in a visible text node of the action (chatter and HTML fields aside,
// which show what people wrote).
// Words of Latin letters with a lower-case letter: English left untranslated.
// Codes (S00012, CNY) and numbers pass.
const ENGLISH_WORD = /\b[A-Za-z]*[a-z][A-Za-z]{2,}\b/;

// ``chatter``: also read the chatter (the messages the addon posts, the
// tracking lines), where people's own words are not expected.
export function englishTextNodes(root = document.body, {chatter = false} = {}) {
    const skipped = chatter
        ? "script, style, .o_debug_manager, .o_field_html, .o-mail-Message-body .o_mail_body_user"
        : "script, style, .o_debug_manager, .o-mail-Chatter, .o_field_html";
    const found = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const node = walker.currentNode;
        const parent = node.parentElement;
        if (
            !parent ||
            parent.closest(skipped) ||
            !parent.offsetParent
        ) {
            continue;
        }
        if (ENGLISH_WORD.test(node.textContent)) {
            found.push(node.textContent.trim());
        }
    }
    return found;
}

export function checkChinese(where, options = {}) {
    const english = englishTextNodes(document.querySelector(".o_action_manager"), options);
    if (english.length) {
        throw new Error(`English words on ${where}: ${english.join(" | ")}`);
    }
}

