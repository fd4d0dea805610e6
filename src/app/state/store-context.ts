// How components reach the page's store: through Lit's context protocol, so a component finds the
// store its nearest provider offers (the page, or a test that mounts the component alone).
import { createContext } from '@lit/context';
import type { Store } from './store.js';

export const storeContext = createContext<Store>(Symbol('stratum-store'));
