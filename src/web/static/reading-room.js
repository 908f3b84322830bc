// Linked highlighting of the side-by-side view: selecting a paragraph (click, keyboard focus,
// Enter or Space) highlights the paragraph or paragraphs the alignment links it with, and says so
// to screen readers. The rows of the view stand level without it.
(() => {
  const views = document.querySelectorAll('[data-parallel]');
  for (const view of views) {
    const status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('aria-live', 'polite');
    status.setAttribute('lang', 'en');
    view.append(status);
  }

  function select(block, announce) {
    const view = block.closest('[data-parallel]');
    if (!view) return [];
    for (const old of view.querySelectorAll('.is-active, .is-linked')) {
      old.classList.remove('is-active', 'is-linked');
      old.removeAttribute('aria-current');
    }
    const linked = [];
    for (const other of view.querySelectorAll(`.parallel-block[data-link="${block.dataset.link}"]`)) {
      if (other.dataset.side === block.dataset.side) {
        other.classList.add('is-active');
      } else {
        other.classList.add('is-linked');
        other.setAttribute('aria-current', 'true');
        linked.push(other);
      }
    }
    const status = view.querySelector('[aria-live]');
    if (announce && status) {
      status.textContent =
        linked.length === 0
          ? 'This paragraph has no counterpart.'
          : `Highlighted ${linked.length === 1 ? 'its counterpart' : `its ${linked.length} counterparts`}.`;
    }
    return linked;
  }

  document.addEventListener('click', (event) => {
    const block = event.target instanceof Element ? event.target.closest('.parallel-block') : null;
    if (block) select(block, true);
  });
  document.addEventListener('focusin', (event) => {
    const block = event.target instanceof Element ? event.target.closest('.parallel-block') : null;
    if (block) select(block, false);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const block = event.target instanceof Element ? event.target.closest('.parallel-block') : null;
    if (!block) return;
    event.preventDefault();
    const [first] = select(block, true);
    first?.scrollIntoView({ block: 'nearest' });
  });
})();
