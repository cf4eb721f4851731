import { WallApp } from './app/wall-app';
import { parseWallParams } from './state/wall-params';
import './styles.css';

const root = document.getElementById('wall');
if (root) {
  const app = new WallApp(root, parseWallParams(window.location.search));
  // A reload (the watchdog's) or a navigation releases everything the page holds.
  window.addEventListener('pagehide', () => app.dispose(), { once: true });
}
