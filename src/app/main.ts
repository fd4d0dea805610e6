// The app's entry: the page element.
import './components/stratum-app.js';
