// Base of the app's elements: rendered in the page's light DOM (one stylesheet, page.css) and
// re-rendered whenever the store changes.
import { LitElement } from 'lit';
import { store } from '../store.js';

export class StoreElement extends LitElement {
  private readonly onChange = () => this.requestUpdate();

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    store.addEventListener('change', this.onChange);
  }

  override disconnectedCallback(): void {
    store.removeEventListener('change', this.onChange);
    super.disconnectedCallback();
  }
}
