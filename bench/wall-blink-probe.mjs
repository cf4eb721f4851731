/**
 * Issue 22.5, in isolation: what 60 overdue tiles cost the page at rest, blinking by one CSS animation
 * each (before) or by one shared 1 s attribute flip (now). `node bench/wall-blink-probe.mjs` (≈ 50 s).
 */
import { chromium } from 'playwright-core';
const tiles = (n) => Array.from({ length: n }, (_, i) => `<div class="tile" data-state="OVERDUE">部门 ${i}</div>`).join('');
const base = `body{background:#0b1220;color:#fff} .tiles{display:grid;grid-template-columns:repeat(10,180px);gap:8px}
.tile{height:80px;border:1px solid red;position:relative;z-index:0;background:rgba(244,63,94,.12)}
.tile::before{content:"";position:absolute;inset:0;z-index:-1;background:rgba(244,63,94,.18);pointer-events:none}`;
const css = {
  animation: base + `.tile::before{animation:alarm 2s steps(1,end) infinite} @keyframes alarm{50%{opacity:0}}`,
  shared: base + `[data-blink-off] .tile::before{opacity:0}`,
};
(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  for (const mode of ['animation', 'shared', 'animation', 'shared']) {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const script = mode === 'shared' ? `<script>setInterval(() => document.body.toggleAttribute('data-blink-off'), 1000)</script>` : '';
    await page.setContent(`<style>${css[mode]}</style><div class="tiles">${tiles(60)}</div>${script}`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.waitForTimeout(1000);
    const m = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
    const a = await m();
    const frames0 = await page.evaluate(() => new Promise((r) => { let n = 0; const s = performance.now(); const f = () => { n++; if (performance.now() - s < 10000) requestAnimationFrame(f); else r(n); }; requestAnimationFrame(f); }));
    const b = await m();
    console.log(mode, 'task s per s:', ((b.TaskDuration - a.TaskDuration) / 10).toFixed(3), 'layouts', b.LayoutCount - a.LayoutCount, 'recalcs', b.RecalcStyleCount - a.RecalcStyleCount, 'animations', await page.evaluate(() => document.getAnimations().length));
    await page.close();
  }
  await browser.close();
})();
