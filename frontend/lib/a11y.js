// Focus and live-region helpers shared by the pages.

/** Announces a message in the page's one polite live region. */
export function announce(region, message) {
  region.textContent = '';
  window.setTimeout(() => { region.textContent = message; }, 50);
}

/** Remembers where focus was, to give it back after a panel closes. */
export class FocusReturn {
  remember(element = document.activeElement) {
    this.element = element;
  }

  restore(fallback) {
    const target = this.element && this.element.isConnected ? this.element : fallback;
    this.element = null;
    if (target) {
      target.focus();
    }
  }
}

/** Moves focus to an element that is not focusable by itself (a heading, a list). */
export function focusOn(element) {
  if (!element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '-1');
  }
  element.focus();
}
