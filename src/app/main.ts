// The app's entry: the page element, which runs the scenario and then keeps the files for offline use.
import './components/stratum-app.js';
