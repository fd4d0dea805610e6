// Keeps the address bar on the store's last valid scenario (the query string) and target (the
// fragment), so the address is always a share link of what is shown. Hosted by the page element.
import type { ReactiveController } from 'lit';
import { encodeTargetHash } from '../target-hash.js';
import type { Store } from './store.js';

export class UrlSync implements ReactiveController {
  constructor(private readonly store: Store) {}

  /** the link to this scenario and target from this page's own address */
  static link(store: Store): string {
    return location.origin + location.pathname + store.query + encodeTargetHash(store.target);
  }

  hostConnected(): void {
    this.store.addEventListener('change', this.follow);
  }

  hostDisconnected(): void {
    this.store.removeEventListener('change', this.follow);
  }

  private readonly follow = (): void => {
    if (this.store.query === '') return;
    const hash = encodeTargetHash(this.store.target);
    if (location.search !== this.store.query || location.hash !== hash)
      history.replaceState(null, '', location.pathname + this.store.query + hash);
  };
}
