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
    // a link to an explanation (#how-S) moves the page there; the address then gets its target back,
    // so a reload or a copied address keeps it
    addEventListener('hashchange', this.follow);
  }

  hostDisconnected(): void {
    this.store.removeEventListener('change', this.follow);
    removeEventListener('hashchange', this.follow);
  }

  private readonly follow = (): void => {
    if (this.store.query === '') return;
    const hash = encodeTargetHash(this.store.target);
    if (location.search !== this.store.query || location.hash !== hash)
      history.replaceState(null, '', location.pathname + this.store.query + hash);
  };
}
