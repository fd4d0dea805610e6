// The app's entry: the page element, and the files kept for offline use.
import './components/stratum-app.js';
import { keepForOffline } from './offline.js';

keepForOffline();
