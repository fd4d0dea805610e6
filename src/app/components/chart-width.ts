// The pixel width a chart has on the page, measured with a ResizeObserver, so each chart is laid
// out for it (text stays ≥ 11 px on a phone) rather than drawn for 560 px and shrunk.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** the width the charts are laid out for before anything is measured, and the least they take */
const DEFAULT_WIDTH = 560;
const LEAST_WIDTH = 300;

export class ChartWidth implements ReactiveController {
  width = DEFAULT_WIDTH;
  private readonly observer = new ResizeObserver(() => this.measure());

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** the element whose content box a chart fills */
    private readonly selector: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }

  private measure(): void {
    const body = this.host.querySelector<HTMLElement>(this.selector);
    if (!body) return;
    const width = Math.max(LEAST_WIDTH, Math.floor(body.clientWidth));
    // a change of a pixel or two is scroll-bar noise, not a new layout
    if (Math.abs(width - this.width) <= 2) return;
    this.width = width;
    this.host.requestUpdate();
  }
}
