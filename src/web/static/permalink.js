// Enhancements of the document page; the page works fully without them.
// 1. A permanent link for every text block (#<text id>-<block id>), shown on hover and focus,
//    which copies the block's URL.
// 2. Copy buttons for citations (buttons rendered `hidden`, shown only when copying can work).
(() => {
  const canCopy = Boolean(navigator.clipboard && window.isSecureContext);

  // The pilcrow is CSS generated content, so that a block's text stays the text of the document.
  function flash(button, message) {
    if (button.classList.contains('block-permalink')) {
      button.dataset.state = message;
      setTimeout(() => delete button.dataset.state, 1500);
      return;
    }
    const label = button.textContent;
    button.textContent = message;
    setTimeout(() => {
      button.textContent = label;
    }, 1500);
  }

  async function copy(text, button) {
    try {
      await navigator.clipboard.writeText(text);
      flash(button, 'Copied');
    } catch {
      flash(button, 'Copy failed');
    }
  }

  for (const block of document.querySelectorAll('.text-body .block[id]')) {
    const link = document.createElement('a');
    link.className = 'block-permalink';
    link.href = `#${block.id}`;
    link.setAttribute('aria-label', `Link to this paragraph (${block.id})`);
    link.setAttribute('lang', 'en');
    link.addEventListener('click', (event) => {
      if (!canCopy) return;
      event.preventDefault();
      history.replaceState(null, '', link.href);
      copy(link.href, link);
    });
    block.append(link);
  }

  for (const button of document.querySelectorAll('button[data-copy]')) {
    const source = document.getElementById(button.dataset.copy);
    if (!source || !canCopy) continue;
    button.hidden = false;
    button.addEventListener('click', () => copy(source.textContent.trim(), button));
  }
})();
