// Base of the app's elements: rendered in the page's light DOM (one stylesheet, page.css), given
// the store by the nearest provider (context), and re-rendered whenever the store changes.
import { consume } from '@lit/context';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { storeContext } from '../state/store-context.js';
import type { Store } from '../state/store.js';

export class StoreElement extends LitElement {
  @consume({ context: storeContext })
  @property({ attribute: false })
  store!: Store;

  private subscribed: Store | undefined;
  private readonly onChange = () => this.requestUpdate();

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override willUpdate(): void {
    if (this.subscribed === this.store) return;
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = this.store;
    this.subscribed?.addEventListener('change', this.onChange);
  }

  override disconnectedCallback(): void {
    this.subscribed?.removeEventListener('change', this.onChange);
    this.subscribed = undefined;
    super.disconnectedCallback();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.store && this.subscribed === undefined) {
      this.subscribed = this.store;
      this.store.addEventListener('change', this.onChange);
    }
  }
}
