import { afterEach, beforeEach } from "vitest";

/**
 * jsdom lays nothing out, so every element reports a 0 × 0 client box and a virtual body would draw
 * no row. For the tests of a file: virtual table viewports (`data-virtual-viewport`) report the height of their
 * `style.height` and a 1000 px width, as a browser would.
 */
export function layOutScrollRegions(): void {
  const height = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientHeight");
  const width = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientWidth");
  beforeEach(() => {
    Object.defineProperty(HTMLElement.prototype, "clientHeight", {
      configurable: true,
      get(this: HTMLElement) {
        return this.hasAttribute("data-virtual-viewport") ? Number.parseInt(this.style.height || "0", 10) : 0;
      },
    });
    Object.defineProperty(HTMLElement.prototype, "clientWidth", {
      configurable: true,
      get(this: HTMLElement) {
        return this.hasAttribute("data-virtual-viewport") ? 1000 : 0;
      },
    });
  });
  afterEach(() => {
    if (height) Object.defineProperty(HTMLElement.prototype, "clientHeight", height);
    if (width) Object.defineProperty(HTMLElement.prototype, "clientWidth", width);
  });
}
